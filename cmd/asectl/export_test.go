package main

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/asectl/asectl/internal/gen"
	"github.com/asectl/asectl/model"
	_ "modernc.org/sqlite"
)

// exportCorpus writes n generated descriptions (some with findings that
// quote the input) and a file that is not a description under dir.
func exportCorpus(t *testing.T, dir string, n int) {
	t.Helper()
	tmpl, err := os.ReadFile("../../testdata/A72213.txt")
	require.NoError(t, err)
	g := gen.New(tmpl, 99)
	require.NoError(t, os.MkdirAll(dir, 0o755))
	for i := range n {
		b := g.Description(i)
		if i%9 == 4 {
			b = bytes.Replace(b, []byte("Y-tunnus: "), []byte("Y-tunnus: 1"), 1)
			b = bytes.Replace(b, []byte("\nPostinumero:"), []byte(fmt.Sprintf("\nMuu tieto %d: x\nPostinumero:", i)), 1)
		}
		require.NoError(t, os.WriteFile(filepath.Join(dir, fmt.Sprintf("%04d.txt", i)), b, 0o644))
	}
	require.NoError(t, os.WriteFile(filepath.Join(dir, "zz-notes.txt"), []byte("not a description\n"), 0o644))
}

// TestExportMatchesParseAndValidate: what export writes is what parse and
// validate print for the same inputs, input by input: the project code,
// the amounts in cents, the number of list rows and the findings by rule.
func TestExportMatchesParseAndValidate(t *testing.T) {
	dir := t.TempDir()
	exportCorpus(t, filepath.Join(dir, "gen"), 150)
	lists, err := filepath.Glob("../../testdata/projectlist/*.csv")
	require.NoError(t, err)
	inputs := append([]string{"../../testdata/real", "../../testdata/A72213.txt", "../../testdata/S22213-esf.txt", "../../testdata/html", filepath.Join(dir, "gen")}, lists...)
	db := filepath.Join(dir, "p.db")

	_, stderr, code := run(t, dir, append([]string{"export", "--today", "2026-11-27", "-o", db}, inputs...)...)
	assert.Equal(t, 1, code, "the file that is not a description gives exit 1, as in parse") // as parse does
	assert.Contains(t, stderr, "zz-notes.txt: error: not an EURA 2014 project description")
	jsonl, _, code := run(t, dir, append([]string{"parse", "--format", "jsonl"}, inputs...)...)
	assert.Equal(t, 1, code)
	findingsJSON, _, _ := run(t, dir, append([]string{"validate", "--today", "2026-11-27", "--format", "json"}, inputs...)...)

	type figures struct {
		Code                                    string
		Granted, Realised, Planned, PubRealised int64
		Partners, Areas, Scores                 int
		Findings                                string
	}
	want := map[string]*figures{}
	var order []string
	cents := func(v any) int64 {
		n, ok := v.(json.Number)
		if !ok {
			return -1
		}
		x, err := model.ParseFixed2(n.String())
		require.NoError(t, err)
		return int64(x)
	}
	dec := json.NewDecoder(strings.NewReader(jsonl))
	dec.UseNumber()
	listRows := map[string]string{} // by list source: the rows' code, line, cents and error
	for dec.More() {
		var d struct {
			Kind    string
			Line    int
			Source  string
			Error   *string
			Project struct{ Code *string }
			Funding map[string]any
			Appl    struct {
				Co []any `json:"co_implementers"`
				Tr []any `json:"transfer_recipients"`
			} `json:"applicant"`
			Area       map[string]any
			Horizontal struct{ Sustainability []any }
		}
		require.NoError(t, dec.Decode(&d))
		if d.Kind == "list_row" {
			code := ""
			if d.Project.Code != nil {
				code = *d.Project.Code
			}
			listRows[d.Source] += fmt.Sprintf("%d %s %d %v\n", d.Line, code, cents(d.Funding["eu_state_granted"]), d.Error != nil)
			if len(order) == 0 || order[len(order)-1] != d.Source {
				order = append(order, d.Source)
			}
			continue
		}
		f := &figures{}
		if d.Project.Code != nil {
			f.Code = *d.Project.Code
		}
		f.Granted, f.Realised = cents(d.Funding["eu_state_granted"]), cents(d.Funding["eu_state_realised"])
		f.Planned, f.PubRealised = cents(d.Funding["public_planned"]), cents(d.Funding["public_realised"])
		f.Partners = len(d.Appl.Co) + len(d.Appl.Tr)
		for _, k := range []string{"regions", "sub_regions", "municipalities"} {
			l, _ := d.Area[k].([]any)
			f.Areas += len(l)
		}
		f.Scores = len(d.Horizontal.Sustainability)
		want[d.Source] = f
		order = append(order, d.Source)
	}
	var report struct {
		Files []struct {
			Source   string
			Findings []struct{ Rule, Severity, Message, Field string }
		}
	}
	require.NoError(t, json.Unmarshal([]byte(findingsJSON), &report))
	require.Len(t, report.Files, len(order))
	listFindings := map[string]string{}
	for _, f := range report.Files {
		var rules []string
		for _, x := range f.Findings {
			rules = append(rules, x.Rule+"/"+x.Severity+"/"+x.Field+"/"+x.Message)
		}
		if _, ok := listRows[f.Source]; ok {
			listFindings[f.Source] = strings.Join(rules, "\n")
			continue
		}
		want[f.Source].Findings = strings.Join(rules, "\n")
	}

	conn, err := sql.Open("sqlite", db)
	require.NoError(t, err)
	defer conn.Close()
	rows, err := conn.Query(`
		SELECT d.source, coalesce(d.code, ''),
		       coalesce(eu_state_granted_cents, -1), coalesce(eu_state_realised_cents, -1),
		       coalesce(public_planned_cents, -1), coalesce(public_realised_cents, -1),
		       (SELECT count(*) FROM partners p WHERE p.description_id = d.id),
		       (SELECT count(*) FROM areas a WHERE a.description_id = d.id),
		       (SELECT count(*) FROM sustainability s WHERE s.description_id = d.id),
		       (SELECT coalesce(group_concat(rule || '/' || severity || '/' || coalesce(field, '') || '/' || message, char(10)), '')
		          FROM (SELECT * FROM findings f WHERE f.description_id = d.id ORDER BY f.id))
		FROM descriptions d ORDER BY d.id`)
	require.NoError(t, err)
	defer rows.Close()
	var got []string
	for rows.Next() {
		var src string
		f := &figures{}
		require.NoError(t, rows.Scan(&src, &f.Code, &f.Granted, &f.Realised, &f.Planned, &f.PubRealised, &f.Partners, &f.Areas, &f.Scores, &f.Findings))
		got = append(got, src)
		if assert.Contains(t, want, src) {
			assert.Equal(t, want[src], f, src)
		}
	}
	require.NoError(t, rows.Err())
	assert.Greater(t, len(got), 190)

	// The project lists: every row, and the findings of each list in the
	// order validate gives them (by line, then position and rule).
	require.Len(t, listRows, len(lists))
	for _, src := range order {
		want, ok := listRows[src]
		if !ok {
			continue
		}
		var gotRows, gotFindings string
		require.NoError(t, conn.QueryRow(`SELECT group_concat(line || ' ' || coalesce(code, '') || ' ' || coalesce(eu_state_granted_cents, -1) || ' ' || iif(error IS NULL, 'false', 'true'), char(10)) || char(10)
			FROM (SELECT * FROM list_rows WHERE source = ? ORDER BY line)`, src).Scan(&gotRows))
		assert.Equal(t, want, gotRows, src)
		require.NoError(t, conn.QueryRow(`SELECT coalesce(group_concat(rule || '/' || severity || '/' || coalesce(field, '') || '/' || message, char(10)), '')
			FROM (SELECT f.* FROM findings f JOIN list_rows r ON r.id = f.list_row_id WHERE r.source = ? ORDER BY r.line, f.id)`, src).Scan(&gotFindings))
		assert.Equal(t, listFindings[src], gotFindings, src)
		got = append(got, src)
	}
	// Input order: descriptions by id, then the lists (named last here).
	assert.Equal(t, order, got, "the inputs are in input order")
	assert.Greater(t, strings.Count(strings.Join(slices.Collect(maps.Values(listFindings)), "\n"), "\n"), 100)
}

// TestExportUsage: the mistakes export refuses, each with a message.
func TestExportUsage(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"export", "../../testdata/A72213.txt"}, "export needs -o FILE"},
		{[]string{"export", "-o", "-", "../../testdata/A72213.txt"}, "export needs -o FILE"},
		{[]string{"export", "--format", "csv", "-o", "x.db", "../../testdata/A72213.txt"}, `unknown --format "csv" (valid: sqlite)`},
		{[]string{"export", "--today", "27.11.2026", "-o", "x.db", "../../testdata/A72213.txt"}, "--today"},
		{[]string{"export", "-o", filepath.Join(dir, "missing", "x.db"), "../../testdata/A72213.txt"}, "no such directory"},
		{[]string{"export", "-o", "/dev/null", "../../testdata/A72213.txt"}, "not a regular file"},
		{[]string{"export", "-o", "../../testdata/A72213.txt", "../../testdata/A72213.txt"}, "is also an input"},
	} {
		_, stderr, code := run(t, dir, tc.args...)
		assert.Equal(t, 2, code, "%v", tc.args)
		assert.Contains(t, stderr, tc.want, "%v", tc.args)
	}
	files, _ := os.ReadDir(dir)
	assert.Empty(t, files)
}

// TestExportStopped: an export killed half-way (SIGKILL: no clean-up at
// all) or interrupted (SIGINT) leaves the previous database as it was and
// readable; the interrupted one also removes its temporary file.
func TestExportStopped(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("signals")
	}
	asectl, err := exec.LookPath("asectl")
	require.NoError(t, err, "testscript.Main puts asectl on PATH")
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	exportCorpus(t, corpus, 400)
	db := filepath.Join(dir, "p.db")
	_, _, code := run(t, dir, "export", "-o", db, "../../testdata/A72213.txt")
	require.Equal(t, 0, code)
	before, err := os.ReadFile(db)
	require.NoError(t, err)

	for _, sig := range []os.Signal{syscall.SIGKILL, os.Interrupt} {
		t.Run(sig.String(), func(t *testing.T) {
			// The corpus named many times over: long enough to stop in the middle.
			args := []string{"export", "--jobs", "1", "-o", db}
			for range 40 {
				args = append(args, corpus)
			}
			cmd := exec.Command(asectl, args...)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			require.NoError(t, cmd.Start())
			// Wait until the temporary database has grown past its schema.
			deadline := time.Now().Add(30 * time.Second)
			for {
				tmps, _ := filepath.Glob(filepath.Join(dir, ".p.db.tmp-*"))
				if len(tmps) == 1 {
					if st, err := os.Stat(tmps[0]); err == nil && st.Size() > 512<<10 {
						break
					}
				}
				if time.Now().After(deadline) {
					cmd.Process.Kill()
					t.Fatalf("no temporary database grew within 30 s; stderr: %s", stderr.String())
				}
				time.Sleep(2 * time.Millisecond)
			}
			require.NoError(t, cmd.Process.Signal(sig))
			err := cmd.Wait()
			require.Error(t, err, "the export ended before it was stopped; stderr: %s", stderr.String())

			after, err := os.ReadFile(db)
			require.NoError(t, err)
			assert.Equal(t, before, after, "the previous database changed")
			conn, err := sql.Open("sqlite", db)
			require.NoError(t, err)
			defer conn.Close()
			var ok string
			var n int
			require.NoError(t, conn.QueryRow(`PRAGMA integrity_check`).Scan(&ok))
			require.NoError(t, conn.QueryRow(`SELECT count(*) FROM descriptions`).Scan(&n))
			assert.Equal(t, "ok", ok)
			assert.Equal(t, 1, n)

			tmps, _ := filepath.Glob(filepath.Join(dir, ".p.db.tmp-*"))
			if sig == os.Interrupt {
				assert.Equal(t, 130, cmd.ProcessState.ExitCode())
				assert.Empty(t, tmps, "the interrupted export left its temporary file")
			}
			for _, f := range tmps {
				os.Remove(f)
			}
		})
	}
}

// TestExportFromParseJSON: asectl's own parse JSON (an array, JSON lines,
// one document) gives the database the inputs it was parsed from give,
// findings and all. The findings are validate's from JSON: without line
// and column (located by field), and a message quotes the value as JSON
// holds it (an e-mail address's "(at)" is "@" there).
func TestExportFromParseJSON(t *testing.T) {
	dir := t.TempDir()
	gen := filepath.Join(dir, "gen")
	exportCorpus(t, gen, 60)
	inputs := []string{"../../testdata/real", "../../testdata/A72213.txt", "../../testdata/S22213-esf.txt", "../../testdata/html", gen}
	export := func(db string, inputs ...string) {
		t.Helper()
		_, stderr, code := run(t, dir, append([]string{"export", "--today", "2026-11-27", "-o", filepath.Join(dir, db)}, inputs...)...)
		assert.Equal(t, 1, code, "zz-notes.txt is not a description: %s", stderr)
	}
	export("text.db", inputs...)
	for _, f := range []string{"json", "jsonl"} {
		out, _, code := run(t, dir, append([]string{"parse", "--format", f}, inputs...)...)
		require.Equal(t, 1, code)
		require.NoError(t, os.WriteFile(filepath.Join(dir, "x."+f), []byte(out), 0o644))
		export(f+".db", filepath.Join(dir, "x."+f))
	}
	one, _, code := run(t, dir, "parse", "../../testdata/S22213-esf.txt")
	require.Equal(t, 0, code)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "one.json"), []byte(one), 0o644))
	for _, db := range []string{"one-text.db", "one-json.db"} {
		in := map[string]string{"one-text.db": "../../testdata/S22213-esf.txt", "one-json.db": filepath.Join(dir, "one.json")}[db]
		_, stderr, code := run(t, dir, "export", "--today", "2026-11-27", "-o", filepath.Join(dir, db), in)
		require.Equal(t, 0, code, stderr)
	}

	// dump is every row of every data table, findings without line and
	// column and in (description, rule, field, message) order.
	dump := func(db string) map[string]string {
		t.Helper()
		conn, err := sql.Open("sqlite", filepath.Join(dir, db))
		require.NoError(t, err)
		defer conn.Close()
		out := map[string]string{}
		for table, q := range map[string]string{
			"descriptions": "SELECT * FROM descriptions ORDER BY id", "partners": "SELECT * FROM partners ORDER BY id",
			"areas": "SELECT * FROM areas ORDER BY id", "sustainability": "SELECT * FROM sustainability ORDER BY id",
			"indicators": "SELECT * FROM indicators ORDER BY id", "gender_equality": "SELECT * FROM gender_equality ORDER BY id",
			"other_sections": "SELECT * FROM other_sections ORDER BY id", "list_rows": "SELECT * FROM list_rows ORDER BY id",
			"findings": `SELECT description_id, list_row_id, rule, severity, field FROM findings
				ORDER BY description_id, list_row_id, rule, field`,
			"messages": `SELECT message FROM findings ORDER BY message`,
		} {
			rows, err := conn.Query(q)
			require.NoError(t, err)
			cols, err := rows.Columns()
			require.NoError(t, err)
			var b strings.Builder
			for rows.Next() {
				vals := make([]any, len(cols))
				ptrs := make([]any, len(cols))
				for i := range vals {
					ptrs[i] = &vals[i]
				}
				require.NoError(t, rows.Scan(ptrs...))
				fmt.Fprintf(&b, "%#v\n", vals)
			}
			require.NoError(t, rows.Err())
			rows.Close()
			out[table] = b.String()
		}
		for _, check := range []string{"PRAGMA integrity_check", "PRAGMA foreign_key_check"} {
			var got string
			err := conn.QueryRow(check).Scan(&got)
			if check == "PRAGMA integrity_check" {
				require.NoError(t, err)
				assert.Equal(t, "ok", got)
			} else {
				assert.ErrorIs(t, err, sql.ErrNoRows, "foreign_key_check reports a row")
			}
		}
		return out
	}
	text := dump("text.db")
	assert.Greater(t, strings.Count(text["descriptions"], "\n"), 100)
	assert.Greater(t, strings.Count(text["findings"], "\n"), 60)
	assert.Contains(t, text["descriptions"], "zz-notes.txt", "the input that is not a description has its row")
	// The messages are validate's for the JSON.
	out, _, _ := run(t, dir, "validate", "--today", "2026-11-27", "--format", "json", filepath.Join(dir, "x.json"))
	var report struct {
		Files []struct{ Findings []struct{ Message string } }
	}
	require.NoError(t, json.Unmarshal([]byte(out), &report))
	var messages []string
	for _, f := range report.Files {
		for _, x := range f.Findings {
			messages = append(messages, x.Message)
		}
	}
	slices.Sort(messages)
	for i, m := range messages {
		messages[i] = fmt.Sprintf("%#v\n", []any{m})
	}
	for _, db := range []string{"json.db", "jsonl.db"} {
		got := dump(db)
		for table, rows := range text {
			if table == "messages" {
				assert.Equal(t, strings.Join(messages, ""), got[table], db)
				continue
			}
			if !assert.Equal(t, strings.Split(rows, "\n"), strings.Split(got[table], "\n"), "%s: %s", db, table) {
				break
			}
		}
	}
	assert.Equal(t, dump("one-text.db"), dump("one-json.db"))
}
