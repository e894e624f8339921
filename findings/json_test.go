package findings

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/asectl/asectl/model"
	"github.com/asectl/asectl/parser"
	"github.com/asectl/asectl/validate"
)

// appendFile is json.MarshalIndent(f, "    ", "  ") by hand.
func checkAppendFile(t *testing.T, f JSONFile) {
	t.Helper()
	want, err := json.MarshalIndent(f, "    ", "  ")
	require.NoError(t, err)
	require.Equal(t, string(want), string(appendFile(nil, f)))
}

func TestAppendFileIsMarshalIndent(t *testing.T) {
	field, msg := "area.municipalities", "error with <html> & \"quotes\"\n\u2028 ä\xff"
	checkAppendFile(t, JSONFile{Source: "a.txt", Findings: []JSONFinding{}})
	checkAppendFile(t, JSONFile{Source: "<dir>/b&c.txt", Error: &msg, Findings: []JSONFinding{}})
	checkAppendFile(t, JSONFile{Source: "c.txt", Findings: []JSONFinding{
		{Rule: "r1", Severity: "error", Message: msg, Line: 1, Column: 2},
		{Rule: "r2", Severity: "warning", Message: "m", Line: 123456, Column: 0, Field: &field},
		{Rule: "r3", Severity: "warning", Message: "from JSON", Field: &field},
	}})
}

// A finding without a position (a description read from JSON) is located
// by its field: null line and column, FILE:FIELD in text, a logical
// location in SARIF.
func TestFindingWithoutPosition(t *testing.T) {
	x := validate.Finding{Rule: "missing-field", Severity: validate.Error, Msg: parser.Msg("the project code is missing"), Field: "project.code"}
	assert.Equal(t, "project.code", Where(x))
	assert.Equal(t, "a.txt:project.code", located("a.txt", x))
	x.Field = ""
	assert.Equal(t, "a.txt", located("a.txt", x))
	x.Pos = model.Pos{Line: 3, Col: 4}
	assert.Equal(t, "a.txt:3:4", located("a.txt", x))
}

func FuzzAppendFile(f *testing.F) {
	f.Add("a.txt", "", "rule", "message <&>", "field", 3, 4)
	f.Fuzz(func(t *testing.T, source, errText, rule, msg, field string, line, col int) {
		jf := JSONFile{Source: source, Findings: []JSONFinding{}}
		if errText != "" {
			jf.Error = &errText
		}
		for i := 0; i < line%3; i++ {
			x := JSONFinding{Rule: rule, Severity: "info", Message: msg, Line: line, Column: col}
			if i == 1 {
				x.Field = &field
			}
			jf.Findings = append(jf.Findings, x)
		}
		checkAppendFile(t, jf)
	})
}
