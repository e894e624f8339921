package report

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/collate"

	"github.com/asectl/asectl/internal/safetext"
	"github.com/asectl/asectl/model"
	"github.com/asectl/asectl/parser"
	"github.com/asectl/asectl/validate"
)

// Fact is one row of a key–value table.
type Fact struct{ Key, Value string }

// FindingRow is one finding in a table.
type FindingRow struct {
	Source, Severity, Rule, Message string
	Line, Column                    int
	// Where is "LINE:COL", or the field's JSON path for a description read
	// from asectl's parse JSON (which keeps no positions).
	Where string
}

// TextSection is a free-text section.
type TextSection struct{ Title, Text string }

// ProjectView is everything a one-project page shows.
type ProjectView struct {
	Title       string
	Facts       []Fact
	Timeline    Chart
	Funding     Chart
	Rates       []Fact
	Scores      Chart
	HasScores   bool
	Indicators  [][]string // rows: indicator, planned, of which women, realised, of which women
	Findings    []FindingRow
	Texts       []TextSection
	FindingsSum string
	// FindingsMore says how many findings the page leaves out (at most
	// MaxShownFindings are listed) and that asectl validate lists them
	// all; empty when the page lists them all.
	FindingsMore string
	// FindingsTotal counts every finding, listed or not (the Markdown
	// page lists fewer still).
	FindingsTotal int
}

func findingRows(lc *locale, source string, fs []validate.Finding) []FindingRow {
	out := make([]FindingRow, 0, len(fs))
	for _, f := range fs {
		where := f.Field
		if f.Pos.IsValid() {
			where = fmt.Sprintf("%d:%d", f.Pos.Line, f.Pos.Col)
		}
		out = append(out, FindingRow{Source: source, Severity: f.Severity.String(), Rule: f.Rule,
			Message: lc.l.Message(f.Msg), Line: f.Pos.Line, Column: f.Pos.Col, Where: where})
	}
	return out
}

func projectView(lc *locale, it Item, today model.Date) ProjectView {
	d := it.Doc
	p, a, f := d.Project, d.Applicant, d.Funding
	v := ProjectView{Title: strings.TrimSpace(text(p.Code) + " " + text(p.Name))}
	period := lc.dateField(p.Period.Start) + " – " + lc.dateField(p.Period.End)
	v.Facts = []Fact{
		{lc.T("Project code"), text(p.Code)},
		{lc.T("Project name"), text(p.Name)},
		{lc.T("Fund"), text(d.Fund)},
		{lc.T("Priority axis"), numbered(p.PriorityAxis)},
		{lc.T("Specific objective"), numbered(p.SpecificObjective)},
		{lc.T("Implementation period"), period},
		{lc.T("Status"), text(p.Status)},
		{lc.T("Responsible authority"), text(p.Authority)},
		{lc.T("Applicant"), text(a.Name)},
		{lc.T("Business ID"), text(a.BusinessID)},
		{lc.T("Regions"), joinTexts(lc, d.Area.Regions)},
		{lc.T("Municipalities"), joinTexts(lc, d.Area.Municipalities)},
		{lc.T("Source"), safetext.Safe(it.Source)},
	}
	v.Timeline = timeline(lc, p.Period, today)

	type money = model.Field[model.Fixed2]
	max := model.Fixed2(0)
	for _, m := range []money{f.EUStateGranted, f.EUStateRealised, f.PublicPlanned, f.PublicRealised} {
		if m.Valid && m.Value > max {
			max = m.Value
		}
	}
	row := func(label, class string, m money, heading string) barRow {
		r := barRow{label: label, class: class, value: lc.amount(m), heading: heading}
		if m.Valid {
			r.v = fixedFloat(m.Value)
		}
		return r
	}
	v.Funding = hbars(lc.T("Public funding"), lc.T("EU and state funding granted and realised; public funding planned and realised."), []barRow{
		row(lc.T("EU and state funding granted"), "bar planned", f.EUStateGranted, ""),
		row(lc.T("EU and state funding realised"), "bar realised", f.EUStateRealised, ""),
		row(lc.T("Public funding planned"), "bar planned", f.PublicPlanned, ""),
		row(lc.T("Public funding realised"), "bar realised", f.PublicRealised, ""),
	}, fixedFloat(max), []Legend{{Class: "planned", Label: lc.T("granted or planned")}, {Class: "realised", Label: lc.T("realised")}})
	rate := func(a, b money) string {
		if !a.Valid || !b.Valid {
			return "–"
		}
		return lc.percent(a.Value, b.Value)
	}
	v.Rates = []Fact{
		{lc.T("Execution rate, EU and state funding"), rate(f.EUStateRealised, f.EUStateGranted)},
		{lc.T("Execution rate, public funding"), rate(f.PublicRealised, f.PublicPlanned)},
	}

	var rows []barRow
	group := ""
	for _, s := range d.Horizontal.Sustainability {
		heading := ""
		if s.Group.Valid && s.Group.Value != group {
			group, heading = s.Group.Value, s.Group.Value
		}
		score := func(f model.Field[int]) (float64, string) {
			if !f.Valid {
				return 0, "–"
			}
			return float64(f.Value), fmt.Sprint(f.Value)
		}
		dv, dt := score(s.Direct)
		iv, it := score(s.Indirect)
		rows = append(rows,
			barRow{label: text(s.Criterion), class: "bar direct", v: dv, value: dt, heading: heading},
			barRow{label: "", class: "bar indirect", v: iv, value: it})
	}
	v.HasScores = len(rows) > 0
	v.Scores = hbars(lc.T("Sustainable development (0–10)"), lc.T("Direct and indirect effect of each criterion, 0–10, by group."),
		rows, 10, []Legend{{Class: "direct", Label: lc.T("direct")}, {Class: "indirect", Label: lc.T("indirect")}})

	ind := d.Indicators
	v.Indicators = [][]string{
		{lc.T("New jobs"), lc.count(ind.NewJobs.Planned.Total), lc.count(ind.NewJobs.Planned.Women), lc.count(ind.NewJobs.Realised.Total), lc.count(ind.NewJobs.Realised.Women)},
		{lc.T("New companies"), lc.count(ind.NewCompanies.Planned.Total), lc.count(ind.NewCompanies.Planned.Women), lc.count(ind.NewCompanies.Realised.Total), lc.count(ind.NewCompanies.Realised.Women)},
	}
	// An ESF page's own indicators, as printed ("7.1 Osallistujien määrä").
	for _, o := range ind.Other {
		v.Indicators = append(v.Indicators, []string{strings.TrimSpace(text(o.Number) + " " + text(o.Title)),
			lc.count(o.Planned.Total), lc.count(o.Planned.Women), lc.count(o.Realised.Total), lc.count(o.Realised.Women)})
	}
	c := it.counts()
	v.Findings = findingRows(lc, safetext.Safe(it.Source), it.shown())
	v.FindingsSum = errorsWarnings(lc, c.Errors, c.Warnings)
	v.FindingsTotal = c.Total
	if more := c.Total - len(v.Findings); more > 0 {
		v.FindingsMore = moreFindings(lc, more)
	}
	lang := parser.LanguageByCode(d.Language)
	if lang == nil {
		lang = parser.LanguageByCode("fi")
	}
	for _, t := range []struct {
		num string
		v   model.Text
	}{{"3", d.Summary}, {"4.1", d.TargetGroups.Primary}, {"4.2", d.TargetGroups.Indirect}, {"9", d.FinalReport}} {
		if t.num == "9" {
			// Subsections the tables do not know ("4.3 …", "8.3 …") come
			// before the final report, in document order.
			for _, o := range d.OtherSections {
				if o.Text.Valid {
					v.Texts = append(v.Texts, TextSection{Title: strings.TrimSpace(text(o.Number) + " " + text(o.Title)), Text: o.Text.Value})
				}
			}
		}
		if t.v.Valid {
			v.Texts = append(v.Texts, TextSection{Title: t.num + " " + lang.HeadingText(t.num), Text: t.v.Value})
		}
	}
	return v
}

func numbered(n model.Numbered) string {
	switch {
	case n.Number.Valid && n.Name.Valid:
		return n.Number.Value + ". " + n.Name.Value
	case n.Number.Valid:
		return n.Number.Value
	}
	return text(n.Name)
}

// maxShownNames is the most names a page lists in one cell (regions,
// municipalities): more than Finland's municipalities (309 in 2021, 320
// in 2014), so a real description's list is always whole, while a list
// of 900,000 names (which the rules flag) does not make a 9 MB cell.
const maxShownNames = 400

// maxNameChars bounds a cell of names in characters as well, so that a
// Markdown page stays within a pull-request comment when the names are long
// (400 unknown names of 60 characters are 24,800). Every municipality of
// Finland joined is 3,097 characters.
const maxNameChars = 5000

// joinTexts lists the names, at most maxShownNames of them and whole ones
// within maxNameChars characters (the first one however long), then how
// many more there are.
func joinTexts(lc *locale, ts []model.Text) string {
	if len(ts) == 0 {
		return "–"
	}
	parts := make([]string, 0, min(len(ts), maxShownNames)+1)
	chars := 0
	for _, t := range ts[:min(len(ts), maxShownNames)] {
		chars += utf8.RuneCountInString(t.Value) + 2
		if chars > maxNameChars && len(parts) > 0 {
			break
		}
		parts = append(parts, t.Value)
	}
	if len(ts) > len(parts) {
		parts = append(parts, lc.l.Sprintf("… %d more", len(ts)-len(parts)))
	}
	return strings.Join(parts, ", ")
}

// moreFindings says that n findings are not listed and where they are.
func moreFindings(lc *locale, n int) string {
	return lc.l.Sprintf("… %d more findings not shown: asectl validate lists them all", n)
}

// errorsWarnings is "N errors, M warnings" in the report's language.
func errorsWarnings(lc *locale, errs, warns int) string {
	return lc.l.Sprintf("%d errors", errs) + ", " + lc.l.Sprintf("%d warnings", warns)
}

// ProjectRow is one project in the portfolio table. Sort keys are kept
// apart from the shown text so that the table sorts by value.
type ProjectRow struct {
	Code, Name, Applicant, Period, Granted, Realised, Planned, Findings, Source       string
	StartKey, GrantedKey, RealisedKey, PlannedKey, FindingsKey, NameKey, ApplicantKey string
	Error                                                                             string

	errs, warns int // the findings counted, for FindingsKey (see findingsKeys)
}

// findingsKeys sets the rows' FindingsKey so that the column sorts by
// errors, then warnings: errors × (the most warnings of any row + 1) +
// warnings. A fixed multiplier (it was 100,000) let a description with
// that many warnings sort above one with an error; this one is exact in
// the script's float64 numbers while the product stays below 2^53, which
// holds for any inputs asectl reads (16 MiB each by default).
func findingsKeys(rows []ProjectRow) {
	top := 0
	for _, r := range rows {
		top = max(top, r.warns)
	}
	for i := range rows {
		rows[i].FindingsKey = fmt.Sprint(int64(rows[i].errs)*(int64(top)+1) + int64(rows[i].warns))
	}
}

// CountTable is a tally shown as a table.
type CountTable struct {
	Title string
	Rows  []Fact
}

// PortfolioView is everything a portfolio page shows.
type PortfolioView struct {
	Title      string
	Facts      []Fact
	Counts     []CountTable
	ByAxis     Chart
	ByRegion   Chart
	Rates      Chart
	MeanScores Chart
	HasScores  bool
	TopRules   []Fact
	Projects   []ProjectRow
	Unreadable []Fact
}

// Portfolio gathers a portfolio page one description at a time, so that a
// caller need not keep every description until the page is written (a
// whole programme's would take hundreds of MB). It keeps copies of what it
// shows, nothing of the descriptions themselves: a model's strings are parts
// of its whole text, and keeping one would keep the text.
type Portfolio struct {
	lc                         *locale
	o                          Options
	tallies                    map[string]map[string]*tally
	rules                      map[string]*tally
	granted, realised, planned model.Fixed2
	rates                      []float64
	scoreSum, scoreN           [2][3][5]int
	errs, warns, docs          int
	projects                   []ProjectRow
	unreadable                 []Fact
}

// NewPortfolio starts an empty portfolio.
func NewPortfolio(o Options) *Portfolio {
	return newPortfolio(newLocale(o.Lang), o)
}

func newPortfolio(lc *locale, o Options) *Portfolio {
	return &Portfolio{lc: lc, o: o,
		tallies: map[string]map[string]*tally{"fund": {}, "axis": {}, "objective": {}, "state": {}, "region": {}},
		rules:   map[string]*tally{}}
}

func (p *Portfolio) add(kind, label string, sum model.Fixed2) {
	t := p.tallies[kind][label]
	if t == nil {
		// A label is part of its description's text: a copy lets the text go.
		label = strings.Clone(label)
		t = &tally{Label: label}
		p.tallies[kind][label] = t
	}
	t.N++
	t.Sum += sum
}

// Add counts one description (or an input that could not be read) in.
func (p *Portfolio) Add(it Item) {
	if it.Doc == nil {
		p.unreadable = append(p.unreadable, Fact{safetext.Safe(it.Source), it.Error})
		return
	}
	p.docs++
	d := it.Doc
	g := model.Fixed2(0)
	if d.Funding.EUStateGranted.Valid {
		g = d.Funding.EUStateGranted.Value
		p.granted += g
	}
	if d.Funding.EUStateRealised.Valid {
		p.realised += d.Funding.EUStateRealised.Value
	}
	if d.Funding.PublicPlanned.Valid {
		p.planned += d.Funding.PublicPlanned.Value
	}
	if d.Funding.EUStateGranted.Valid && d.Funding.EUStateRealised.Valid && g > 0 {
		p.rates = append(p.rates, fixedFloat(d.Funding.EUStateRealised.Value)/fixedFloat(g))
	}
	p.add("fund", text(d.Fund), g)
	p.add("axis", axisLabel(d, p.lc.lang), g)
	p.add("objective", text(d.Project.SpecificObjective.Number), g)
	p.add("state", stateLabel(p.lc, d.Project.State), g)
	if len(d.Area.Regions) == 0 {
		p.add("region", "–", g)
	}
	for _, r := range d.Area.Regions {
		p.add("region", r.Value, g)
	}
	for _, s := range d.Horizontal.Sustainability {
		if s.Ref == 0 {
			continue
		}
		gi, ci := (s.Ref-1)/100, (s.Ref-1)%100
		if gi > 2 || ci > 4 {
			continue
		}
		if s.Direct.Valid {
			p.scoreSum[0][gi][ci] += s.Direct.Value
			p.scoreN[0][gi][ci]++
		}
		if s.Indirect.Valid {
			p.scoreSum[1][gi][ci] += s.Indirect.Value
			p.scoreN[1][gi][ci]++
		}
	}
	c := it.counts()
	p.errs += c.Errors
	p.warns += c.Warnings
	for rule, n := range c.ByRule {
		t := p.rules[rule]
		if t == nil {
			t = &tally{Label: rule} // a rule ID, not text of the input
			p.rules[t.Label] = t
		}
		t.N += n
		t.Sum++ // files with the rule
	}
	row := projectRow(p.lc, it, c)
	for _, s := range []*string{&row.Code, &row.Name, &row.Applicant, &row.Source} {
		*s = strings.Clone(*s)
	}
	p.projects = append(p.projects, row)
}

// view is everything the page shows of the descriptions added.
func (p *Portfolio) view() PortfolioView {
	lc := p.lc
	v := PortfolioView{Title: lc.T("Portfolio of project descriptions"), Unreadable: p.unreadable,
		Projects: slices.Clone(p.projects)}
	findingsKeys(v.Projects)
	v.Facts = []Fact{
		{lc.T("Descriptions"), lc.number(p.docs)},
		{lc.T("Unreadable inputs"), lc.number(len(v.Unreadable))},
		{lc.T("EU and state funding granted"), lc.euros(p.granted)},
		{lc.T("EU and state funding realised"), lc.euros(p.realised)},
		{lc.T("Execution rate, EU and state funding"), lc.percent(p.realised, p.granted)},
		{lc.T("Public funding planned"), lc.euros(p.planned)},
		{lc.T("Findings"), errorsWarnings(lc, p.errs, p.warns)},
	}
	for _, k := range []struct{ kind, title string }{
		{"fund", lc.T("By fund")}, {"axis", lc.T("By priority axis")}, {"objective", lc.T("By specific objective")},
		{"state", lc.T("By state")}, {"region", lc.T("By region")},
	} {
		ct := CountTable{Title: k.title}
		for _, t := range sortTallies(lc, p.tallies[k.kind], false) {
			ct.Rows = append(ct.Rows, Fact{t.Label, lc.number(t.N)})
		}
		v.Counts = append(v.Counts, ct)
	}
	sumChart := func(kind, title, desc string) Chart {
		ts := sortTallies(lc, p.tallies[kind], true)
		var rows []barRow
		var top float64
		for _, t := range ts {
			rows = append(rows, barRow{label: t.Label, v: fixedFloat(t.Sum), value: lc.euros(t.Sum), class: "bar planned"})
			top = max(top, fixedFloat(t.Sum))
		}
		return hbars(title, desc, rows, top, nil)
	}
	v.ByAxis = sumChart("axis", lc.T("EU and state funding granted by priority axis"), lc.T("Sum over the descriptions of each axis."))
	v.ByRegion = sumChart("region", lc.T("EU and state funding granted by region"), lc.T("A project in several regions counts in each of them."))

	// Execution rates in tenths: 0–10 %, …, 90–100 %, over 100 %.
	var buckets [11]int
	for _, r := range p.rates {
		i := int(r * 10)
		if r >= 1.0000001 {
			i = 10
		} else if i > 9 {
			i = 9
		}
		buckets[max(i, 0)]++
	}
	var rateRows []barRow
	maxN := 0
	for _, n := range buckets {
		maxN = max(maxN, n)
	}
	for i, n := range buckets {
		label := fmt.Sprintf("%d–%d %%", i*10, i*10+10)
		if i == 10 {
			label = "> 100 %"
		}
		rateRows = append(rateRows, barRow{label: label, v: float64(n), value: lc.number(n), class: "bar realised"})
	}
	v.Rates = hbars(lc.T("Spread of execution rates (EU and state funding realised / granted)"),
		lc.T("Number of descriptions in each band of execution rate."), rateRows, float64(maxN), nil)

	fi := parser.LanguageByCode(lc.lang)
	if fi == nil {
		fi = parser.LanguageByCode("fi")
	}
	var scoreRows []barRow
	for gi, g := range fi.Sustainability {
		for ci, c := range g.Criteria {
			if gi > 2 || ci > 4 {
				continue
			}
			heading := ""
			if ci == 0 {
				heading = g.Group
			}
			mean := func(k int) (float64, string) {
				if p.scoreN[k][gi][ci] == 0 {
					return 0, "–"
				}
				m := float64(p.scoreSum[k][gi][ci]) / float64(p.scoreN[k][gi][ci])
				return m, lc.p.Sprintf("%.1f", m)
			}
			dv, dt := mean(0)
			iv, it := mean(1)
			if p.scoreN[0][gi][ci]+p.scoreN[1][gi][ci] > 0 {
				v.HasScores = true
			}
			scoreRows = append(scoreRows,
				barRow{label: c, v: dv, value: dt, class: "bar direct", heading: heading},
				barRow{label: "", v: iv, value: it, class: "bar indirect"})
		}
	}
	v.MeanScores = hbars(lc.T("Mean sustainability scores (0–10)"), lc.T("Mean direct and indirect score of each criterion over the descriptions."),
		scoreRows, 10, []Legend{{Class: "direct", Label: lc.T("direct")}, {Class: "indirect", Label: lc.T("indirect")}})

	for _, t := range sortTallies(lc, p.rules, false) {
		v.TopRules = append(v.TopRules, Fact{t.Label, lc.l.Sprintf("%d findings", t.N) + " " + lc.l.Sprintf("in %d files", int(t.Sum))})
		if len(v.TopRules) == 10 {
			break
		}
	}
	sort.SliceStable(v.Projects, func(i, j int) bool { return lc.col.CompareString(v.Projects[i].Code, v.Projects[j].Code) < 0 })
	return v
}

func stateLabel(lc *locale, st model.Text) string {
	if !st.Valid {
		return "–"
	}
	switch st.Value {
	case model.StateRunning:
		return lc.T("running")
	case model.StateEnded:
		return lc.T("ended")
	case model.StateInterrupted:
		return lc.T("interrupted")
	}
	return st.Value
}

// sortKey makes amounts sort as numbers in the page's table.
func sortKey(f model.Field[model.Fixed2]) string {
	if !f.Valid {
		return "-1"
	}
	return fmt.Sprint(int64(f.Value))
}

func projectRow(lc *locale, it Item, c Counts) ProjectRow {
	d := it.Doc
	per := d.Project.Period
	start := ""
	if per.Start.Valid {
		start = per.Start.Value.String()
	}
	e, w := c.Errors, c.Warnings
	return ProjectRow{
		Code: text(d.Project.Code), Name: text(d.Project.Name), Applicant: text(d.Applicant.Name),
		Period:  lc.dateField(per.Start) + " – " + lc.dateField(per.End),
		Granted: lc.amount(d.Funding.EUStateGranted), Realised: lc.amount(d.Funding.EUStateRealised),
		Planned:  lc.amount(d.Funding.PublicPlanned),
		Findings: lc.number(e) + " / " + lc.number(w), Source: safetext.Safe(it.Source),
		StartKey: start, GrantedKey: sortKey(d.Funding.EUStateGranted), RealisedKey: sortKey(d.Funding.EUStateRealised),
		PlannedKey: sortKey(d.Funding.PublicPlanned), errs: e, warns: w,
		NameKey: collationKey(lc, text(d.Project.Name)), ApplicantKey: collationKey(lc, text(d.Applicant.Name)),
	}
}

// collationKey gives a string whose byte order is the language's
// alphabetical order, for the page's sorting script.
func collationKey(lc *locale, s string) string {
	var buf collate.Buffer
	return fmt.Sprintf("%x", lc.col.KeyFromString(&buf, s))
}
