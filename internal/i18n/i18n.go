// Package i18n renders asectl's messages in English or Finnish through
// golang.org/x/text/message catalogues. Messages are kept as an English
// format and arguments (parser.Message) until they are printed, so the
// catalogue is keyed by the English format. Rule IDs, severities, JSON keys
// and the FILE:LINE:COL layout never change with the language.
package i18n

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"

	"github.com/asectl/asectl/parser"
)

// languages are the supported message languages (see Languages).
var languages = []string{"en", "fi"}

// Languages returns the supported message languages, a fresh slice the
// caller may change.
func Languages() []string { return slices.Clone(languages) }

var (
	once sync.Once
	cat  *catalog.Builder
)

func build() {
	cat = catalog.NewBuilder(catalog.Fallback(language.English))
	for en, fi := range finnish {
		mustSet(cat.SetString(language.Finnish, en, fi))
	}
	for en, fi := range uiFinnish {
		mustSet(cat.SetString(language.Finnish, en, fi))
	}
	for _, c := range []struct {
		key          string
		en1, en, fi1 string
		fi           string
	}{
		{"%d files", "%d file", "%d files", "%d tiedosto", "%d tiedostoa"},
		{"%d errors", "%d error", "%d errors", "%d virhe", "%d virhettä"},
		{"%d warnings", "%d warning", "%d warnings", "%d varoitus", "%d varoitusta"},
		{"%d unreadable", "%d unreadable", "%d unreadable", "%d lukukelvoton", "%d lukukelvotonta"},
		{"%d findings", "%d finding", "%d findings", "%d havainto", "%d havaintoa"},
		{"%d descriptions", "%d description", "%d descriptions", "%d kuvaus", "%d kuvausta"},
		{"%d list rows", "%d list row", "%d list rows", "%d listarivi", "%d listariviä"},
		// Finnish takes the singular inessive after any numeral.
		{"in %d files", "in %d file", "in %d files", "%d tiedostossa", "%d tiedostossa"},
		// report: findings past its cap (report.MaxShownFindings).
		{"… %d more findings not shown: asectl validate lists them all",
			"… %d more finding not shown: asectl validate lists them all",
			"… %d more findings not shown: asectl validate lists them all",
			"… %d havainto lisää ei näy tässä: asectl validate luettelee kaikki",
			"… %d havaintoa lisää ei näy tässä: asectl validate luettelee kaikki"},
		// report: names past its cap (a cell of municipalities), and a
		// Markdown page's free text cut short. Finnish: "1 muu", "2 muuta".
		{"… %d more", "… %d more", "… %d more", "… %d muu", "… %d muuta"},
		{"… %d more characters: the HTML report has the whole text",
			"… %d more character: the HTML report has the whole text",
			"… %d more characters: the HTML report has the whole text",
			"… %d merkki lisää: HTML-raportissa on koko teksti",
			"… %d merkkiä lisää: HTML-raportissa on koko teksti"},
	} {
		mustSet(cat.Set(language.English, c.key, plural.Selectf(1, "%d", "=1", c.en1, "other", c.en)))
		mustSet(cat.Set(language.Finnish, c.key, plural.Selectf(1, "%d", "=1", c.fi1, "other", c.fi)))
	}
}

func mustSet(err error) {
	if err != nil {
		panic("i18n catalogue: " + err.Error())
	}
}

// FromEnv picks the language from LC_ALL, LC_MESSAGES or LANG, the way
// POSIX tools do: "fi_FI.UTF-8" is Finnish, anything else English.
func FromEnv(getenv func(string) string) string {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if s := getenv(v); s != "" {
			if strings.HasPrefix(strings.ToLower(s), "fi") {
				return "fi"
			}
			return "en"
		}
	}
	return "en"
}

// Valid reports whether lang is supported.
func Valid(lang string) bool { return lang == "en" || lang == "fi" }

// Localizer renders messages in one language. A nil *Localizer, or one
// whose Lang is not "fi", renders English. New makes one; a literal
// (&Localizer{Lang: "fi"}) works too.
type Localizer struct {
	Lang string
	p    *message.Printer
}

// printer is New's printer, or for a Localizer made as a literal (no
// printer) one made now for its Lang.
func (l *Localizer) printer() *message.Printer {
	if l == nil {
		return New("en").p
	}
	if l.p == nil {
		return New(l.Lang).p
	}
	return l.p
}

// New returns a localizer for "en" or "fi".
func New(lang string) *Localizer {
	once.Do(build)
	tag := language.English
	if lang == "fi" {
		tag = language.Finnish
	} else {
		lang = "en"
	}
	return &Localizer{Lang: lang, p: message.NewPrinter(tag, message.Catalog(cat))}
}

// Message renders a message, translating argument phrases too.
func (l *Localizer) Message(m parser.Message) string {
	if l == nil || l.Lang != "fi" {
		return m.String()
	}
	args := make([]any, len(m.Args))
	for i, a := range m.Args {
		switch v := a.(type) {
		case parser.Message:
			args[i] = l.Message(v)
		case string:
			if t, ok := terms[v]; ok {
				args[i] = t
			} else if t, ok := fieldNames[v]; ok {
				args[i] = t // a required field's name (fields_gen.go)
			} else {
				args[i] = v
			}
		case fmt.Stringer:
			// Amounts and dates carry their own formatting.
			args[i] = v.String()
		default:
			args[i] = v
		}
	}
	return l.printer().Sprintf(m.Format, args...)
}

// Sprintf renders one of the command line's own texts.
func (l *Localizer) Sprintf(format string, args ...any) string {
	if l == nil {
		return fmt.Sprintf(format, args...)
	}
	return l.printer().Sprintf(format, args...)
}

// T translates one of the program's fixed texts (no verbs).
func (l *Localizer) T(s string) string {
	if l == nil {
		return s
	}
	return l.printer().Sprintf(message.Key(s, s))
}

// Summary renders "N files, E errors, W warnings".
func (l *Localizer) Summary(files, errors, warnings int) string {
	p := l.printer()
	return p.Sprintf("%d files", files) + ", " + p.Sprintf("%d errors", errors) + ", " + p.Sprintf("%d warnings", warnings)
}
