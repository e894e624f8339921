package main

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/asectl/asectl/internal/cli"
)

// runIn is run with standard input.
func runIn(t *testing.T, stdin []byte, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	ios := &cli.IOStreams{
		In: bytes.NewReader(stdin), Out: &out, ErrOut: &errOut,
		Getenv: func(string) string { return "" },
		Getwd:  func() (string, error) { return "", nil },
	}
	code := cli.Run(args, ios)
	return out.String(), errOut.String(), code
}

type ruleField struct{ Rule, Field string }

// readFindings reads validate's JSON document: per source, its (rule,
// field) pairs sorted, and whether every position is null.
func readFindings(t *testing.T, js string) (map[string][]ruleField, bool) {
	t.Helper()
	var doc struct {
		Files []struct {
			Source   string
			Findings []struct {
				Rule         string
				Field        *string
				Line, Column *int
			}
		}
	}
	require.NoError(t, json.Unmarshal([]byte(js), &doc), js)
	out := map[string][]ruleField{}
	noPos := true
	for _, f := range doc.Files {
		rfs := []ruleField{}
		for _, x := range f.Findings {
			rf := ruleField{Rule: x.Rule}
			if x.Field != nil {
				rf.Field = *x.Field
			}
			rfs = append(rfs, rf)
			noPos = noPos && x.Line == nil && x.Column == nil
		}
		sort.Slice(rfs, func(i, j int) bool {
			return rfs[i].Rule+"\x00"+rfs[i].Field < rfs[j].Rule+"\x00"+rfs[j].Field
		})
		out[f.Source] = rfs
	}
	return out, noPos
}

// descriptionFiles lists every description under testdata/ (text and
// HTML pages, in any folder), leaving out what holds no description of its
// own: golden files, testscript archives, fuzz corpora, project-list
// exports, notes (.md) and style sheets. A page's frame file that holds no
// description (testdata/html/A72213_files/kehys.htm) stays in: its
// not-a-description finding must come back from the JSON too.
func descriptionFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir("../../testdata", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case "golden", "script", "fuzz", "projectlist":
				return filepath.SkipDir
			}
			return nil
		}
		switch filepath.Ext(path) {
		case ".txt", ".html", ".htm":
			files = append(files, path)
		}
		return nil
	})
	require.NoError(t, err)
	return files
}

// For every description under testdata/, `asectl parse X | asectl
// validate -` gives the same rules and fields as `asectl validate X`, with
// every position null; and so do an array (parse of several files) and
// JSONL read back in one go.
func TestValidateReadsParseJSON(t *testing.T) {
	files := descriptionFiles(t)
	// The walk must see every kind of input: a guard against a folder or
	// an extension dropping out of it unnoticed.
	for _, f := range []string{"A72213.txt", "real/S20044.txt", "html/A72213.html", "html/en_S20515.htm",
		"html/wayback/A72213.html", "html/A72213_files/kehys.htm"} {
		require.Contains(t, files, filepath.Join("../../testdata", f))
	}
	const today = "2026-11-27"
	want := map[string][]ruleField{}
	parseCode := 0 // of a parse of all files: 1 when one is no description
	for _, f := range files {
		out, _, _ := run(t, "", "validate", "--today", today, "--format", "json", "--fail-on", "never", f)
		got, _ := readFindings(t, out)
		for k, v := range got {
			want[k] = v
		}
		t.Run(strings.TrimPrefix(f, "../../testdata/"), func(t *testing.T) {
			parsed, stderr, code := run(t, "", "parse", f)
			if code == 1 {
				// No description: parse writes the document with its error.
				assert.Equal(t, []ruleField{{Rule: "not-a-description"}}, want[f], stderr)
				parseCode = 1
			} else {
				require.Equal(t, 0, code, stderr)
			}
			require.True(t, strings.HasPrefix(parsed, "{"), "one document, not an array")
			out, stderr, code := runIn(t, []byte(parsed), "validate", "--today", today, "--format", "json", "--fail-on", "never", "-")
			require.Equal(t, 0, code, stderr)
			got, noPos := readFindings(t, out)
			assert.Equal(t, want[f], got[f], "rules and fields from the JSON")
			assert.True(t, noPos, "positions from the JSON are null")
		})
	}
	for _, format := range []string{"json", "jsonl"} {
		args := append([]string{"parse", "--format", format}, files...)
		parsed, stderr, code := run(t, "", args...)
		require.Equal(t, parseCode, code, stderr)
		if format == "json" {
			require.True(t, strings.HasPrefix(parsed, "["), "several files: an array")
		} else {
			require.Equal(t, len(files), strings.Count(parsed, "\n"), "JSONL: a line a file")
		}
		out, stderr, code := runIn(t, []byte(parsed), "validate", "--today", today, "--format", "json", "--fail-on", "never", "-")
		require.Equal(t, 0, code, stderr)
		got, _ := readFindings(t, out)
		assert.Equal(t, want, got, format)
	}
}

// Text and SARIF locate a finding read from JSON by its field; JSON that
// is not asectl's is an unreadable input that says where it went wrong.
func TestValidateJSONLocations(t *testing.T) {
	src, err := os.ReadFile("../../testdata/A72213.txt")
	require.NoError(t, err)
	src = bytes.Replace(src, []byte("Y-tunnus: 0292800-5"), []byte("Y-tunnus: 0292800-4"), 1)
	dir := t.TempDir()
	file := filepath.Join(dir, "x.txt")
	require.NoError(t, os.WriteFile(file, src, 0o644))
	parsed, _, _ := run(t, "", "parse", file)
	out, _, code := runIn(t, []byte(parsed), "validate", "--today", "2026-11-27", "-")
	assert.Equal(t, 1, code)
	assert.Contains(t, out, file+":applicant.business_id: error: ")
	out, _, _ = runIn(t, []byte(parsed), "validate", "--today", "2026-11-27", "--format", "sarif", "-")
	assert.True(t, strings.Contains(out, `"fullyQualifiedName": "applicant.business_id"`), "a logical location in SARIF")

	for _, bad := range []string{`{"version": 1, "funding": {"eu_state_granted": "x"}}`, "[{}]", "{\n\n{", `{"version":1,"kind":"list_row"}`} {
		out, stderr, code := runIn(t, []byte(bad), "validate", "-")
		assert.Equal(t, 2, code, bad)
		assert.Contains(t, out+stderr, "JSON", bad)
		assert.False(t, strings.Contains(out+stderr, "panic"), bad)
	}
}
