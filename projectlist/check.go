package projectlist

import (
	"strconv"
	"time"

	"github.com/asectl/asectl/model"
	"github.com/asectl/asectl/parser"
	"github.com/asectl/asectl/validate"
)

// rowRules are the description rules that hold for a list row. The
// 2007–2013 rows skip priority-axis (their axes are the old programme's)
// and have their own eligibility window.
var rowRules = []string{
	"project-code", "priority-axis", "project-status",
	"period-order", "period-in-programme", "status-vs-period",
	"funding-granted-vs-planned", "funding-realised-vs-granted", "funding-realised-eu-vs-public",
	"funding-realised-vs-planned", "funding-missing-realised",
	parser.RuleInvalidDate,
}

// Eligible2007 returns the 2007–2013 programmes' eligibility window, first
// and last eligible day.
func Eligible2007() (start, end model.Date) {
	return model.Date{Year: 2007, Month: time.January, Day: 1}, model.Date{Year: 2015, Month: time.December, Day: 31}
}

// Checker applies to list rows the rules that hold for them, positioned at
// the row's line and the field's column. It reuses its buffers: one Checker
// per goroutine. For list-duplicate it remembers the codes of the rows it
// was given, so a list's rows are checked in order by one Checker; a row of
// another Source, or not below the last row, starts a new list.
type Checker struct {
	cfg        validate.Config
	cfg2014    validate.Config
	cfg2007    validate.Config
	eligible07 bool // period-in-programme is on
	listRow    bool // list-row is on
	listDup    bool // list-duplicate is on
	doc        model.Description
	res        parser.Result
	source     string         // the list being read
	line       int            // the last row's line in it
	first      map[string]int // line of the first row of each code in it
}

// NewChecker returns a checker with cfg's severities, rules turned off and
// reference date (zero: today).
func NewChecker(cfg validate.Config) *Checker {
	if cfg.Today == (model.Date{}) {
		cfg.Today = model.DateOf(time.Now())
	}
	c := &Checker{cfg: cfg, eligible07: !cfg.Off["period-in-programme"], listRow: !cfg.Off[validate.RuleListRow],
		listDup: !cfg.Off[validate.RuleListDuplicate], first: map[string]int{}}
	on := map[string]bool{}
	for _, id := range rowRules {
		on[id] = !cfg.Off[id]
	}
	off := func(skip ...string) validate.Config {
		o := cfg
		o.Off = map[string]bool{}
		for _, r := range validate.Rules() {
			o.Off[r.ID] = !on[r.ID]
		}
		for _, id := range skip {
			o.Off[id] = true
		}
		return o
	}
	c.cfg2014 = off()
	c.cfg2007 = off("priority-axis", "period-in-programme")
	c.doc.Sections = model.Sections{}
	return c
}

func (c *Checker) severity(id string, def validate.Severity) validate.Severity {
	if s, ok := c.cfg.Severity[id]; ok {
		return s
	}
	return def
}

// Check returns the row's findings, sorted by column and rule. A row that
// could not be split has one finding, list-row; a row whose code an earlier
// row of the same list has, list-duplicate among the others.
func (c *Checker) Check(r *Row) []validate.Finding {
	if r.Source != c.source || r.Line <= c.line {
		c.source = r.Source
		clear(c.first)
	}
	c.line = r.Line
	if r.Err != nil {
		if !c.listRow {
			return nil
		}
		return []validate.Finding{{
			Rule: validate.RuleListRow, Severity: c.severity(validate.RuleListRow, validate.Error),
			Msg: parser.Msg("cannot split the row into the list's columns: %s", *r.Err),
			Pos: model.Pos{Line: r.Line, Col: max(r.ErrCol, 1)},
		}}
	}
	d := &c.doc
	sections := d.Sections
	clear(sections)
	*d = model.Description{Sections: sections}
	r.fill(d)
	c.res = parser.Result{Doc: d, Problems: r.Problems}
	cfg := c.cfg2014
	if r.Programme == Programme2007 {
		cfg = c.cfg2007
	}
	fs := validate.Check(&c.res, cfg)
	if r.Programme == Programme2007 && c.eligible07 {
		sev := c.severity("period-in-programme", validate.Error)
		per := r.Project.Period
		elStart, elEnd := Eligible2007()
		if per.Start.Valid && per.Start.Value.Before(elStart) {
			fs = append(fs, validate.Finding{Rule: "period-in-programme", Severity: sev, Pos: per.Start.Pos, Field: "project.period.start",
				Msg: parser.Msg("the period starts on %s, before the programme's eligibility starts on %s", per.Start.Value.Finnish(), elStart.Finnish())})
		}
		if per.End.Valid && per.End.Value.After(elEnd) {
			fs = append(fs, validate.Finding{Rule: "period-in-programme", Severity: sev, Pos: per.End.Pos, Field: "project.period.end",
				Msg: parser.Msg("the period ends on %s, after the programme's eligibility ends on %s", per.End.Value.Finnish(), elEnd.Finnish())})
		}
		validate.SortFindings(fs)
	}
	if code := r.Project.Code; code.Valid {
		if first, ok := c.first[code.Value]; !ok {
			c.first[code.Value] = r.Line
		} else if c.listDup {
			fs = append(fs, validate.Finding{Rule: validate.RuleListDuplicate, Severity: c.severity(validate.RuleListDuplicate, validate.Warning),
				Pos: code.Pos, Field: "project.code", Msg: parser.Msg("project code %s appears again: line %d has it first", code.Value, first)})
			validate.SortFindings(fs)
		}
	}
	return fs
}

// fill sets d's values from the row: what a description and a list row
// share. Section 5 counts as present (the list always has its columns).
func (r *Row) fill(d *model.Description) {
	d.Version, d.Kind, d.Source, d.Language = model.Version, model.KindDescription, r.Source, "fi"
	d.Fund, d.FundFromHeader = r.Fund, true
	d.Project = r.Project
	d.Applicant.Name = r.Applicant.Name
	d.Funding = r.Funding
	d.Sections["5"] = model.SectionInfo{Pos: r.Funding.EUStateGranted.Pos}
}

// Description returns a new description holding what the row gives (code,
// fund, name, axis number, authority, status, period, applicant, the four
// amounts), for tools that take descriptions, such as a portfolio report.
// Its Source is "SOURCE:LINE", so that each project leads back to its row.
// A 2007–2013 row's axis number is left out: it numbers an axis of that
// programme, which tools that know the 2014–2020 axes would misname. nil
// for a row that could not be split.
func (r *Row) Description() *model.Description {
	if r.Err != nil {
		return nil
	}
	d := model.New(r.Source)
	r.fill(d)
	d.Source = r.Source + ":" + strconv.Itoa(r.Line)
	if r.Programme == Programme2007 {
		d.Project.PriorityAxis = model.Numbered{}
	}
	return d
}
