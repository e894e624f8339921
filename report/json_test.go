package report

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"
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
	}})
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
