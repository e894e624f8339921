// Package report renders the pages of the command asectl report, which
// people read: a one-page summary of one description, or a portfolio of
// many, as a self-contained HTML page
// (inline CSS, inline SVG charts drawn here, no external requests) or as
// GitHub-flavoured Markdown. Every value of the HTML page is escaped as
// html/template would (html.go), so whatever a description holds stays
// text.
package report

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/asectl/asectl/internal/i18n"
	"github.com/asectl/asectl/model"
	"github.com/asectl/asectl/programme"
	"github.com/asectl/asectl/validate"
)

// Item is one input of a report.
type Item struct {
	Source string
	Doc    *model.Description // nil when the input could not be read
	Error  string
	// Findings are the description's findings in Check's order: all of
	// them when Counts is nil, else the first of them only (AddFindings
	// keeps at most MaxShownFindings). A page shows at most
	// MaxShownFindings either way.
	Findings []validate.Finding
	// Counts, when not nil, count every finding of the description,
	// Findings holding only the first; nil means Findings are all.
	Counts *Counts
}

// Counts are a description's findings counted, by severity and by rule.
type Counts struct {
	Total, Errors, Warnings int
	ByRule                  map[string]int // rule ID → findings
}

// MaxShownFindings is the most findings a page lists for one description.
// A page is for people, and no one reads further; a description can give
// 900,000 findings (a list of unknown municipalities), which listed would
// make a 190 MB page and hold about 170 bytes a finding until it is
// written. The page says how many it left out, and that asectl validate
// lists them all; every count on the page (errors, warnings, the most
// frequent findings, a portfolio's table) is still over all of them.
const MaxShownFindings = 1000

// AddFindings counts fs in and keeps them while fewer than
// MaxShownFindings are kept; with it as validate.Stream.Each's yield an
// item holds at most MaxShownFindings findings however many a description
// has. fs is copied (Each reuses it). Findings already in the item when it
// is first called are counted first. The error is always nil.
func (it *Item) AddFindings(fs []validate.Finding) error {
	if it.Counts == nil {
		c := countFindings(it.Findings)
		it.Counts = &c
		if len(it.Findings) > MaxShownFindings {
			it.Findings = slices.Clip(it.Findings[:MaxShownFindings])
		}
	}
	it.Counts.add(fs)
	if n := MaxShownFindings - len(it.Findings); n > 0 {
		it.Findings = append(it.Findings, fs[:min(n, len(fs))]...)
	}
	return nil
}

// counts are the item's findings counted: Counts, or Findings counted.
func (it *Item) counts() Counts {
	if it.Counts != nil {
		return *it.Counts
	}
	return countFindings(it.Findings)
}

// shown are the findings a page lists: the first MaxShownFindings.
func (it *Item) shown() []validate.Finding {
	return it.Findings[:min(len(it.Findings), MaxShownFindings)]
}

func countFindings(fs []validate.Finding) Counts {
	c := Counts{ByRule: map[string]int{}}
	c.add(fs)
	return c
}

func (c *Counts) add(fs []validate.Finding) {
	if c.ByRule == nil {
		c.ByRule = map[string]int{}
	}
	for _, f := range fs {
		c.Total++
		switch f.Severity {
		case validate.Error:
			c.Errors++
		case validate.Warning:
			c.Warnings++
		}
		c.ByRule[f.Rule]++
	}
}

// Options are the report's settings.
type Options struct {
	Lang    string     // "fi" or "en"
	Today   model.Date // the reference date of the timeline
	Version string     // asectl's version, in the footer
}

// locale formats numbers, dates and names for one language.
type locale struct {
	lang string
	p    *message.Printer
	l    *i18n.Localizer
	col  *collate.Collator
}

func newLocale(lang string) *locale {
	tag := language.English
	if lang == "fi" {
		tag = language.Finnish
	} else {
		lang = "en"
	}
	return &locale{lang: lang, p: message.NewPrinter(tag), l: i18n.New(lang), col: collate.New(tag)}
}

// T translates one of the report's own texts.
func (lc *locale) T(s string) string { return lc.l.T(s) }

// number writes a count with the language's digit grouping: "1,234" (en),
// "1 234" with U+00A0 (fi), as the findings' totals are.
func (lc *locale) number(n int) string { return lc.p.Sprintf("%d", n) }

// euros formats an amount in whole euros: "1 551 280 €" (fi), "€1,551,280" (en).
func (lc *locale) euros(x model.Fixed2) string {
	whole := (int64(x) + 50) / 100
	if int64(x) < 0 {
		whole = (int64(x) - 50) / 100
	}
	if lc.lang == "fi" {
		return lc.p.Sprintf("%d", whole) + "\u00a0€"
	}
	return "€" + lc.p.Sprintf("%d", whole)
}

func (lc *locale) amount(f model.Field[model.Fixed2]) string {
	if !f.Valid {
		return "–"
	}
	return lc.euros(f.Value)
}

func (lc *locale) count(f model.Field[model.Fixed2]) string {
	if !f.Valid {
		return "–"
	}
	if f.Value.Whole() {
		return lc.p.Sprintf("%d", int64(f.Value)/100)
	}
	return lc.p.Sprintf("%.2f", float64(f.Value)/100)
}

// percent formats a share like "95,5 %" (fi) or "95.5%" (en).
func (lc *locale) percent(num, den model.Fixed2) string {
	if den <= 0 {
		return "–"
	}
	// Tenths of a percent, rounded, in integers.
	tenths := (int64(num)*1000 + int64(den)/2) / int64(den)
	s := fmt.Sprintf("%d.%d", tenths/10, tenths%10)
	if lc.lang == "fi" {
		return strings.Replace(s, ".", ",", 1) + "\u00a0%"
	}
	return s + "%"
}

var monthsEN = [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// date formats "13.2.2016" (fi) or "13 Feb 2016" (en).
func (lc *locale) date(d model.Date) string {
	if lc.lang == "fi" {
		return d.Finnish()
	}
	return fmt.Sprintf("%d %s %d", d.Day, monthsEN[d.Month-time.January], d.Year)
}

func (lc *locale) dateField(f model.Field[model.Date]) string {
	if !f.Valid {
		return "–"
	}
	return lc.date(f.Value)
}

// sortNames sorts in the language's alphabetical order (Å, Ä, Ö after Z
// in Finnish).
func (lc *locale) sortNames(names []string) {
	lc.col.SortStrings(names)
}

func text(t model.Text) string {
	if !t.Valid {
		return "–"
	}
	return t.Value
}

// counts tallies labels and returns them most frequent first, then in
// alphabetical order.
type tally struct {
	Label string
	N     int
	Sum   model.Fixed2
}

func sortTallies(lc *locale, m map[string]*tally, bySum bool) []*tally {
	out := make([]*tally, 0, len(m))
	for _, t := range m {
		out = append(out, t)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if bySum && a.Sum != b.Sum {
			return a.Sum > b.Sum
		}
		if a.N != b.N {
			return a.N > b.N
		}
		return lc.col.CompareString(a.Label, b.Label) < 0
	})
	return out
}

// axisLabel is "2. Uusimman tiedon …" or the printed number.
func axisLabel(d *model.Description, lang string) string {
	n := d.Project.PriorityAxis.Number
	if !n.Valid {
		return "–"
	}
	if a := embeddedProgramme().Axis(n.Value); a != nil {
		if name := a.Names[lang]; name != "" {
			return n.Value + ". " + name
		}
		if name := a.Names["fi"]; name != "" {
			return n.Value + ". " + name
		}
	}
	return n.Value
}

// embeddedProgramme is the programme the pages name axes from, read once.
var embeddedProgramme = sync.OnceValue(programme.Get)
