// Package format renders a description back to the canonical text: the
// layout of the reference description (banner, header, numbered headings,
// one "Label: value" per line with a blank line between), in the
// description's own language.
//
// The promise is a round trip: parsing the canonical text gives the same
// JSON as parsing the original. A value the parser could not read is
// written back as it was printed, so that it stays unreadable, not silently
// repaired.
package format

import (
	"bytes"
	"fmt"
	"strings"
	"sync"

	"github.com/asectl/asectl/model"
	"github.com/asectl/asectl/parser"
)

// languages is format's own copy of the built-in label tables, Finnish
// first, taken once (a copy costs some 20 µs, too much for each
// description).
var languages = sync.OnceValue(parser.Languages)

// Render writes the canonical text of d, ending with a newline.
func Render(d *model.Description) []byte {
	langs := languages()
	lang := langs[0] // Finnish, for a description in no language the tables know
	for _, l := range langs {
		if l.Code == d.Language {
			lang = l
		}
	}
	r := &renderer{lang: lang, d: d}
	r.render()
	return r.buf.Bytes()
}

type renderer struct {
	buf  bytes.Buffer
	lang *parser.Language
	d    *model.Description
}

// para writes a line followed by a blank line.
func (r *renderer) para(s string) {
	r.buf.WriteString(s)
	r.buf.WriteString("\n\n")
}

func (r *renderer) heading(num string) { r.para(num + " " + r.lang.HeadingText(num)) }

// field writes "Label: value", or "Label:" for an empty value.
func (r *renderer) field(section, path, value string) {
	label := r.lang.FieldLabel(section, path)
	if value == "" {
		r.para(label + ":")
		return
	}
	r.para(label + ": " + value)
}

// text is a value as the canonical form prints it: the value, or what
// was printed when it could not be read.
func text(t model.Text) string {
	if t.Valid {
		return t.Value
	}
	return t.Raw
}

// fields writes the fields of section num from the field table, in its
// order, each in its kind's printed form.
func (r *renderer) fields(num string) {
	sec := model.SectionOf(num)
	site := false
	for _, id := range model.Fields() {
		f := id.Def()
		if f.Section != sec {
			continue
		}
		if strings.HasPrefix(f.Path, "area.site.") && !site {
			// The site's address stands under a heading of its own.
			site = true
			if len(r.lang.SiteHeading) > 0 {
				r.para(r.lang.SiteHeading[0])
			}
		}
		switch v := f.Get(r.d); f.Kind {
		case model.KindText, model.KindStatus:
			r.field(num, f.Path, text(*v.(*model.Text)))
		case model.KindEmail:
			t := v.(*model.Text)
			email := t.Raw
			if t.Valid {
				email = strings.ReplaceAll(t.Value, "@", "(at)")
			}
			r.field(num, f.Path, email)
		case model.KindNumbered:
			r.field(num, f.Path, numbered(*v.(*model.Numbered)))
		case model.KindPeriod:
			r.field(num, f.Path, r.period(*v.(*model.Period)))
		case model.KindAmount:
			r.field(num, f.Path, amount(*v.(*model.Field[model.Fixed2])))
		case model.KindNames:
			r.field(num, f.Path, names(*v.(*[]model.Text)))
		case model.KindFigure:
			// Planned as a whole number, realised with two decimals.
			realised := strings.HasSuffix(f.Path, ".realised")
			r.field(num, f.Path, figure(*v.(*model.Figure), r.lang.Women[num], realised))
		case model.KindAnswer:
			r.answer(f.Path, *v.(*model.Answer))
		case model.KindOther:
			switch v := v.(type) {
			case *[]model.Organisation:
				// The reference layout always has the co-implementers
				// heading, even over an empty list; transfer recipients only
				// when there are some.
				r.orgs(f.Path, *v, f.Path == "applicant.co_implementers")
			case *[]model.OtherIndicator:
				for _, o := range *v {
					r.para(strings.TrimSuffix(text(o.Number)+" "+text(o.Title), " ")) // a bare "7.3" stays bare
					r.figures("7.1", "indicators.new_jobs", r.lang.WomenOther, o.Planned, o.Realised)
				}
			}
		}
	}
}

// has reports whether a section is in the description, or must be written
// because it holds values (a copy whose headings were lost).
func (r *renderer) has(num string) bool { return r.d.Sections.Has(num) }

func (r *renderer) render() {
	d, lang := r.d, r.lang
	if lang.Print.Banner != "" {
		r.para(lang.Print.Banner)
	}
	if d.Fund.Valid {
		if h := lang.HeaderLine(d.Fund.Value); h != "" {
			r.para(h)
		}
	}
	for _, s := range model.KnownSections() {
		if s.Parent() == 0 {
			r.section(s)
		}
	}
	// One newline at the end, not a blank line.
	out := bytes.TrimRight(r.buf.Bytes(), "\n")
	r.buf.Truncate(len(out))
	r.buf.WriteByte('\n')
}

// section writes a section that is there, by its kind: its heading, then
// its fields, text, table or subsections.
func (r *renderer) section(s model.Section) {
	num := s.String()
	if !r.has(num) {
		return
	}
	r.heading(num)
	switch s.Kind() {
	case model.SectionFields:
		r.fields(num)
	case model.SectionQuestions:
		r.fields(num)
		r.buf.WriteByte('\n')
	case model.SectionScores:
		r.scores()
	case model.SectionText:
		if t := s.TextField().In(r.d).(*model.Text); t.Valid {
			r.para(t.Value)
		}
	case model.SectionContainer:
		for _, sub := range model.KnownSections() {
			if sub.Parent() == s {
				r.section(sub)
			}
		}
		// After the known subsections: the section's own lists (7's other
		// indicators), then the subsections the tables do not know.
		r.fields(num)
		r.otherSections(num)
	}
}

func numbered(n model.Numbered) string {
	switch {
	case n.Number.Valid && n.Name.Valid:
		return n.Number.Value + ". " + n.Name.Value
	case n.Number.Valid:
		return n.Number.Value + "."
	case n.Number.Raw != "":
		return n.Number.Raw
	}
	return text(n.Name)
}

func (r *renderer) period(per model.Period) string {
	date := func(f model.Field[model.Date]) string {
		if f.Valid {
			return f.Value.Finnish()
		}
		return f.Raw
	}
	start, end := date(per.Start), date(per.End)
	pw := r.lang.Period
	switch {
	case start == "" && end == "":
		return ""
	case !per.Start.Valid && per.Start.Raw != "" && per.Start.Raw == per.End.Raw:
		return per.Start.Raw // an unreadable period line, kept as printed
	case end == "":
		return pw.Start + " " + start
	}
	return fmt.Sprintf("%s %s %s %s %s", pw.Start, start, pw.And, pw.End, end)
}

func (r *renderer) orgs(path string, orgs []model.Organisation, always bool) {
	if len(orgs) == 0 && !always {
		return
	}
	r.buf.WriteString(r.lang.ListHeading(path))
	r.buf.WriteByte('\n')
	for _, o := range orgs {
		r.buf.WriteString(text(o.Name))
		if id := text(o.BusinessID); id != "" {
			r.buf.WriteString(", " + id)
		}
		r.buf.WriteByte('\n')
	}
	r.buf.WriteByte('\n')
}

// amount prints euros the way the pages do: 1 551 280, with a decimal
// comma when there are cents.
func amount(f model.Field[model.Fixed2]) string {
	if !f.Valid {
		return f.Raw
	}
	return f.Value.Grouped()
}

func names(ts []model.Text) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = t.Value
	}
	return strings.Join(parts, ", ")
}

// count prints an indicator figure: planned as a whole number, realised
// with two decimals ("0.00"), as the service does.
func count(f model.Field[model.Fixed2], realised bool) string {
	if !f.Valid {
		return f.Raw
	}
	if !realised && f.Value.Whole() {
		return f.Value.String()
	}
	whole, frac, _ := strings.Cut(f.Value.String(), ".")
	for len(frac) < 2 {
		frac += "0"
	}
	return whole + "." + frac
}

// figures writes an indicator's planned and realised lines with the labels
// of section num and phrase before the women's part.
func (r *renderer) figures(num, path, phrase string, planned, realised model.Figure) {
	r.field(num, path+".planned", figure(planned, phrase, false))
	r.field(num, path+".realised", figure(realised, phrase, true))
}

// figure prints "TOTAL, PHRASE WOMEN", or the total alone.
func figure(f model.Figure, phrase string, realised bool) string {
	total, women := count(f.Total, realised), count(f.Women, realised)
	if women == "" {
		return total
	}
	return total + ", " + phrase + " " + women
}

// answer writes a question of 8.1: "Label: answer" and its justification
// on the next lines, or nothing for a question that is not there.
func (r *renderer) answer(path string, a model.Answer) {
	if !a.Answer.Present && !a.Justification.Valid {
		return
	}
	answer := a.Answer.Raw
	if a.Answer.Valid {
		answer = r.lang.AnswerText(a.Answer.Value)
	}
	label := r.lang.FieldLabel("8.1", path)
	if answer == "" {
		r.buf.WriteString(label + ":\n")
	} else {
		r.buf.WriteString(label + ": " + answer + "\n")
	}
	if a.Justification.Valid {
		r.buf.WriteString(a.Justification.Value + "\n")
	}
}

func (r *renderer) scores() {
	if len(r.lang.ScoreHeader) > 0 {
		r.buf.WriteString(r.lang.ScoreHeader[0] + "\n")
	}
	group := ""
	for _, s := range r.d.Horizontal.Sustainability {
		if s.Group.Valid && s.Group.Value != group {
			group = s.Group.Value
			r.buf.WriteString(group + "\n")
		}
		score := func(f model.Field[int]) string {
			if f.Valid {
				return fmt.Sprint(f.Value)
			}
			return f.Raw
		}
		row := strings.TrimSpace(s.Criterion.Value + " " + score(s.Direct) + " " + score(s.Indirect))
		r.buf.WriteString(row + "\n")
		if s.Justification.Valid {
			r.buf.WriteString(s.Justification.Value + "\n")
		}
	}
	r.buf.WriteByte('\n')
}

// otherSections writes the subsections of section parent that the tables do
// not know, heading and text, after its known ones.
func (r *renderer) otherSections(parent string) {
	for _, o := range r.d.OtherSections {
		num := text(o.Number)
		if !strings.HasPrefix(num, parent+".") {
			continue
		}
		r.para(strings.TrimSuffix(num+" "+text(o.Title), " "))
		if o.Text.Valid {
			r.para(o.Text.Value)
		}
	}
}
