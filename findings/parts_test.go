package findings

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/asectl/asectl/model"
	"github.com/asectl/asectl/parser"
	"github.com/asectl/asectl/validate"
)

// TestFilePartsAsWhole: a file written in parts (FilePart) comes out byte
// for byte as the file written whole, in every format, whatever the parts'
// sizes: findings of several rules and severities, repeats (SARIF's
// fingerprints count them), more than JUnit's lines per case, SARIF runs
// split inside the file.
func TestFilePartsAsWhole(t *testing.T) {
	defer func(r int) { sarifRunResults = r }(sarifRunResults)
	sarifRunResults = 700
	var big []validate.Finding
	sevs := []validate.Severity{validate.Error, validate.Warning, validate.Info}
	for i := range 2600 {
		rule := []string{"area-unknown-name", "phone", "email"}[i%3]
		msg := parser.Msg("value %q is wrong", fmt.Sprint("v", i%500)) // repeats
		big = append(big, validate.Finding{Rule: rule, Severity: sevs[i%len(sevs)], Msg: msg,
			Pos: model.Pos{Line: 10 + i/4, Col: 1 + i%4}, Field: fmt.Sprintf("area.municipalities[%d]", i%700)})
	}
	files := append(results(t), File{Source: "big.txt", Findings: big}, File{Source: "empty.txt"})
	files = append(files, results(t)[0])
	for _, format := range Formats() {
		for _, failuresOnly := range []bool{false, true} {
			o := options()
			o.JUnitFailuresOnly = failuresOnly
			write := func(part int) []byte {
				var buf bytes.Buffer
				w, err := New(format, &buf, o)
				require.NoError(t, err)
				pw := w.(PartWriter)
				var sum Summary
				for _, f := range files {
					sum.Add(f)
					if part == 0 {
						require.NoError(t, w.File(f))
						continue
					}
					all := f.Findings
					for start := 0; ; start += part {
						f.Findings = all[start:min(start+part, len(all))]
						last := start+part >= len(all)
						require.NoError(t, pw.FilePart(f, last))
						if last {
							break
						}
					}
				}
				require.NoError(t, w.Finish(sum))
				return buf.Bytes()
			}
			whole := write(0)
			for _, part := range []int{1, 3, 999, 5000} {
				require.Equal(t, string(whole), string(write(part)), "%s (failures only %v) in parts of %d", format, failuresOnly, part)
			}
		}
	}
}
