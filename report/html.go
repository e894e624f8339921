package report

import (
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"html/template"
	"io"
	"sync"
)

//go:embed templates/page.html templates/sort.js
var templates embed.FS

// sortScript is the portfolio's table-sorting script and the hash by which
// the page's Content-Security-Policy allows it and no other script: a
// description's text is escaped by html/template, and the policy is the
// second wall should anything slip through.
var sortScript = sync.OnceValues(func() (template.JS, string) {
	js, err := templates.ReadFile("templates/sort.js")
	if err != nil {
		panic(err) // embedded above
	}
	sum := sha256.Sum256(js)
	return template.JS(js), "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
})

// pageTmpl is parsed on first use: most runs of asectl write no page.
var pageTmpl = sync.OnceValue(func() *template.Template {
	return template.Must(template.ParseFS(templates, "templates/page.html"))
})

// labels are the page's fixed texts in the report's language.
type labels struct {
	Summary, Indicators, Planned, Realised, Women, Findings, Severity, Line, Rule, Message, NoFindings string
	Counts, TopFindings, Projects, Code, Name, Applicant, Period, Granted, ErrorsWarnings, Unreadable  string
}

func pageLabels(lc *locale) labels {
	return labels{
		Summary: lc.T("Project description summary"), Indicators: lc.T("Indicators"), Planned: lc.T("Planned"),
		Realised: lc.T("Realised"), Women: lc.T("of which women"), Findings: lc.T("Findings"), Severity: lc.T("Severity"),
		Line: lc.T("Line"), Rule: lc.T("Rule"), Message: lc.T("Message"), NoFindings: lc.T("No findings."),
		Counts: lc.T("Counts"), TopFindings: lc.T("Most frequent findings"), Projects: lc.T("All descriptions"),
		Code: lc.T("Code"), Name: lc.T("Name"), Applicant: lc.T("Applicant"), Period: lc.T("Period"),
		Granted: lc.T("Granted"), ErrorsWarnings: lc.T("Errors / warnings"), Unreadable: lc.T("Unreadable inputs"),
	}
}

type page struct {
	Lang, Title, Version, Generated string
	Script                          template.JS // the portfolio's script
	ScriptHash                      string      // its CSP hash source, "sha256-…"
	T                               labels
	Project                         *ProjectView
	Portfolio                       *PortfolioView
}

func newPage(lc *locale, o Options) *page {
	js, hash := sortScript()
	return &page{Lang: lc.lang, Version: o.Version, T: pageLabels(lc), Script: js, ScriptHash: hash,
		Generated: lc.T("Reference date") + " " + lc.date(o.Today)}
}

// itemsPage is the page of items: a one-project summary for one readable
// description, a portfolio for anything else.
func itemsPage(items []Item, o Options) (*page, *locale) {
	lc := newLocale(o.Lang)
	if len(items) == 1 && items[0].Doc != nil {
		p := newPage(lc, o)
		v := projectView(lc, items[0], o.Today)
		p.Project, p.Title = &v, v.Title
		return p, lc
	}
	pf := newPortfolio(lc, o)
	for _, it := range items {
		pf.Add(it)
	}
	return pf.page(), lc
}

func (pf *Portfolio) page() *page {
	p := newPage(pf.lc, pf.o)
	v := pf.view()
	p.Portfolio, p.Title = &v, v.Title
	return p
}

// HTML writes a self-contained page: a one-project summary for one
// readable description, a portfolio for anything else.
func HTML(w io.Writer, items []Item, o Options) error {
	p, _ := itemsPage(items, o)
	return pageTmpl().Execute(w, p)
}

// HTML writes the portfolio page of the descriptions added so far.
func (pf *Portfolio) HTML(w io.Writer) error {
	return pageTmpl().Execute(w, pf.page())
}
