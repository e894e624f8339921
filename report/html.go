package report

import (
	"bufio"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"fmt"
	"io"
	"sync"
)

// The page is written by hand, not by html/template: html/template finds
// methods by name at run time, which makes the linker keep every exported
// method of every reachable type, and the browser engine (internal/web)
// grew by 3.6 MB for it. The writer below escapes every value exactly as
// html/template escaped it in these contexts (escape), so the page is the
// same to the byte; testdata/page.html.tmpl is the template it replaced,
// kept as the test's reference (TestSameAsTemplate).
//
// Where values go: element text, RCDATA (<title>) and double-quoted
// attribute values only. Never into an unquoted attribute, a URL, a style,
// a script or a comment: the one script is the embedded sort.js, and the
// page's Content-Security-Policy allows that script by its hash and no
// other, the second wall should anything slip through.

//go:embed templates/sort.js
var sortJS string

// sortScript is the portfolio's table-sorting script and its CSP hash
// source, "sha256-…".
var sortScript = sync.OnceValues(func() (string, string) {
	sum := sha256.Sum256([]byte(sortJS))
	return sortJS, "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
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
	Script                          string // the portfolio's script, sort.js
	ScriptHash                      string // its CSP hash source, "sha256-…"
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
// readable description, a portfolio for anything else. An error is w's.
func HTML(w io.Writer, items []Item, o Options) error {
	p, _ := itemsPage(items, o)
	return writeHTML(w, p)
}

// HTML writes the portfolio page of the descriptions added so far. An
// error is w's.
func (pf *Portfolio) HTML(w io.Writer) error {
	return writeHTML(w, pf.page())
}

// escapes are html/template's replacements for a value in element text,
// RCDATA and a quoted attribute (its htmlReplacementTable): a NUL becomes
// U+FFFD, and '+' is escaped too (against UTF-7 sniffing). Every other byte,
// invalid UTF-8 included, is written as it is.
var escapes = [...]string{
	0:    "\uFFFD",
	'"':  "&#34;",
	'&':  "&amp;",
	'\'': "&#39;",
	'+':  "&#43;",
	'<':  "&lt;",
	'>':  "&gt;",
}

// escape appends s to b escaped for element text, RCDATA or a quoted
// attribute value. The replaced bytes are ASCII, which never occurs inside
// a multi-byte UTF-8 sequence, so a byte at a time is a rune at a time.
func escape(b *bufio.Writer, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; int(c) < len(escapes) && escapes[c] != "" {
			b.WriteString(s[last:i])
			b.WriteString(escapes[c])
			last = i + 1
		}
	}
	b.WriteString(s[last:])
}

// pageWriter writes the page: lit for the page's own markup, text for a
// value (escaped), num for a coordinate.
type pageWriter struct{ b *bufio.Writer }

func (w pageWriter) lit(ss ...string) {
	for _, s := range ss {
		w.b.WriteString(s)
	}
}

func (w pageWriter) text(s string) { escape(w.b, s) }

// num writes x as html/template did: fmt's %v (shortest, "1e+21" beyond
// 21 digits), escaped.
func (w pageWriter) num(x float64) { escape(w.b, fmt.Sprint(x)) }

// pageCSS is the page's style sheet. The line of one space held a CSS
// comment, which html/template replaced by a space; it stays, so that
// pages are the same to the byte as before. The comment said: below the
// width at which the wide drawings' text would shrink under 10px, the
// compact ones show.
const pageCSS = `:root { --ink:#1d2330; --muted:#5b6475; --line:#d9dee7; --planned:#8fb3e8; --realised:#1f5fbf; --direct:#2e8b57; --indirect:#a3d9b1; --span:#eef2f8; --error:#b3261e; --warning:#8a5a00; --info:#1f5fbf; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0 auto; padding: 1.5rem; max-width: 60rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; border-bottom: 2px solid var(--line); padding-bottom: .2rem; }
h3 { font-size: 1rem; margin: 1.2rem 0 .3rem; }
.sub { color: var(--muted); margin: 0 0 1rem; }
table { border-collapse: collapse; width: 100%; margin: .3rem 0 1rem; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; overflow-wrap: anywhere; }
h1, .sub, p { overflow-wrap: anywhere; }
th { font-weight: 600; background: #f6f8fb; overflow-wrap: break-word; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.facts th { width: 30%; background: none; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 0 1.5rem; }
svg.chart { width: 100%; height: auto; display: block; margin: .2rem 0 1rem; }
svg.compact { display: none; max-width: 30rem; }
svg text { font: 12px system-ui, sans-serif; fill: var(--ink); }
svg .value { fill: var(--muted); }
svg .group { font-weight: 600; }
.planned { fill: var(--planned); } .realised { fill: var(--realised); }
.direct { fill: var(--direct); } .indirect { fill: var(--indirect); }
.span { fill: var(--span); stroke: var(--line); } .project { fill: var(--realised); }
.today line { stroke: var(--error); stroke-width: 2; stroke-dasharray: 4 3; } .today text { fill: var(--error); }
.tick line { stroke: var(--muted); } .tick text { fill: var(--muted); }
.sev-error { color: var(--error); font-weight: 600; } .sev-warning { color: var(--warning); font-weight: 600; } .sev-info { color: var(--info); }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
th.sortable { cursor: pointer; user-select: none; } th.sortable::after { content: " ↕"; color: var(--muted); }
th[aria-sort="ascending"]::after { content: " ↑"; } th[aria-sort="descending"]::after { content: " ↓"; }
.scroll { overflow-x: auto; }
footer { color: var(--muted); font-size: .85rem; margin-top: 2rem; border-top: 1px solid var(--line); padding-top: .5rem; }
@media print { body { max-width: none; padding: 0; } h2 { break-after: avoid; } svg.chart, table { break-inside: avoid; } th.sortable::after { content: ""; } }
@media (max-width: 40rem) { body { padding: .75rem; font-size: 14px; } table.facts th { width: 40%; } }
 
@media screen and (max-width: 52rem) { svg.wide { display: none; } svg.compact { display: block; } }
`

func writeHTML(out io.Writer, p *page) error {
	w := pageWriter{bufio.NewWriter(out)}
	w.lit("<!DOCTYPE html>\n<html lang=\"")
	w.text(p.Lang)
	w.lit(`">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src '`)
	w.text(p.ScriptHash)
	w.lit(`'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="generator" content="asectl `)
	w.text(p.Version)
	w.lit("\">\n<title>")
	w.text(p.Title)
	w.lit("</title>\n<style>\n", pageCSS, "</style>\n</head>\n<body>\n")
	if v := p.Project; v != nil {
		w.projectBody(p, v)
	}
	w.lit("\n\n")
	if v := p.Portfolio; v != nil {
		w.portfolioBody(p, v)
	}
	w.lit("\n<footer>asectl ")
	w.text(p.Version)
	// The two newlines after the page were the template's, between the
	// definitions after it; pages keep them, to the byte.
	w.lit("</footer>\n</body>\n</html>\n\n\n")
	return w.b.Flush()
}

func (w pageWriter) facts(fs []Fact, class string) {
	w.lit(`<table class="facts">`)
	w.rows(fs, `<tr><th scope="row">`, "</th><td"+class+">")
	w.lit("</table>")
}

// rows writes a table row for each fact: open, its key, mid (which closes
// the key's cell and opens the value's), its value, and "</td></tr>".
func (w pageWriter) rows(fs []Fact, open, mid string) {
	for _, f := range fs {
		w.lit(open)
		w.text(f.Key)
		w.lit(mid)
		w.text(f.Value)
		w.lit("</td></tr>")
	}
}

// h2 writes a section heading and a newline.
func (w pageWriter) h2(title string) {
	w.lit("<h2>")
	w.text(title)
	w.lit("</h2>\n")
}

func (w pageWriter) projectBody(p *page, v *ProjectView) {
	w.lit("\n<h1>")
	w.text(v.Title)
	w.lit("</h1>\n<p class=\"sub\">")
	w.text(p.T.Summary)
	w.lit(" · ")
	w.text(p.Generated)
	w.lit("</p>\n")
	w.facts(v.Facts, "")
	w.lit("\n\n")
	w.h2(v.Timeline.Title)
	w.chart(&v.Timeline)
	w.lit("\n\n")
	w.h2(v.Funding.Title)
	w.chart(&v.Funding)
	w.lit("\n")
	w.facts(v.Rates, ` class="num"`)
	w.lit("\n\n")
	if v.HasScores {
		w.h2(v.Scores.Title)
		w.chart(&v.Scores)
	}
	w.lit("\n\n")
	w.h2(p.T.Indicators)
	w.lit("<div class=\"scroll\"><table>\n<thead><tr><th></th>")
	for _, h := range []string{p.T.Planned, p.T.Women, p.T.Realised, p.T.Women} {
		w.lit(`<th class="num">`)
		w.text(h)
		w.lit("</th>")
	}
	w.lit("</tr></thead>\n<tbody>")
	for _, row := range v.Indicators {
		w.lit("<tr>")
		for i, c := range row {
			if i == 0 {
				w.lit(`<th scope="row">`)
				w.text(c)
				w.lit("</th>")
			} else {
				w.lit(`<td class="num">`)
				w.text(c)
				w.lit("</td>")
			}
		}
		w.lit("</tr>")
	}
	w.lit("</tbody>\n</table></div>\n\n<h2>")
	w.text(p.T.Findings)
	w.lit(` <small class="sub">(`)
	w.text(v.FindingsSum)
	w.lit(")</small></h2>\n")
	if len(v.Findings) > 0 {
		w.lit("<div class=\"scroll\"><table>\n<thead><tr><th>")
		w.text(p.T.Severity)
		w.lit(`</th><th class="num">`)
		w.text(p.T.Line)
		w.lit("</th><th>")
		w.text(p.T.Rule)
		w.lit("</th><th>")
		w.text(p.T.Message)
		w.lit("</th></tr></thead>\n<tbody>")
		for _, f := range v.Findings {
			w.lit(`<tr><td class="sev-`)
			w.text(f.Severity)
			w.lit(`">`)
			w.text(f.Severity)
			w.lit(`</td><td class="num">`)
			w.text(f.Where)
			w.lit("</td><td><code>")
			w.text(f.Rule)
			w.lit("</code></td><td>")
			w.text(f.Message)
			w.lit("</td></tr>")
		}
		w.lit("</tbody>\n</table></div>")
		if v.FindingsMore != "" {
			// Findings past MaxShownFindings are counted, not listed.
			w.lit("\n<p class=\"sub\">")
			w.text(v.FindingsMore)
			w.lit("</p>")
		}
	} else {
		w.lit("<p>")
		w.text(p.T.NoFindings)
		w.lit("</p>")
	}
	w.lit("\n\n")
	for _, t := range v.Texts {
		w.h2(t.Title)
		w.lit(`<div class="text">`)
		w.text(t.Text)
		w.lit("</div>\n")
	}
	w.lit("\n")
}

func (w pageWriter) portfolioBody(p *page, v *PortfolioView) {
	w.lit("\n<h1>")
	w.text(v.Title)
	w.lit("</h1>\n<p class=\"sub\">")
	w.text(p.Generated)
	w.lit("</p>\n")
	w.facts(v.Facts, ` class="num"`)
	w.lit("\n\n")
	w.h2(p.T.Counts)
	w.lit(`<div class="grid">`)
	for _, c := range v.Counts {
		w.lit("<div><h3>")
		w.text(c.Title)
		w.lit("</h3>\n<table>")
		w.rows(c.Rows, "<tr><td>", `</td><td class="num">`)
		w.lit("</table></div>")
	}
	w.lit("</div>\n\n")
	for i, c := range []*Chart{&v.ByAxis, &v.ByRegion, &v.Rates} {
		if i > 0 {
			w.lit("\n")
		}
		w.h2(c.Title)
		w.chart(c)
	}
	w.lit("\n")
	if v.HasScores {
		w.h2(v.MeanScores.Title)
		w.chart(&v.MeanScores)
	}
	w.lit("\n\n")
	w.h2(p.T.TopFindings)
	if len(v.TopRules) > 0 {
		w.lit("<table>")
		w.rows(v.TopRules, "<tr><td><code>", "</code></td><td>")
		w.lit("</table>")
	} else {
		w.lit("<p>")
		w.text(p.T.NoFindings)
		w.lit("</p>")
	}
	w.lit("\n\n")
	w.h2(p.T.Projects)
	w.lit("<div class=\"scroll\"><table id=\"projects\">\n<thead><tr>\n")
	for i, h := range []string{p.T.Code, p.T.Name, p.T.Applicant, p.T.Period, p.T.Granted, p.T.Realised, p.T.Planned, p.T.ErrorsWarnings} {
		if i < 4 {
			w.lit(`<th class="sortable" data-type="text">`)
		} else {
			w.lit(`<th class="sortable num" data-type="number">`)
		}
		w.text(h)
		w.lit("</th>\n")
	}
	w.lit("</tr></thead>\n<tbody>")
	for _, r := range v.Projects {
		w.lit("<tr>\n")
		for _, c := range [...]struct{ class, key, val string }{
			{"", r.Code, r.Code}, {"", r.NameKey, r.Name}, {"", r.ApplicantKey, r.Applicant}, {"", r.StartKey, r.Period},
			{` class="num"`, r.GrantedKey, r.Granted}, {` class="num"`, r.RealisedKey, r.Realised},
			{` class="num"`, r.PlannedKey, r.Planned}, {` class="num"`, r.FindingsKey, r.Findings},
		} {
			w.lit("<td", c.class, ` data-key="`)
			w.text(c.key)
			w.lit(`">`)
			w.text(c.val)
			w.lit("</td>\n")
		}
		w.lit("</tr>")
	}
	w.lit("</tbody>\n</table></div>\n")
	if len(v.Unreadable) > 0 {
		w.h2(p.T.Unreadable)
		w.lit("<table>")
		w.rows(v.Unreadable, "<tr><td>", "</td><td>")
		w.lit("</table>")
	}
	// The script is asectl's own (sort.js), allowed by its hash.
	w.lit("\n<script>", p.Script, "</script>\n")
}

// chart writes a chart's wide drawing and its compact one in a box.
func (w pageWriter) chart(c *Chart) {
	w.lit(`<div class="chart-box">`)
	w.svg(c)
	if c.Compact != nil {
		w.svg(c.Compact)
	}
	w.lit("</div>")
}

func (w pageWriter) svg(c *Chart) {
	w.lit(`<svg class="chart `)
	w.text(c.Form)
	w.lit(`" viewBox="0 0 `)
	w.num(c.Width)
	w.lit(" ")
	w.num(c.Height)
	w.lit(`" role="img" aria-label="`)
	w.text(c.Title)
	w.lit("\" xmlns=\"http://www.w3.org/2000/svg\">\n<desc>")
	w.text(c.Desc)
	w.lit("</desc>\n")
	if s := c.Span; s != nil {
		w.lit(`<g><rect class="`)
		w.text(s.Class)
		w.rect(s.X, s.Y, s.W, s.H)
		w.lit("></rect><text")
		w.xy(s.LabelX, s.LabelY)
		w.lit(">")
		w.text(s.Label)
		w.lit("</text></g>")
	}
	w.lit("\n")
	for _, l := range c.Legend {
		w.lit(`<g class="legend"><rect class="`)
		w.text(l.Class)
		w.lit(`" x="`)
		w.num(l.X)
		w.lit(`" y="4" width="12" height="12"></rect><text x="`)
		w.num(l.X)
		w.lit(`" dx="16" y="14">`)
		w.text(l.Label)
		w.lit("</text></g>")
	}
	w.lit("\n")
	for _, h := range c.Headings {
		w.lit(`<text class="group" x="4" y="`)
		w.num(h.Y)
		w.lit(`"><title>`)
		w.text(h.Full)
		w.lit("</title>")
		w.text(h.Label)
		w.lit("</text>")
	}
	w.lit("\n")
	for _, b := range c.Bars {
		w.lit("<g>")
		if b.Label != "" {
			w.lit(`<text class="label"`)
			w.xy(b.LabelX, b.LabelY)
			w.lit(` text-anchor="`)
			w.text(b.LabelAnchor)
			w.lit(`">`)
			w.text(b.Label)
			w.lit("</text>")
		}
		w.lit(`<rect class="`)
		w.text(b.Class)
		w.rect(b.X, b.Y, b.W, b.H)
		w.lit("><title>")
		w.text(b.Full)
		w.lit(" ")
		w.text(b.Value)
		w.lit(`</title></rect><text class="value"`)
		w.xy(b.ValueX, b.TextY)
		w.lit(">")
		w.text(b.Value)
		w.lit("</text></g>")
	}
	w.lit("\n")
	for _, m := range c.Marks {
		w.lit(`<g class="`)
		w.text(m.Class)
		w.lit(`"><line x1="`)
		w.num(m.X)
		w.lit(`" x2="`)
		w.num(m.X)
		w.lit(`" y1="`)
		w.num(m.Y1)
		w.lit(`" y2="`)
		w.num(m.Y2)
		w.lit(`"></line><text`)
		w.xy(m.LabelX, m.LabelY)
		w.lit(` text-anchor="`)
		w.text(m.Anchor)
		w.lit(`">`)
		w.text(m.Label)
		w.lit("</text></g>")
	}
	w.lit("\n</svg>")
}

// rect writes `" x="X" y="Y" width="W" height="H"`, closing the class
// attribute before it.
func (w pageWriter) rect(x, y, width, height float64) {
	w.lit(`" x="`)
	w.num(x)
	w.lit(`" y="`)
	w.num(y)
	w.lit(`" width="`)
	w.num(width)
	w.lit(`" height="`)
	w.num(height)
	w.lit(`"`)
}

// xy writes ` x="X" y="Y"`.
func (w pageWriter) xy(x, y float64) {
	w.lit(` x="`)
	w.num(x)
	w.lit(`" y="`)
	w.num(y)
	w.lit(`"`)
}
