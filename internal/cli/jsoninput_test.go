package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/asectl/asectl/model"
	"github.com/asectl/asectl/parser"
)

// TestReadDocsErrors: a hand-edited parse JSON with a value of the wrong
// shape is refused with its line and its JSON path, in the document's
// terms (regression: the message named Go types, "Go struct field
// Project.plainDescription.project.period of type model.Period"); keys
// missing or unknown are read (an older asectl reads a newer document,
// which may have more keys).
func TestReadDocsErrors(t *testing.T) {
	src, err := os.ReadFile("../../testdata/A72213.txt")
	require.NoError(t, err)
	res, err := parser.Parse("A72213.txt", src, parser.Options{})
	require.NoError(t, err)
	doc := string(res.Doc.AppendJSON(nil))
	edit := func(old, new string) string {
		require.Contains(t, doc, old)
		return strings.Replace(doc, old, new, 1)
	}
	for _, tc := range []struct {
		name, in string
		want     string // "" for read
	}{
		{"as written", doc, ""},
		{"number for an object", edit(`"period":{`, `"period":5,"x":{`), `(line 1): project.period: a JSON number where an object is expected`},
		{"string for a list", edit(`"regions":[`, `"regions":"Lappi","x":[`), `area.regions: a JSON string where an array is expected`},
		{"string for a bool", edit(`"headings_found":true`, `"headings_found":"yes"`), `parse.headings_found: a JSON string where true or false is expected`},
		{"a number in an array", "[" + doc + ",3]", `(line 1): a JSON number where a document (an object) is expected`},
		{"a number on a line", doc + "\n3\n", `(line 2): a JSON number where a document (an object) is expected`},
		{"a text for an amount", edit(`"eu_state_granted":1551280`, `"eu_state_granted":"lots"`), `funding.eu_state_granted: a JSON string "lots" where a number with at most two decimals is expected`},
		{"truncated", doc[:len(doc)/2], `unexpected EOF`},
		{"null document", "[" + doc + ",null]", `document 2 is null`},
		{"no version", "{}", `document 1 has version 0, not 1`},
		// Regression: an empty array was read as no document, and the
		// batch then met a nil parse result (an internal error).
		{"empty array", "[ ]\n", `not asectl's parse JSON: the file holds no document`},
		{"unknown key added", edit(`"applicant":{`, `"applicant":{"fax_typo":"1",`), ""},
		{"null object", edit(`"project":{`, `"project":null,"x":{`), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			docs, err := readDocs([]byte(tc.in))
			if tc.want == "" {
				require.NoError(t, err)
				require.NotEmpty(t, docs)
				assert.Equal(t, model.Version, docs[0].Version)
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			assert.NotContains(t, err.Error(), "Go struct")
			assert.NotContains(t, err.Error(), "plainDescription")
		})
	}
}

// TestReadDocsErrorLines: an error in a document as asectl parse writes it
// (indented, one key a line) names the document and the line of the value
// (regression: every value's error gave the document's last line, or the
// array's, and an unreadable amount or date gave no JSON path at all:
// `(line 315): not a decimal with at most two fraction digits: "\"lots\""`).
func TestReadDocsErrorLines(t *testing.T) {
	src, err := os.ReadFile("../../testdata/A72213.txt")
	require.NoError(t, err)
	res, err := parser.Parse("A72213.txt", src, parser.Options{})
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, json.Indent(&b, res.Doc.AppendJSON(nil), "", "  "))
	doc := b.String()
	// lineOf is the line of the first occurrence of s in text.
	lineOf := func(text, s string) int {
		i := strings.Index(text, s)
		require.GreaterOrEqual(t, i, 0, s)
		return strings.Count(text[:i], "\n") + 1
	}
	edit := func(old, new string) string {
		require.Contains(t, doc, old)
		return strings.Replace(doc, old, new, 1)
	}
	two := "[\n" + doc + ",\n" + edit(`"eu_state_granted": 1551280`, `"eu_state_granted": "lots"`) + "\n]\n"
	for _, tc := range []struct {
		name, in, want string
	}{
		{"amount as text", edit(`"eu_state_granted": 1551280`, `"eu_state_granted": "lots"`),
			fmt.Sprintf(`document 1 (line %d): funding.eu_state_granted: a JSON string "lots" where a number with at most two decimals is expected`, lineOf(doc, `"eu_state_granted"`))},
		{"amount with three decimals", edit(`"eu_state_granted": 1551280`, `"eu_state_granted": 1.005`),
			`funding.eu_state_granted: a JSON number 1.005 where a number with at most two decimals is expected`},
		{"amount out of range", edit(`"eu_state_granted": 1551280`, `"eu_state_granted": 99999999999999999999999`),
			`funding.eu_state_granted: a JSON number 99999999999999999999999 where a number with at most two decimals is expected`},
		{"date that does not exist", edit(`"start": "2016-02-13"`, `"start": "2016-02-30"`),
			fmt.Sprintf(`document 1 (line %d): project.period.start: a JSON string "2016-02-30" where a date (YYYY-MM-DD) is expected`, lineOf(doc, `"start": "2016-02-13"`))},
		{"date as a number", edit(`"start": "2016-02-13"`, `"start": 5`),
			`project.period.start: a JSON number 5 where a date (YYYY-MM-DD) is expected`},
		{"wrong type", edit(`"code": "A72213"`, `"code": 5`),
			fmt.Sprintf(`document 1 (line %d): project.code: a JSON number where a string is expected`, lineOf(doc, `"code": "A72213"`))},
		{"fraction for a score", edit(`"direct": 8`, `"direct": 1.5`),
			`horizontal.sustainability.direct: a JSON number 1.5 where a whole number is expected`},
		{"second of an array", two,
			fmt.Sprintf(`document 2 (line %d): funding.eu_state_granted`, lineOf(two, `"eu_state_granted": "lots"`))},
		{"syntax error", edit(`"code": "A72213",`, `"code": "A72213",,`),
			fmt.Sprintf(`document 1 (line %d): invalid character ','`, lineOf(doc, `"code": "A72213"`))},
		{"truncated", doc[:len(doc)/2],
			fmt.Sprintf(`document 1 (line %d): unexpected EOF`, strings.Count(doc[:len(doc)/2], "\n")+1)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := readDocs([]byte(tc.in))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			assert.NotContains(t, err.Error(), "Go struct")
		})
	}
}

// FuzzReadDocs: any bytes that look like JSON are read or refused with an
// error, never a panic (valueAt walks the document to locate a bad value).
func FuzzReadDocs(f *testing.F) {
	src, err := os.ReadFile("../../testdata/A72213.txt")
	require.NoError(f, err)
	res, err := parser.Parse("A72213.txt", src, parser.Options{})
	require.NoError(f, err)
	doc := res.Doc.AppendJSON(nil)
	var b bytes.Buffer
	require.NoError(f, json.Indent(&b, doc, "", "  "))
	f.Add(doc)
	f.Add(b.Bytes())
	f.Add([]byte("[" + string(doc) + "," + b.String() + "]"))
	f.Add(bytes.Replace(b.Bytes(), []byte(`1551280`), []byte(`"x"`), 1))
	f.Add([]byte(`{"project":{"period":{"start":[1]}}}`))
	f.Fuzz(func(t *testing.T, in []byte) {
		if !looksJSON(in) {
			return
		}
		docs, err := readDocs(in)
		if err == nil && len(docs) == 0 && bytes.TrimSpace(in)[0] == '{' {
			t.Errorf("no error and no document")
		}
	})
}
