package findings

import (
	"bytes"
	"strings"
	"testing"

	"github.com/asectl/asectl/model"
	"github.com/asectl/asectl/validate"
)

// TestJUnitKeepsFindingsOfUnlistedRules: a finding of a rule that is not
// in Options.Rules (a library user who left Rules out, or a rule of their
// own) is still a test case, after the listed ones (regression: it was
// dropped, and the report said tests="0" failures="0").
func TestJUnitKeepsFindingsOfUnlistedRules(t *testing.T) {
	f := File{Source: "x.txt", Findings: []validate.Finding{
		{Rule: "business-id", Severity: validate.Error, Msg: model.Msg("bad ID"), Pos: model.Pos{Line: 3, Col: 1}},
		{Rule: "my-own-rule", Severity: validate.Error, Msg: model.Msg("mine"), Pos: model.Pos{Line: 5, Col: 2}},
		{Rule: "another-rule", Severity: validate.Warning, Msg: model.Msg("note"), Pos: model.Pos{Line: 6, Col: 2}},
	}}
	for _, tc := range []struct {
		name  string
		rules []*validate.Rule
	}{{"no rules", nil}, {"the built-in rules", validate.Rules()}} {
		var b bytes.Buffer
		w, err := New("junit", &b, Options{Rules: tc.rules, FailOn: int(validate.Error)})
		if err != nil {
			t.Fatal(err)
		}
		var sum Summary
		sum.Add(f)
		if err := w.File(f); err != nil {
			t.Fatal(err)
		}
		if err := w.Finish(sum); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		for _, want := range []string{`failures="2"`, `<testcase name="business-id"`, `<testcase name="my-own-rule"`, `x.txt:5:2: error: mine`, `<testcase name="another-rule"`, `x.txt:6:2: warning: note`} {
			if !strings.Contains(out, want) {
				t.Errorf("%s: no %s in\n%s", tc.name, want, out)
			}
		}
		// The unlisted ones follow the listed ones, sorted.
		if i, j := strings.Index(out, `"another-rule"`), strings.Index(out, `"my-own-rule"`); i > j || (tc.rules != nil && strings.Index(out, `"list-duplicate"`) > i) {
			t.Errorf("%s: unlisted rules out of order:\n%s", tc.name, out)
		}
	}
}
