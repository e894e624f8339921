package validate

import (
	"strings"
	"testing"

	"github.com/asectl/asectl/model"
)

// Any labelled field of the table may be made required: the rule reads
// every kind, empty and filled.
func TestRequiredKinds(t *testing.T) {
	d := model.New("x")
	for _, id := range model.Fields() {
		if !id.Kind().Labelled() && id.Kind() != model.KindFreeText {
			continue
		}
		if v := required(id.In(d)); v.Valid || v.Present {
			t.Errorf("%s: an empty description has it (%+v)", id.Path(), v)
		}
	}
	d.Area.Regions = append(d.Area.Regions, model.Text{Value: "Lappi", Valid: true, Present: true})
	d.Funding.PublicPlanned.Set(100, model.Pos{Line: 3, Col: 4})
	for _, path := range []string{"area.regions", "funding.public_planned"} {
		if v := required(model.FieldByPath(path).In(d)); !v.Valid {
			t.Errorf("%s: a value read is not seen", path)
		}
	}
}

// TestMissingFieldExplainNamesTheTable: `asectl rules missing-field` lists
// every required row of the field table (regression: its prose list was
// written by hand and missed a field added to the table).
func TestMissingFieldExplainNamesTheTable(t *testing.T) {
	explain := strings.Join(strings.Fields(ruleMissingField.Explain), " ")
	n := 0
	for _, id := range model.Fields() {
		if name := id.Def().Required; name != "" {
			n++
			if !strings.Contains(explain, name) {
				t.Errorf("missing-field's explanation does not name %s (%q)", id.Path(), name)
			}
		}
	}
	if n == 0 {
		t.Fatal("no required field in the table")
	}
	for _, line := range strings.Split(ruleMissingField.Explain, "\n") {
		if len(line) > 90 {
			t.Errorf("line longer than 90 bytes: %q", line)
		}
	}
}
