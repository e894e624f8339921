package validate

import (
	"fmt"
	"strings"

	"github.com/asectl/asectl/model"
	"github.com/asectl/asectl/parser"
)

// topSections are the numbers of the top-level sections, subSections each
// one's subsections, in document order: from the parser's one table of
// sections.
var topSections, subSections = func() (top []string, sub map[string][]string) {
	sub = map[string][]string{}
	for _, s := range parser.Sections() {
		if p := s.Parent(); p != 0 {
			sub[p.String()] = append(sub[p.String()], s.String())
		} else {
			top = append(top, s.String())
		}
	}
	return top, sub
}()

// sectionRequired says whether a section must be there: the final report
// (9) only once the project has ended.
func sectionRequired(d *model.Description, num string) bool {
	switch num {
	case "9":
		// Not for an interrupted project: whether it reports is not known.
		return d.Project.State.Valid && d.Project.State.Value == model.StateEnded
	case "7.1", "7.2":
		// New jobs and companies are EAKR indicators; an ESF page lists its
		// own (indicators.other).
		return !(d.Fund.Valid && d.Fund.Value == model.FundESF)
	}
	return true
}

// where returns the position of a section's heading, or of the next section
// that is present, or the end of the text: where the missing thing belongs.
func where(d *model.Description, num string) model.Pos {
	if s, ok := d.Sections[num]; ok {
		return s.Pos
	}
	after := false
	for _, s := range parser.Sections() {
		n := s.String()
		if n == num {
			after = true
			continue
		}
		if s, ok := d.Sections[n]; ok && after {
			return s.Pos
		}
	}
	return d.End
}

var ruleMissingSection = &Rule{
	ID: "missing-section", Severity: Error,
	Doc: "a section 1–9 (or a subsection) that should be there is absent",
	Explain: `Every description has sections 1–8, with subsections 4.1, 4.2, 7.1, 7.2, 8.1 and
8.2; section 9 (the final report's summary) once the project has ended. An ESF (ESR) page
need not have 7.1 and 7.2 (new jobs, new companies): it lists indicators of its own. A copy that
lost its headings but kept the content counts as complete.

When the text simply stops (a page copy cut short), the missing trailing sections are
reported once, at the end of the text.

Example: a page that ends inside section 3 gives
  A72213.txt:57:412: error: sections 4–9 are missing: the text ends in section 3 [missing-section]`,
	Run: func(p *Pass) {
		d := p.Doc
		var missing []string
		for _, n := range topSections {
			if sectionRequired(d, n) && !d.Sections.Has(n) {
				missing = append(missing, n)
			}
		}
		// A trailing run of missing sections means the text stopped early.
		last := ""
		for _, s := range parser.Sections() {
			if d.Sections.Has(s.String()) {
				last = s.String()
			}
		}
		trail := 0
		for i := len(missing) - 1; i >= 0; i-- {
			if !sectionAfter(missing[i], last) {
				break
			}
			trail++
		}
		switch {
		case trail >= 2 && last == "":
			// No section at all: a parse JSON that lost "parse.sections".
			run := missing[len(missing)-trail:]
			p.Report(d.End, "", "sections %s–%s are missing: the description has no section", run[0], run[len(run)-1])
			missing = missing[:len(missing)-trail]
		case trail >= 2:
			run := missing[len(missing)-trail:]
			p.Report(d.End, "", "sections %s–%s are missing: the text ends in section %s (is the copy cut short?)",
				run[0], run[len(run)-1], last)
			missing = missing[:len(missing)-trail]
		}
		for _, n := range missing {
			p.Report(where(d, n), "", "section %s is missing", n)
		}
		for _, parent := range topSections {
			if len(subSections[parent]) == 0 || !d.Sections.Has(parent) {
				continue
			}
			for _, sub := range subSections[parent] {
				if !d.Sections.Has(sub) && sectionRequired(d, sub) {
					p.Report(where(d, sub), "", "section %s is missing", sub)
				}
			}
		}
	},
}

// sectionAfter reports whether section a comes after b in document order
// (an unknown number comes first).
func sectionAfter(a, b string) bool { return parser.SectionOf(a) > parser.SectionOf(b) }

// requiredFields are the rows of the field table with a Required name.
var requiredFields = func() (out []model.FieldDef) {
	for _, id := range model.Fields() {
		if f := id.Def(); f.Required != "" {
			out = append(out, f)
		}
	}
	return out
}()

// missingFieldExplain lists the required fields from the table, so that
// `asectl rules missing-field` names a field added there.
func missingFieldExplain() string {
	var b strings.Builder
	b.WriteString("Required:")
	for i, f := range requiredFields {
		last := i+1 == len(requiredFields) || requiredFields[i+1].Section != f.Section
		switch {
		case i == 0:
		case requiredFields[i-1].Section != f.Section:
			b.WriteString(";")
		case last:
			b.WriteString(" and")
		default:
			b.WriteString(",")
		}
		b.WriteString(" " + f.Required)
		if last {
			b.WriteString(" (section " + f.Section.String() + ")")
		}
	}
	b.WriteString(". A field is only required when its section is there: a missing section is reported once by missing-section.")
	return wrap(b.String(), 90) + "\n\nExample:\n  Hankekoodi:      <- missing-field (empty)"
}

// wrap breaks text into lines of at most width bytes between words.
func wrap(text string, width int) string {
	var b strings.Builder
	n := 0
	for i, w := range strings.Fields(text) {
		if i > 0 && n+1+len(w) > width {
			b.WriteByte('\n')
			n = 0
		} else if i > 0 {
			b.WriteByte(' ')
			n++
		}
		b.WriteString(w)
		n += len(w)
	}
	return b.String()
}

// required is what the missing-field rule sees of a required field of any
// kind: Present (the label was there), Valid (a value was read) and where.
func required(v any) model.Text {
	switch v := v.(type) {
	case *model.Text:
		return *v
	case *model.Numbered:
		return orNumber(*v)
	case *model.Period:
		return periodText(*v)
	case *model.Field[model.Fixed2]:
		return model.Text{Present: v.Present, Valid: v.Valid, Pos: v.Pos}
	case *model.Figure:
		return model.Text{Present: v.Total.Present, Valid: v.Total.Valid, Pos: v.Total.Pos}
	case *model.Answer:
		return model.Text{Present: v.Answer.Present, Valid: v.Answer.Valid, Pos: v.Answer.Pos}
	case *[]model.Text:
		// A list is there when it names something.
		t := model.Text{Present: len(*v) > 0, Valid: len(*v) > 0}
		if t.Valid {
			t.Pos = (*v)[0].Pos
		}
		return t
	}
	panic(fmt.Sprintf("validate: a required field of type %T", v)) // a defect of the field table; TestRequiredKinds
}

// orNumber treats a numbered value as present if either part was read.
func orNumber(n model.Numbered) model.Text {
	t := n.Number
	if !t.Valid && n.Name.Valid {
		t = n.Name
	}
	if !t.Present {
		t.Present = n.Name.Present
		t.Pos = n.Pos
	}
	return t
}

func periodText(per model.Period) model.Text {
	t := model.Text{Present: per.Start.Present || per.End.Present, Pos: per.Pos}
	// An unreadable period is an invalid-date finding, not a missing one.
	t.Valid = per.Start.Valid || per.End.Valid || per.Start.Raw != ""
	return t
}

var ruleMissingField = &Rule{
	ID: "missing-field", Severity: Error,
	Doc:     "a required field is absent or empty",
	Explain: missingFieldExplain(),
	Run: func(p *Pass) {
		d := p.Doc
		for i := range requiredFields {
			f := &requiredFields[i]
			sec := f.Section.String()
			if !d.Sections.Has(sec) {
				continue
			}
			v := required(f.Get(d))
			switch {
			case v.Valid:
			case v.Present:
				p.Report(v.Pos, f.Path, "the %s is empty", f.Required)
			default:
				p.Report(where(d, sec), f.Path, "the %s is missing from section %s", f.Required, sec)
			}
		}
	},
}

// quote shows a value in a message.
func quote(s string) string { return fmt.Sprintf("%q", s) }

// oneOf joins alternatives for messages.
func oneOf(xs []string) string { return strings.Join(xs, ", ") }
