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

	"github.com/asectl/asectl/model"
	"github.com/asectl/asectl/parser"
)

// Render writes the canonical text of d, ending with a newline.
func Render(d *model.Description) []byte {
	lang := parser.LanguageByCode(d.Language)
	if lang == nil {
		lang = parser.LanguageByCode("fi")
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
	if r.has("1") {
		p := d.Project
		r.heading("1")
		r.field("1", "project.code", text(p.Code))
		r.field("1", "project.name", text(p.Name))
		r.field("1", "project.priority_axis", numbered(p.PriorityAxis))
		r.field("1", "project.specific_objective", numbered(p.SpecificObjective))
		r.field("1", "project.period", r.period())
		r.field("1", "project.status", text(p.Status))
		r.field("1", "project.authority", text(p.Authority))
	}
	if r.has("2") {
		a := d.Applicant
		r.heading("2")
		for _, f := range []struct {
			path string
			v    model.Text
		}{
			{"applicant.name", a.Name}, {"applicant.organisation_type", a.OrganisationType},
			{"applicant.business_id", a.BusinessID}, {"applicant.address.street", a.Address.Street},
			{"applicant.phone", a.Phone}, {"applicant.address.postal_code", a.Address.PostalCode},
			{"applicant.address.city", a.Address.City}, {"applicant.website", a.Website},
			{"applicant.contact.name", a.Contact.Name}, {"applicant.contact.title", a.Contact.Title},
		} {
			r.field("2", f.path, text(f.v))
		}
		email := a.Contact.Email.Raw
		if a.Contact.Email.Valid {
			email = strings.ReplaceAll(a.Contact.Email.Value, "@", "(at)")
		}
		r.field("2", "applicant.contact.email", email)
		r.field("2", "applicant.contact.phone", text(a.Contact.Phone))
		r.field("2", "applicant.applicants", text(a.Applicants))
		// The reference layout always has the co-implementers heading, even
		// over an empty list; transfer recipients only when there are some.
		r.orgs("applicant.co_implementers", a.CoImplementers, true)
		r.orgs("applicant.transfer_recipients", a.TransferRecipients, false)
	}
	r.freeText("3", d.Summary)
	if r.has("4") {
		r.heading("4")
		r.freeText("4.1", d.TargetGroups.Primary)
		r.freeText("4.2", d.TargetGroups.Indirect)
		r.otherSections("4")
	}
	if r.has("5") {
		f := d.Funding
		r.heading("5")
		r.field("5", "funding.eu_state_granted", amount(f.EUStateGranted))
		r.field("5", "funding.eu_state_realised", amount(f.EUStateRealised))
		r.field("5", "funding.public_planned", amount(f.PublicPlanned))
		r.field("5", "funding.public_realised", amount(f.PublicRealised))
	}
	if r.has("6") {
		ar := d.Area
		r.heading("6")
		r.field("6", "area.regions", names(ar.Regions))
		r.field("6", "area.sub_regions", names(ar.SubRegions))
		r.field("6", "area.municipalities", names(ar.Municipalities))
		if len(lang.SiteHeading) > 0 {
			r.para(lang.SiteHeading[0])
		}
		r.field("6", "area.site.street", text(ar.Site.Street))
		r.field("6", "area.site.postal_code", text(ar.Site.PostalCode))
		r.field("6", "area.site.city", text(ar.Site.City))
	}
	if r.has("7") {
		r.heading("7")
		r.indicator("7.1", "indicators.new_jobs", d.Indicators.NewJobs)
		r.indicator("7.2", "indicators.new_companies", d.Indicators.NewCompanies)
		for _, o := range d.Indicators.Other {
			r.para(strings.TrimSuffix(text(o.Number)+" "+text(o.Title), " ")) // a bare "7.3" stays bare
			r.figures("7.1", "indicators.new_jobs", r.lang.WomenOther, o.Planned, o.Realised)
		}
	}
	if r.has("8") {
		r.heading("8")
		if r.has("8.1") {
			r.gender()
		}
		if r.has("8.2") {
			r.scores()
		}
		r.otherSections("8")
	}
	r.freeText("9", d.FinalReport)
	// One newline at the end, not a blank line.
	out := bytes.TrimRight(r.buf.Bytes(), "\n")
	r.buf.Truncate(len(out))
	r.buf.WriteByte('\n')
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

func (r *renderer) period() string {
	per := r.d.Project.Period
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

func (r *renderer) freeText(num string, t model.Text) {
	if !r.has(num) {
		return
	}
	r.heading(num)
	if t.Valid {
		r.para(t.Value)
	}
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

func (r *renderer) indicator(num, path string, ind model.Indicator) {
	if !r.has(num) {
		return
	}
	r.heading(num)
	r.figures(num, path, r.lang.Women[num], ind.Planned, ind.Realised)
}

// figures writes an indicator's planned and realised lines with the labels
// of section num and phrase before the women's part.
func (r *renderer) figures(num, path, phrase string, planned, realised model.Figure) {
	for _, x := range []struct {
		sub      string
		fig      model.Figure
		realised bool
	}{{"planned", planned, false}, {"realised", realised, true}} {
		total, women := count(x.fig.Total, x.realised), count(x.fig.Women, x.realised)
		v := total
		if women != "" {
			v = total + ", " + phrase + " " + women
		}
		r.field(num, path+"."+x.sub, v)
	}
}

func (r *renderer) gender() {
	r.heading("8.1")
	ge := r.d.Horizontal.GenderEquality
	for _, q := range []struct {
		path string
		a    model.Answer
	}{
		{"horizontal.gender_equality.context_analysis", ge.ContextAnalysis},
		{"horizontal.gender_equality.mainstreamed", ge.Mainstreamed},
		{"horizontal.gender_equality.main_goal", ge.MainGoal},
	} {
		if !q.a.Answer.Present && !q.a.Justification.Valid {
			continue
		}
		answer := q.a.Answer.Raw
		if q.a.Answer.Valid {
			answer = r.lang.AnswerText(q.a.Answer.Value)
		}
		label := r.lang.FieldLabel("8.1", q.path)
		if answer == "" {
			r.buf.WriteString(label + ":\n")
		} else {
			r.buf.WriteString(label + ": " + answer + "\n")
		}
		if q.a.Justification.Valid {
			r.buf.WriteString(q.a.Justification.Value + "\n")
		}
	}
	r.buf.WriteByte('\n')
}

func (r *renderer) scores() {
	r.heading("8.2")
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
