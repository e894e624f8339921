package summary

import (
	"embed"
	"html/template"
	"io"
	"sync"
)

//go:embed templates/page.html
var templates embed.FS

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
	T                               labels
	Project                         *ProjectView
	Portfolio                       *PortfolioView
}

func newPage(items []Item, o Options) (*page, *locale) {
	lc := newLocale(o.Lang)
	p := &page{Lang: lc.lang, Version: o.Version, T: pageLabels(lc),
		Generated: lc.T("Reference date") + " " + lc.date(o.Today)}
	if len(items) == 1 && items[0].Doc != nil {
		v := projectView(lc, items[0], o.Today)
		p.Project, p.Title = &v, v.Title
	} else {
		v := portfolioView(lc, items)
		p.Portfolio, p.Title = &v, v.Title
	}
	return p, lc
}

// HTML writes a self-contained page: a one-project summary for one
// readable description, a portfolio for anything else.
func HTML(w io.Writer, items []Item, o Options) error {
	p, _ := newPage(items, o)
	return pageTmpl().Execute(w, p)
}
