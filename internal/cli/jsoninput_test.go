package cli

import (
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
		{"a text for an amount", edit(`"eu_state_granted":1551280`, `"eu_state_granted":"lots"`), `not a decimal`},
		{"truncated", doc[:len(doc)/2], `unexpected EOF`},
		{"null document", "[" + doc + ",null]", `document 2 is null`},
		{"no version", "{}", `document 1 has version 0, not 1`},
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
