package sqlitedb

import (
	"testing"

	"github.com/asectl/asectl/model"
)

// Every scalar value of the field table has a descriptions column today,
// so none is added; one that lost its column (as a value new to the table
// has none) gets one, named by its path, with its value bound.
func TestFieldColumns(t *testing.T) {
	if len(fieldColumns) != 0 {
		t.Fatalf("columns added to today's schema: %v", fieldColumns)
	}
	defer withFieldColumns(tableCols("descriptions")) // restore
	var cols []column
	for _, c := range tableCols("descriptions") {
		switch c.json {
		case "applicant.website", "funding.public_planned", "project.period.end", "project.priority_axis.name":
			continue
		}
		cols = append(cols, c)
	}
	got := withFieldColumns(cols)
	want := []column{
		{"project_priority_axis_name", "TEXT", "project.priority_axis.name", "the value at project.priority_axis.name of the parse JSON"},
		{"project_period_end", "TEXT", "project.period.end", "the value at project.period.end of the parse JSON"},
		{"applicant_website", "TEXT", "applicant.website", "the value at applicant.website of the parse JSON"},
		{"funding_public_planned", "INTEGER", "funding.public_planned", "the value at funding.public_planned of the parse JSON, in euro cents"},
	}
	if len(got) != len(cols)+len(want) {
		t.Fatalf("%d columns added, want %d", len(got)-len(cols), len(want))
	}
	for i, w := range want {
		if got[len(cols)+i] != w {
			t.Errorf("column %d: %+v, want %+v", i, got[len(cols)+i], w)
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
	if len(args) != len(wantArgs) {
		t.Fatalf("%d values, want %d", len(args), len(wantArgs))
	}
	for i := range args {
		if args[i] != wantArgs[i] {
			t.Errorf("value %d: %+v, want %+v", i, args[i], wantArgs[i])
		}
	}
}
