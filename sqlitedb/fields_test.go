package sqlitedb

import (
	"testing"

	"github.com/asectl/asectl/model"
)

// A scalar value of the field table that no hand-named column of the
// descriptions table holds (a value new to the table) gets a column, named
// by its path, with its value bound: checked by taking four values'
// columns away. Columns already added for new values (none today) stay
// out of the comparison, so that adding a field does not break this test.
func TestFieldColumns(t *testing.T) {
	saved := fieldColumns
	defer func() { fieldColumns = saved }()
	added := map[string]bool{}
	for _, c := range saved {
		p := c.id.Path()
		if c.part != "" {
			p += "." + c.part
		}
		added[p] = true
	}
	var cols []column
	for _, c := range tableCols("descriptions") {
		switch {
		case added[c.json]:
		case c.json == "applicant.website", c.json == "funding.public_planned", c.json == "project.period.end", c.json == "project.priority_axis.name":
		default:
			cols = append(cols, c)
		}
	}
	all := withFieldColumns(cols)[len(cols):]
	var got []column
	var at []int // where each of got is among the added columns
	for i, c := range all {
		if !added[c.json] {
			got = append(got, c)
			at = append(at, i)
		}
	}
	want := []column{
		{"project_priority_axis_name", "TEXT", "project.priority_axis.name", "the value at project.priority_axis.name of the parse JSON"},
		{"project_period_end", "TEXT", "project.period.end", "the value at project.period.end of the parse JSON"},
		{"applicant_website", "TEXT", "applicant.website", "the value at applicant.website of the parse JSON"},
		{"funding_public_planned", "INTEGER", "funding.public_planned", "the value at funding.public_planned of the parse JSON, in euro cents"},
	}
	if len(got) != len(want) || len(all) != len(want)+len(added) {
		t.Fatalf("%d columns added (%d for the taken ones), want %d", len(all), len(got), len(want)+len(added))
	}
	for i, w := range want {
		if got[i] != w {
			t.Errorf("column %d: %+v, want %+v", i, got[i], w)
		}
	}
	d := model.New("x")
	p := model.Pos{Line: 1, Col: 1}
	d.Project.PriorityAxis.Name.Set("Axis", p)
	d.Project.Period.End.Set(model.Date{Year: 2018, Month: 3, Day: 15}, p)
	d.Applicant.Website.Set("http://x.fi", p)
	d.Funding.PublicPlanned.Set(155128050, p)
	args := appendFieldArgs(nil, d)
	wantArgs := []value{vText("Axis"), date(d.Project.Period.End), vText("http://x.fi"), cents(d.Funding.PublicPlanned)}
	if len(args) != len(all) {
		t.Fatalf("%d values, want %d", len(args), len(all))
	}
	for i, j := range at {
		if args[j] != wantArgs[i] {
			t.Errorf("value %d: %+v, want %+v", i, args[j], wantArgs[i])
		}
	}
}
