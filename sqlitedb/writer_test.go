package sqlitedb

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/asectl/asectl/internal/gen"
	"github.com/asectl/asectl/internal/golden"
	"github.com/asectl/asectl/model"
	"github.com/asectl/asectl/parser"
	"github.com/asectl/asectl/projectlist"
	"github.com/asectl/asectl/validate"
)

var update = flag.Bool("update", false, "rewrite the golden files")

var today = model.Date{Year: 2026, Month: time.November, Day: 27}

// input is one test input: its name and bytes.
type input struct {
	name string
	src  []byte
}

// testInputs are every shipped sample, generated descriptions (with
// varied codes, periods, amounts and indicators, and some with broken
// values) and an input that is not a description.
func testInputs(t testing.TB) []input {
	t.Helper()
	var ins []input
	var paths []string
	for _, pattern := range []string{"../testdata/real/*.txt", "../testdata/*.txt", "../testdata/html/*.htm*", "../testdata/html/*/*.htm*"} {
		found, err := filepath.Glob(pattern)
		require.NoError(t, err)
		for _, p := range found {
			if !strings.Contains(p, "_files") {
				paths = append(paths, p)
			}
		}
	}
	var tmpl []byte
	for _, p := range paths {
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		ins = append(ins, input{p, b})
		if p == "../testdata/A72213.txt" {
			tmpl = b
		}
	}
	require.NotNil(t, tmpl)
	g := gen.New(tmpl, 17)
	for i := range 60 {
		b := g.Description(i)
		if i%7 == 3 {
			b = bytes.Replace(b, []byte("Y-tunnus: "), []byte("Y-tunnus: 1"), 1)
			b = bytes.Replace(b, []byte("Kunnat: Rovaniemi"), []byte("Kunnat: Oulu, Eikuntaa"), 1)
		}
		ins = append(ins, input{fmt.Sprintf("gen/%03d.txt", i), b})
	}
	ins = append(ins, input{"notes.txt", []byte("shopping list\nmilk\n")})
	return ins
}

// entry is what an export takes for one input.
type entry struct {
	doc      *model.Description
	findings []validate.Finding
}

func prepare(t testing.TB, ins []input) []entry {
	t.Helper()
	var out []entry
	cfg := validate.Config{Today: today}
	for _, in := range ins {
		res, err := parser.Parse(in.name, in.src, parser.Options{})
		if err != nil {
			e := entry{doc: model.Failed(in.name, err.Error())}
			if x, ok := validate.NotDescription(err, cfg); ok {
				e.findings = append(e.findings, x)
			}
			out = append(out, e)
			continue
		}
		out = append(out, entry{res.Doc, validate.Check(res, cfg)})
	}
	return out
}

func export(t testing.TB, path string, entries []entry, opt Options) Counts {
	t.Helper()
	w, err := Create(path, opt)
	require.NoError(t, err)
	for _, e := range entries {
		require.NoError(t, w.Add(e.doc, e.findings))
	}
	require.NoError(t, w.Commit())
	return w.Counts()
}

func open(t testing.TB, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	return db
}

// jsonFigures are the counts and sums a test compares: from the parse
// JSON here, from SQL in sqlFigures.
func jsonFigures(t testing.TB, entries []entry) map[string]int64 {
	t.Helper()
	m := map[string]int64{}
	for _, e := range entries {
		var d map[string]any
		dec := json.NewDecoder(bytes.NewReader(e.doc.AppendJSON(nil)))
		dec.UseNumber()
		require.NoError(t, dec.Decode(&d))
		m["descriptions"]++
		m["findings"] += int64(len(e.findings))
		for _, f := range e.findings {
			m["findings "+f.Severity.String()]++
		}
		if d["error"] != nil {
			m["errors"]++
			continue
		}
		get := func(path string) any {
			var v any = d
			for _, k := range strings.Split(path, ".") {
				v = v.(map[string]any)[k]
			}
			return v
		}
		money := func(path string) int64 {
			n, ok := get(path).(json.Number)
			if !ok {
				return 0
			}
			x, err := model.ParseFixed2(n.String())
			require.NoError(t, err)
			return int64(x)
		}
		count := func(key, path string) { m[key] += int64(len(get(path).([]any))) }
		count("co_implementers", "applicant.co_implementers")
		count("transfer_recipients", "applicant.transfer_recipients")
		count("regions", "area.regions")
		count("sub_regions", "area.sub_regions")
		count("municipalities", "area.municipalities")
		count("sustainability", "horizontal.sustainability")
		count("other indicators", "indicators.other")
		count("other sections", "other_sections")
		for _, o := range get("indicators.other").([]any) {
			if n, ok := o.(map[string]any)["planned"].(map[string]any)["total"].(json.Number); ok {
				x, err := model.ParseFixed2(n.String())
				require.NoError(t, err)
				m["hundredths other planned_total"] += int64(x)
			}
		}
		for _, o := range get("other_sections").([]any) {
			if s, ok := o.(map[string]any)["text"].(string); ok {
				m["other sections characters"] += int64(utf8.RuneCountInString(s))
			}
		}
		for _, s := range get("horizontal.sustainability").([]any) {
			for _, k := range []string{"direct", "indirect"} {
				if n, ok := s.(map[string]any)[k].(json.Number); ok {
					v, _ := n.Int64()
					m["sum "+k] += v
				}
			}
		}
		for _, f := range []string{"eu_state_granted", "eu_state_realised", "public_planned", "public_realised"} {
			m["cents "+f] += money("funding." + f)
		}
		for _, ind := range []string{"new_jobs", "new_companies"} {
			for _, f := range []string{"planned.total", "planned.women", "realised.total", "realised.women"} {
				m["hundredths "+strings.ReplaceAll(f, ".", "_")] += money("indicators." + ind + "." + f)
			}
		}
		for _, q := range []string{"context_analysis", "mainstreamed", "main_goal"} {
			switch get("horizontal.gender_equality." + q + ".answer") {
			case true:
				m["yes"]++
			case false:
				m["no"]++
			}
		}
		if s, ok := get("project.period.start").(string); ok && s != "" {
			m["starts"]++
		}
		if s, ok := get("project.name").(string); ok {
			m["name characters"] += int64(utf8.RuneCountInString(s))
		}
		if s, ok := get("summary").(string); ok {
			m["summary characters"] += int64(utf8.RuneCountInString(s))
		}
	}
	return m
}

func sqlFigures(t testing.TB, db *sql.DB) map[string]int64 {
	t.Helper()
	m := map[string]int64{}
	q := func(key, query string) {
		var v sql.NullInt64
		require.NoError(t, db.QueryRow(query).Scan(&v), query)
		m[key] = v.Int64
	}
	q("descriptions", `SELECT count(*) FROM descriptions`)
	q("errors", `SELECT count(*) FROM descriptions WHERE error IS NOT NULL`)
	q("findings", `SELECT count(*) FROM findings`)
	for _, s := range []string{"error", "warning", "info"} {
		q("findings "+s, `SELECT count(*) FROM findings WHERE severity = '`+s+`'`)
	}
	q("co_implementers", `SELECT count(*) FROM partners WHERE role = 'co_implementer'`)
	q("transfer_recipients", `SELECT count(*) FROM partners WHERE role = 'transfer_recipient'`)
	q("regions", `SELECT count(*) FROM areas WHERE level = 'region'`)
	q("sub_regions", `SELECT count(*) FROM areas WHERE level = 'sub_region'`)
	q("municipalities", `SELECT count(*) FROM areas WHERE level = 'municipality'`)
	q("sustainability", `SELECT count(*) FROM sustainability`)
	q("other indicators", `SELECT count(*) FROM indicators WHERE indicator = 'other'`)
	q("other sections", `SELECT count(*) FROM other_sections`)
	q("hundredths other planned_total", `SELECT CAST(round(sum(planned_total) * 100) AS INTEGER) FROM indicators WHERE indicator = 'other'`)
	q("other sections characters", `SELECT sum(length(text)) FROM other_sections`)
	q("sum direct", `SELECT sum(direct) FROM sustainability`)
	q("sum indirect", `SELECT sum(indirect) FROM sustainability`)
	for _, f := range []string{"eu_state_granted", "eu_state_realised", "public_planned", "public_realised"} {
		q("cents "+f, `SELECT sum(`+f+`_cents) FROM descriptions`)
	}
	for _, f := range []string{"planned_total", "planned_women", "realised_total", "realised_women"} {
		q("hundredths "+f, `SELECT CAST(round(sum(`+f+`) * 100) AS INTEGER) FROM indicators WHERE indicator <> 'other'`)
	}
	q("yes", `SELECT count(*) FROM gender_equality WHERE answer = 1`)
	q("no", `SELECT count(*) FROM gender_equality WHERE answer = 0`)
	q("starts", `SELECT count(period_start) FROM descriptions`)
	q("name characters", `SELECT sum(length(name)) FROM descriptions`)
	q("summary characters", `SELECT sum(length(summary)) FROM descriptions`)
	for k, v := range m {
		if v == 0 {
			delete(m, k)
		}
	}
	return m
}

func nonZero(m map[string]int64) map[string]int64 {
	out := map[string]int64{}
	for k, v := range m {
		if v != 0 {
			out[k] = v
		}
	}
	return out
}

// checkClean runs SQLite's own checks of the file.
func checkClean(t testing.TB, db *sql.DB) {
	t.Helper()
	var ok string
	require.NoError(t, db.QueryRow(`PRAGMA integrity_check`).Scan(&ok))
	assert.Equal(t, "ok", ok)
	rows, err := db.Query(`PRAGMA foreign_key_check`)
	require.NoError(t, err)
	defer rows.Close()
	assert.False(t, rows.Next(), "foreign_key_check reports a row")
}

// TestFiguresMatchJSON: counts and sums from SQL equal those from the
// parse JSON (and the findings), for every test input.
func TestFiguresMatchJSON(t *testing.T) {
	entries := prepare(t, testInputs(t))
	path := filepath.Join(t.TempDir(), "p.db")
	n := export(t, path, entries, Options{Version: "test"})
	assert.Equal(t, len(entries), n.Descriptions)
	db := open(t, path)
	checkClean(t, db)
	want := nonZero(jsonFigures(t, entries))
	got := sqlFigures(t, db)
	assert.Equal(t, want, got)
	// The figures are not all zero: the test would pass on an empty export.
	for _, k := range []string{"descriptions", "errors", "findings", "co_implementers", "municipalities", "sustainability", "sum direct", "cents eu_state_granted", "hundredths planned_total", "yes", "no", "other indicators", "other sections", "other sections characters"} {
		assert.NotZero(t, want[k], k)
	}
}

// TestOneDescription checks the reference sample's rows value by value.
func TestOneDescription(t *testing.T) {
	entries := prepare(t, testInputs(t))
	var ref entry
	for _, e := range entries {
		if e.doc.Source == "../testdata/A72213.txt" {
			ref = e
		}
	}
	path := filepath.Join(t.TempDir(), "p.db")
	export(t, path, []entry{ref}, Options{Version: "test", Now: time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC),
		Checks: Checks{Today: model.Date{Year: 2026, Month: 11, Day: 27}, Config: ".asectl.yaml", Rules: map[string]string{"phone": "off", "email": "info"}, Lang: "fi"}})
	db := open(t, path)
	var b strings.Builder
	dump := func(query string) {
		rows, err := db.Query(query)
		require.NoError(t, err)
		defer rows.Close()
		cols, _ := rows.Columns()
		fmt.Fprintf(&b, "%s\n", query)
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			require.NoError(t, rows.Scan(ptrs...))
			for i, v := range vals {
				if s, ok := v.(string); ok && utf8.RuneCountInString(s) > 60 {
					v = string([]rune(s)[:60]) + "…"
				}
				fmt.Fprintf(&b, "  %s=%v", cols[i], v)
			}
			b.WriteString("\n")
		}
		require.NoError(t, rows.Err())
	}
	dump(`SELECT * FROM descriptions`)
	dump(`SELECT * FROM funding_euros`)
	dump(`SELECT * FROM areas`)
	dump(`SELECT * FROM sustainability`)
	dump(`SELECT * FROM indicators`)
	dump(`SELECT * FROM gender_equality`)
	dump(`SELECT * FROM findings`)
	dump(`SELECT * FROM meta`)
	golden.Check(t, "testdata/A72213.rows", []byte(b.String()), *update)
}

// TestAppendTwice: exporting with --append twice gives the counts of
// once; a changed description replaces its row.
func TestAppendTwice(t *testing.T) {
	entries := prepare(t, testInputs(t))
	dir := t.TempDir()
	once, twice := filepath.Join(dir, "once.db"), filepath.Join(dir, "twice.db")
	export(t, once, entries, Options{})
	// Each description twice in one export into a new file: the second
	// replaces the first.
	dup := filepath.Join(dir, "dup.db")
	n := export(t, dup, append(append([]entry{}, entries...), entries...), Options{})
	assert.Equal(t, len(entries), n.Replaced)
	assert.Equal(t, sqlFigures(t, open(t, once)), sqlFigures(t, open(t, dup)))
	checkClean(t, open(t, dup))
	export(t, twice, entries[:10], Options{Append: true}) // a file that does not exist yet
	export(t, twice, entries, Options{Append: true})
	n = export(t, twice, entries, Options{Append: true, Inputs: []string{"again"}})
	assert.Equal(t, len(entries), n.Replaced)
	a, b := open(t, once), open(t, twice)
	checkClean(t, b)
	assert.Equal(t, sqlFigures(t, a), sqlFigures(t, b))
	for _, table := range []string{"descriptions", "partners", "areas", "sustainability", "indicators", "gender_equality", "other_sections", "findings", "list_rows", "schema_tables", "schema_columns", "meta"} {
		var x, y int
		require.NoError(t, a.QueryRow(`SELECT count(*) FROM `+table).Scan(&x))
		require.NoError(t, b.QueryRow(`SELECT count(*) FROM `+table).Scan(&y))
		assert.Equal(t, x, y, table)
	}
	var inputs string
	require.NoError(t, b.QueryRow(`SELECT value FROM meta WHERE "key" = 'inputs'`).Scan(&inputs))
	assert.Equal(t, `["again"]`, inputs)

	// A description of the same source and code with other values replaces
	// the old one and its rows.
	changed := *entries[len(entries)-2].doc
	changed.Horizontal.Sustainability = changed.Horizontal.Sustainability[:3]
	export(t, twice, []entry{{doc: &changed}}, Options{Append: true})
	c := open(t, twice)
	var descs, scores int
	require.NoError(t, c.QueryRow(`SELECT count(*) FROM descriptions`).Scan(&descs))
	require.NoError(t, c.QueryRow(`SELECT count(*) FROM sustainability s JOIN descriptions d ON d.id = s.description_id WHERE d.source = ?`, changed.Source).Scan(&scores))
	assert.Equal(t, len(entries), descs)
	assert.Equal(t, 3, scores)
	checkClean(t, c)
}

// TestAppendRefusesOtherFiles: --append into a file that is not an asectl
// database fails and leaves it as it was.
func TestAppendRefusesOtherFiles(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.db")
	require.NoError(t, os.WriteFile(text, []byte("not a database at all, just some text that is long enough"), 0o644))
	other := filepath.Join(dir, "other.db")
	db, err := sql.Open("sqlite", other)
	require.NoError(t, err)
	_, err = db.Exec(`CREATE TABLE t (x)`)
	require.NoError(t, err)
	require.NoError(t, db.Close())
	before, _ := os.ReadFile(other)

	_, err = Create(text, Options{Append: true})
	assert.ErrorContains(t, err, "notes.db")
	_, err = Create(other, Options{Append: true})
	assert.ErrorContains(t, err, "not a database asectl export wrote")
	after, _ := os.ReadFile(other)
	assert.Equal(t, before, after)
	entries, _ := os.ReadDir(dir)
	assert.Len(t, entries, 2, "a temporary file was left behind")
}

// TestAbortLeavesTarget: an export that is aborted leaves the old file and
// no temporary file.
func TestAbortLeavesTarget(t *testing.T) {
	entries := prepare(t, testInputs(t))
	dir := t.TempDir()
	path := filepath.Join(dir, "p.db")
	export(t, path, entries[:5], Options{})
	before, err := os.ReadFile(path)
	require.NoError(t, err)
	w, err := Create(path, Options{})
	require.NoError(t, err)
	for _, e := range entries {
		require.NoError(t, w.Add(e.doc, e.findings))
	}
	w.Abort()
	after, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, before, after)
	files, _ := os.ReadDir(dir)
	assert.Len(t, files, 1)
	assert.Error(t, w.Add(entries[0].doc, nil))
}

// TestPathsWithURICharacters: a target whose name has ?, # or % in it is
// that file, not a URI with parameters.
func TestPathsWithURICharacters(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a?b#c%20d")
	require.NoError(t, os.Mkdir(dir, 0o755))
	path := filepath.Join(dir, "p?mode=ro#x.db")
	export(t, path, prepare(t, testInputs(t))[:3], Options{})
	files, _ := os.ReadDir(dir)
	require.Len(t, files, 1)
	assert.Equal(t, "p?mode=ro#x.db", files[0].Name())
}

// TestSchemaDocumented: every table and column is in schema_tables and
// schema_columns, and the DDL is what asectl schema sqlite prints.
func TestSchemaDocumented(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.db")
	export(t, path, nil, Options{})
	db := open(t, path)
	rows, err := db.Query(`SELECT m.name, p.name FROM sqlite_schema m JOIN pragma_table_info(m.name) p
		WHERE m.type IN ('table', 'view') ORDER BY 1, 2`)
	require.NoError(t, err)
	n := 0
	for rows.Next() {
		var table, col string
		require.NoError(t, rows.Scan(&table, &col))
		var doc string
		err := db.QueryRow(`SELECT description FROM schema_columns WHERE table_name = ? AND column_name = ?`, table, col).Scan(&doc)
		if table == "funding_euros" {
			continue // a view: its columns are the table's
		}
		if assert.NoError(t, err, "%s.%s is not documented", table, col) {
			assert.NotEmpty(t, doc)
		}
		n++
	}
	require.NoError(t, rows.Err())
	rows.Close()
	assert.Greater(t, n, 60)
	var tables, docs int
	require.NoError(t, db.QueryRow(`SELECT count(*) FROM sqlite_schema WHERE type IN ('table', 'view')`).Scan(&tables))
	require.NoError(t, db.QueryRow(`SELECT count(*) FROM schema_tables`).Scan(&docs))
	assert.Equal(t, tables, docs)
	golden.Check(t, "testdata/schema.sql", []byte(Schema()), *update)
}

// TestSQLiteShell opens an export with Debian's sqlite3 shell (.ci/run
// installs it): the file is a database other programs read.
func TestSQLiteShell(t *testing.T) {
	shell, err := exec.LookPath("sqlite3")
	if err != nil {
		t.Skip("sqlite3 is not installed (apt-get install sqlite3); .ci/run installs it")
	}
	path := filepath.Join(t.TempDir(), "p.db")
	export(t, path, prepare(t, testInputs(t)), Options{})
	out, err := exec.Command(shell, "-readonly", path,
		"PRAGMA integrity_check; PRAGMA foreign_key_check;",
		"SELECT count(*) FROM descriptions;",
		"SELECT code, eu_state_granted FROM funding_euros WHERE source = '../testdata/A72213.txt';").CombinedOutput()
	require.NoError(t, err, "%s", out)
	assert.Equal(t, "ok\n117\nA72213|1551280.0\n", string(out))
}

// TestListRows: the rows of every test project list, and their findings,
// match the rows' JSON and the checker; exporting a list again replaces
// its rows.
func TestListRows(t *testing.T) {
	paths, err := filepath.Glob("../testdata/projectlist/*.csv")
	require.NoError(t, err)
	require.NotEmpty(t, paths)
	path := filepath.Join(t.TempDir(), "p.db")
	want := map[string]int64{}
	write := func(opt Options) {
		w, err := Create(path, opt)
		require.NoError(t, err)
		for _, p := range paths {
			src, err := os.ReadFile(p)
			require.NoError(t, err)
			chk := projectlist.NewChecker(validate.Config{Today: today})
			require.NoError(t, w.BeginList(p))
			_, err = projectlist.Scan(p, src, "auto", func(r *projectlist.Row) error {
				fs := chk.Check(r)
				if !opt.Append {
					var j map[string]any
					dec := json.NewDecoder(bytes.NewReader(r.AppendJSON(nil)))
					dec.UseNumber()
					require.NoError(t, dec.Decode(&j))
					want["rows"]++
					want["findings"] += int64(len(fs))
					if j["error"] != nil {
						want["errors"]++
					}
					if n, ok := j["funding"].(map[string]any)["eu_state_granted"].(json.Number); ok {
						x, err := model.ParseFixed2(n.String())
						require.NoError(t, err)
						want["cents"] += int64(x)
					}
					if c, ok := j["project"].(map[string]any)["code"].(string); ok {
						want["code characters"] += int64(utf8.RuneCountInString(c))
					}
					want["repairs"] += int64(len(j["repairs"].([]any)))
				}
				return w.AddListRow(r, fs)
			})
			require.NoError(t, err)
		}
		require.NoError(t, w.Commit())
	}
	write(Options{})
	got := func() map[string]int64 {
		db := open(t, path)
		checkClean(t, db)
		m := map[string]int64{}
		for k, q := range map[string]string{
			"rows":            `SELECT count(*) FROM list_rows`,
			"findings":        `SELECT count(*) FROM findings WHERE list_row_id IS NOT NULL`,
			"errors":          `SELECT count(*) FROM list_rows WHERE error IS NOT NULL`,
			"cents":           `SELECT sum(eu_state_granted_cents) FROM list_rows`,
			"code characters": `SELECT sum(length(code)) FROM list_rows`,
			"repairs":         `SELECT coalesce(sum(length(repairs) - length(replace(repairs, ',', '')) + 1), 0) FROM list_rows`,
		} {
			var v sql.NullInt64
			require.NoError(t, db.QueryRow(q).Scan(&v), q)
			m[k] = v.Int64
		}
		db.Close()
		return m
	}
	assert.Equal(t, want, got())
	for _, k := range []string{"rows", "findings", "errors", "cents", "repairs"} {
		assert.NotZero(t, want[k], k)
	}
	write(Options{Append: true})
	assert.Equal(t, want, got(), "a list exported again replaces its rows")
}

// TestAppendWaitsForOtherWriters: --append onto a database another
// program is writing fails as locked, and the other program's
// transaction is kept (a byte copy renamed over the file lost it).
func TestAppendWaitsForOtherWriters(t *testing.T) {
	defer func(w int) { lockWait = w }(lockWait)
	lockWait = 100
	entries := prepare(t, testInputs(t))
	path := filepath.Join(t.TempDir(), "p.db")
	export(t, path, entries[:2], Options{})

	other := open(t, path)
	other.SetMaxOpenConns(1)
	tx, err := other.Begin()
	require.NoError(t, err)
	_, err = tx.Exec(`INSERT INTO meta VALUES ('other', 'x')`)
	require.NoError(t, err)
	_, err = Create(path, Options{Append: true})
	assert.ErrorContains(t, err, "locked")
	require.NoError(t, tx.Commit())

	export(t, path, entries[2:3], Options{Append: true})
	var n int
	db := open(t, path)
	require.NoError(t, db.QueryRow(`SELECT count(*) FROM meta WHERE "key" = 'other'`).Scan(&n))
	assert.Equal(t, 1, n, "the other program's row was lost")
	require.NoError(t, db.QueryRow(`SELECT count(*) FROM descriptions`).Scan(&n))
	assert.Equal(t, 3, n)
	files, _ := os.ReadDir(filepath.Dir(path))
	assert.Len(t, files, 1, "a temporary file was left behind")
}

// TestAppendToWALDatabase: a database switched to WAL mode (as Datasette
// users do) keeps its rows and stays readable after --append; while
// another connection has it open, --append refuses. A byte copy missed
// the rows in the WAL file, and the stale WAL beside the new file made it
// "malformed".
func TestAppendToWALDatabase(t *testing.T) {
	entries := prepare(t, testInputs(t))
	path := filepath.Join(t.TempDir(), "p.db")
	export(t, path, entries[:2], Options{})

	other := open(t, path)
	other.SetMaxOpenConns(1)
	var mode string
	require.NoError(t, other.QueryRow(`PRAGMA journal_mode=WAL`).Scan(&mode))
	require.Equal(t, "wal", mode)
	_, err := other.Exec(`INSERT INTO meta VALUES ('other', 'x')`)
	require.NoError(t, err)
	_, err = Create(path, Options{Append: true})
	assert.ErrorContains(t, err, "WAL")
	require.NoError(t, other.Close())

	export(t, path, entries[2:3], Options{Append: true})
	db := open(t, path)
	var check string
	require.NoError(t, db.QueryRow(`PRAGMA integrity_check`).Scan(&check))
	assert.Equal(t, "ok", check)
	var n int
	require.NoError(t, db.QueryRow(`SELECT count(*) FROM meta WHERE "key" = 'other'`).Scan(&n))
	assert.Equal(t, 1, n, "the row in the WAL was lost")
	require.NoError(t, db.QueryRow(`SELECT count(*) FROM descriptions`).Scan(&n))
	assert.Equal(t, 3, n)
}

// TestReplaceable: an export replaces only a database asectl export wrote
// (or nothing); a text file or another program's database would be lost.
func TestReplaceable(t *testing.T) {
	dir := t.TempDir()
	entries := prepare(t, testInputs(t))
	ours := filepath.Join(dir, "ours.db")
	export(t, ours, entries[:1], Options{})
	text := filepath.Join(dir, "notes.db")
	require.NoError(t, os.WriteFile(text, []byte("hello, these are my notes\n"), 0o644))
	other := filepath.Join(dir, "other.db")
	db, err := sql.Open("sqlite", other)
	require.NoError(t, err)
	_, err = db.Exec(`CREATE TABLE t (x)`)
	require.NoError(t, err)
	require.NoError(t, db.Close())
	empty := filepath.Join(dir, "empty.db")
	require.NoError(t, os.WriteFile(empty, nil, 0o644))

	for _, tc := range []struct {
		path string
		ok   bool
	}{
		{ours, true}, {empty, true}, {filepath.Join(dir, "new.db"), true},
		{text, false}, {other, false},
	} {
		err := Replaceable(tc.path)
		if tc.ok {
			assert.NoError(t, err, tc.path)
		} else {
			assert.ErrorContains(t, err, "replaces only a database it wrote", tc.path)
		}
	}
}

// TestMetaChecks: meta says how the findings were checked, for the last
// export (today, config, rules, lang) and for every export into the file
// (exports), so that an --append under other settings can be told apart.
func TestMetaChecks(t *testing.T) {
	entries := prepare(t, testInputs(t))[:3]
	path := filepath.Join(t.TempDir(), "p.db")
	first := Checks{Today: model.Date{Year: 2020, Month: 1, Day: 2}, Config: "a/.asectl.yaml", Rules: map[string]string{"email": "off"}, Lang: "fi"}
	export(t, path, entries, Options{Version: "v1", Inputs: []string{"x.txt"}, Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Checks: first})
	second := Checks{Today: model.Date{Year: 2026, Month: 11, Day: 27}}
	export(t, path, entries[:1], Options{Append: true, Version: "v2", Inputs: []string{"y.txt"}, Now: time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC), Checks: second})
	db := open(t, path)
	meta := map[string]string{}
	rows, err := db.Query(`SELECT "key", value FROM meta`)
	require.NoError(t, err)
	for rows.Next() {
		var k, v string
		require.NoError(t, rows.Scan(&k, &v))
		meta[k] = v
	}
	require.NoError(t, rows.Err())
	rows.Close()
	assert.Equal(t, "2026-11-27", meta["today"])
	assert.Equal(t, "", meta["config"])
	assert.Equal(t, "{}", meta["rules"])
	assert.Equal(t, "en", meta["lang"])
	assert.JSONEq(t, `[
		{"updated": "2026-01-01T00:00:00Z", "asectl_version": "v1", "inputs": ["x.txt"], "today": "2020-01-02", "config": "a/.asectl.yaml", "rules": {"email": "off"}, "lang": "fi"},
		{"updated": "2026-02-01T00:00:00Z", "asectl_version": "v2", "inputs": ["y.txt"], "today": "2026-11-27", "config": "", "rules": {}, "lang": "en"}
	]`, meta["exports"])
	assert.Equal(t, `["x.txt","y.txt"]`, meta["inputs"])
}

// TestReplaceWALDatabase: an export without --append over a database in
// WAL mode that another program has open is refused, not renamed over:
// the old file's WAL stayed beside the new file, and SQLite applied it to
// the new file ("database disk image is malformed").
func TestReplaceWALDatabase(t *testing.T) {
	entries := prepare(t, testInputs(t))
	path := filepath.Join(t.TempDir(), "p.db")
	export(t, path, entries[:2], Options{})

	other := open(t, path)
	other.SetMaxOpenConns(1)
	var mode string
	require.NoError(t, other.QueryRow(`PRAGMA journal_mode=WAL`).Scan(&mode))
	require.Equal(t, "wal", mode)
	_, err := other.Exec(`UPDATE descriptions SET name = name || 'x'`)
	require.NoError(t, err)
	release, err := Replace(path)
	assert.ErrorContains(t, err, "WAL")
	release()
	_, err = Create(path, Options{})
	assert.ErrorContains(t, err, "WAL")
	require.NoError(t, other.Close())

	export(t, path, entries[2:3], Options{})
	db := open(t, path)
	var check string
	require.NoError(t, db.QueryRow(`PRAGMA integrity_check`).Scan(&check))
	assert.Equal(t, "ok", check)
	var n int
	require.NoError(t, db.QueryRow(`SELECT count(*) FROM descriptions`).Scan(&n))
	assert.Equal(t, 1, n)
	_, err = os.Stat(path + "-wal")
	assert.ErrorIs(t, err, os.ErrNotExist, "the old file's WAL is left beside the new file")
}

// TestReplaceWaitsForOtherWriters: an export without --append waits for
// another program's write transaction on the old file and then refuses,
// as --append does; once it has ended, the file is replaced.
func TestReplaceWaitsForOtherWriters(t *testing.T) {
	defer func(w int) { lockWait = w }(lockWait)
	lockWait = 100
	entries := prepare(t, testInputs(t))
	path := filepath.Join(t.TempDir(), "p.db")
	export(t, path, entries[:2], Options{})

	other := open(t, path)
	other.SetMaxOpenConns(1)
	tx, err := other.Begin()
	require.NoError(t, err)
	_, err = tx.Exec(`INSERT INTO meta VALUES ('other', 'x')`)
	require.NoError(t, err)
	release, err := Replace(path)
	assert.ErrorContains(t, err, "locked")
	release()
	require.NoError(t, tx.Commit())
	export(t, path, entries[2:3], Options{})
	files, _ := os.ReadDir(filepath.Dir(path))
	assert.Len(t, files, 1, "a temporary file was left behind")
}

// hotJournal makes a copy of an asectl database at dst whose rollback
// journal is hot: a write transaction had written pages into the file
// when its program died.
func hotJournal(t *testing.T, src, dst string) {
	t.Helper()
	db := open(t, src)
	db.SetMaxOpenConns(1)
	for _, q := range []string{`PRAGMA cache_size = 2`, `BEGIN`, `DELETE FROM sustainability`, `UPDATE descriptions SET summary = summary || summary || summary`} {
		_, err := db.Exec(q)
		require.NoError(t, err, q)
	}
	j, err := os.ReadFile(src + "-journal")
	require.NoError(t, err, "no journal: the transaction did not spill")
	b, err := os.ReadFile(src)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(dst, b, 0o644))
	require.NoError(t, os.WriteFile(dst+"-journal", j, 0o644))
	_, err = db.Exec(`ROLLBACK`)
	require.NoError(t, err)
}

// TestReplaceHotJournal: a database whose writer died mid-transaction
// (a hot journal beside it) is an asectl database to replace, not "a
// database asectl export did not write" (a read-only open cannot roll
// the journal back); the journal is rolled back into the old file, never
// into the new one renamed over it.
func TestReplaceHotJournal(t *testing.T) {
	entries := prepare(t, testInputs(t))
	dir := t.TempDir()
	src := filepath.Join(dir, "src.db")
	export(t, src, entries, Options{})
	path := filepath.Join(dir, "p.db")
	hotJournal(t, src, path)

	release, err := Replace(path)
	require.NoError(t, err)
	release()
	hotJournal(t, src, path)
	export(t, path, entries[:1], Options{})
	_, err = os.Stat(path + "-journal")
	assert.ErrorIs(t, err, os.ErrNotExist, "the old file's journal is left beside the new file")
	db := open(t, path)
	var check string
	require.NoError(t, db.QueryRow(`PRAGMA integrity_check`).Scan(&check))
	assert.Equal(t, "ok", check)
	var n int
	require.NoError(t, db.QueryRow(`SELECT count(*) FROM descriptions`).Scan(&n))
	assert.Equal(t, 1, n)
}

// TestAppendAfterAnotherExport: an --append that waited for another
// export's lock on the old file copies and holds the file that export
// renamed into place, not the old one: it held the old file's lock, so a
// third program could write the new file under it.
func TestAppendAfterAnotherExport(t *testing.T) {
	entries := prepare(t, testInputs(t))
	dir := t.TempDir()
	path := filepath.Join(dir, "p.db")
	export(t, path, entries[:1], Options{})
	next := filepath.Join(dir, "next.db")
	export(t, next, entries[:2], Options{})

	other := open(t, path)
	other.SetMaxOpenConns(1)
	tx, err := other.Begin()
	require.NoError(t, err)
	_, err = tx.Exec(`INSERT INTO meta VALUES ('other', 'x')`)
	require.NoError(t, err)
	type result struct {
		release func()
		err     error
	}
	done := make(chan result)
	var copied bytes.Buffer
	go func() {
		release, _, err := Snapshot(&copied, path)
		done <- result{release, err}
	}()
	time.Sleep(300 * time.Millisecond) // Snapshot waits for tx's lock
	require.NoError(t, os.Rename(next, path))
	require.NoError(t, tx.Rollback())
	r := <-done
	require.NoError(t, r.err)
	defer r.release()

	want, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.True(t, bytes.Equal(want, copied.Bytes()), "the copy is not the file at path")
	third, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(0)")
	require.NoError(t, err)
	defer third.Close()
	_, err = third.Exec(`INSERT INTO meta VALUES ('third', 'x')`)
	assert.ErrorContains(t, err, "locked", "the file at path is not held")
}

// TestChunkedFindings: a description with more area rows and findings
// than a batch gathers (flushRows), its findings given whole to Add or in
// chunks to AddFindings, gives the same rows in every table, in the same
// order, as the description gave before batches were inserted as they
// filled (the counts below would catch a lost batch).
func TestChunkedFindings(t *testing.T) {
	src, err := os.ReadFile("../testdata/A72213.txt")
	require.NoError(t, err)
	names := make([]string, 2*flushRows+17)
	for i := range names {
		names[i] = fmt.Sprintf("Eik%d", i)
	}
	src = bytes.Replace(src, []byte("Kunnat: Rovaniemi"), []byte("Kunnat: Rovaniemi, "+strings.Join(names, ", ")), 1)
	res, err := parser.Parse("big.txt", src, parser.Options{})
	require.NoError(t, err)
	all := validate.Check(res, validate.Config{Today: today})
	require.Greater(t, len(all), 2*flushRows)
	dump := func(path string) string {
		db := open(t, path)
		checkClean(t, db)
		var b strings.Builder
		for _, table := range []string{"descriptions", "areas", "partners", "sustainability", "indicators", "gender_equality", "other_sections", "findings"} {
			rows, err := db.Query(`SELECT * FROM ` + table + ` ORDER BY id`)
			require.NoError(t, err)
			cols, _ := rows.Columns()
			n := 0
			for rows.Next() {
				vals := make([]any, len(cols))
				ptrs := make([]any, len(cols))
				for i := range vals {
					ptrs[i] = &vals[i]
				}
				require.NoError(t, rows.Scan(ptrs...))
				fmt.Fprintln(&b, table, vals)
				n++
			}
			require.NoError(t, rows.Err())
			rows.Close()
			fmt.Fprintln(&b, table, n, "rows")
		}
		return b.String()
	}
	opt := Options{Version: "test", Now: time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)}
	dir := t.TempDir()
	whole := filepath.Join(dir, "whole.db")
	n := export(t, whole, []entry{{res.Doc, all}}, opt)
	assert.Equal(t, len(all), n.Findings)
	want := dump(whole)
	a := &res.Doc.Area
	require.Greater(t, len(a.Municipalities), 2*flushRows)
	for _, rows := range []string{fmt.Sprintf("findings %d rows", len(all)), fmt.Sprintf("areas %d rows", len(a.Municipalities)+len(a.Regions)+len(a.SubRegions))} {
		assert.True(t, strings.Contains(want, "\n"+rows+"\n"), rows)
	}

	for _, sizes := range [][]int{{0, 1, flushRows}, {flushRows - 1, 2, 1}, {3, len(all)}} {
		path := filepath.Join(t.TempDir(), "chunks.db")
		w, err := Create(path, opt)
		require.NoError(t, err)
		require.ErrorContains(t, w.AddFindings(all[:1]), "without a description")
		rest := all
		k := min(sizes[0], len(rest))
		require.NoError(t, w.Add(res.Doc, rest[:k]))
		rest = rest[k:]
		for i := 1; len(rest) > 0; i++ {
			k := min(sizes[min(i, len(sizes)-1)], len(rest))
			require.NoError(t, w.AddFindings(rest[:k]))
			rest = rest[k:]
		}
		assert.Equal(t, len(all), w.Counts().Findings)
		require.NoError(t, w.Commit())
		require.Error(t, w.AddFindings(all[:1]))
		assert.True(t, want == dump(path), "chunks %v: other rows than Add with all findings", sizes)
	}
}

// TestCountsAreRowsLeft: the counts (export's summary line) are of the
// rows the export leaves in the file: a description or list written twice
// in one export counts once, with the findings of the row that stays
// (regression: "3 descriptions (1 replaced), 2 findings" for a file of 2
// descriptions and 1 finding).
func TestCountsAreRowsLeft(t *testing.T) {
	entries := prepare(t, testInputs(t))
	dir := t.TempDir()
	inFile := func(path string) (descs, findings, rows int) {
		db := open(t, path)
		require.NoError(t, db.QueryRow(`SELECT (SELECT count(*) FROM descriptions), (SELECT count(*) FROM findings), (SELECT count(*) FROM list_rows)`).Scan(&descs, &findings, &rows))
		return descs, findings, rows
	}

	dup := filepath.Join(dir, "dup.db")
	n := export(t, dup, append(append([]entry{}, entries...), entries...), Options{})
	d, f, _ := inFile(dup)
	assert.Equal(t, Counts{Descriptions: d, Replaced: len(entries), Findings: f}, n)
	assert.Equal(t, len(entries), d)
	assert.NotZero(t, f)

	// --append replacing rows of an earlier export: each is written (and
	// counted) by this one.
	n = export(t, dup, entries[:5], Options{Append: true})
	var nf int
	for _, e := range entries[:5] {
		nf += len(e.findings)
	}
	assert.Equal(t, Counts{Descriptions: 5, Replaced: 5, Findings: nf}, n)
	// Both: the first row replaces an earlier export's, the second the first.
	n = export(t, dup, []entry{entries[0], entries[0]}, Options{Append: true})
	assert.Equal(t, Counts{Descriptions: 1, Replaced: 2, Findings: len(entries[0].findings)}, n)

	// A project list exported twice in one export.
	src, err := os.ReadFile("../testdata/projectlist/faults_2014-2020.csv")
	require.NoError(t, err)
	lists := filepath.Join(dir, "lists.db")
	w, err := Create(lists, Options{})
	require.NoError(t, err)
	for range 2 {
		chk := projectlist.NewChecker(validate.Config{Today: today})
		require.NoError(t, w.BeginList("list.csv"))
		_, err = projectlist.Scan("list.csv", src, "auto", func(r *projectlist.Row) error { return w.AddListRow(r, chk.Check(r)) })
		require.NoError(t, err)
	}
	require.NoError(t, w.Commit())
	_, f, rows := inFile(lists)
	assert.Equal(t, Counts{ListRows: rows, Findings: f}, w.Counts())
	assert.NotZero(t, rows)
	assert.NotZero(t, f)
}

// TestCreateReplacesWhateverIsThere: Create without Append replaces any
// file at its path, as its doc says (asectl export checks with Replace
// first); Replaceable refuses the same files.
func TestCreateReplacesWhateverIsThere(t *testing.T) {
	entries := prepare(t, testInputs(t))[:2]
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.db")
	require.NoError(t, os.WriteFile(text, []byte("my notes\n"), 0o644))
	other := filepath.Join(dir, "other.db")
	db := open(t, other)
	_, err := db.Exec(`CREATE TABLE t (x); INSERT INTO t VALUES (1)`)
	require.NoError(t, err)
	require.NoError(t, db.Close())
	for _, path := range []string{text, other} {
		require.Error(t, Replaceable(path), path)
		n := export(t, path, entries, Options{})
		assert.Equal(t, 2, n.Descriptions)
		checkClean(t, open(t, path))
		require.NoError(t, Replaceable(path), "now asectl's database")
	}
}
