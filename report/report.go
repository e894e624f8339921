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
	Source   string
	Doc      *model.Description // nil when the input could not be read
	Error    string
	Findings []validate.Finding
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
