package model

// The field table: every value of a description, one row each, in the
// canonical layout's order. It drives the parser (which label fills which
// field, and how its value is read), the required-field rule and the
// canonical layout (package format) and the CSV columns (package
// findings). The JSON encoder and the JSON Schema are generated from the
// struct (json_gen.go, schema/parse.schema.json: `go generate ./...`). The
// words of the pages (labels per language) are data in
// parser/lang/*.json, keyed by Path.
//
// Adding a field: a struct field in description.go, a row here, its label
// in every parser/lang/*.json, then `go generate ./...` (and the golden
// files: `go test ./... -update`).

// Kind is how a field's value is read and written.
type Kind uint8

// The kinds of fields. The first ones are read from a "Label: value" line.
const (
	KindOther    Kind = iota // not read from a label line: set by the parser's own code (header, lists, derived values)
	KindText                 // Text: the value as printed
	KindStatus               // Text: the project's status, which also sets project.state
	KindEmail                // Text: an e-mail address, "(at)" turned back into "@"
	KindNumbered             // Numbered: "<n>. <name>"
	KindPeriod               // Period: "Alkaa d.m.yyyy ja päättyy d.m.yyyy"
	KindAmount               // Field[Fixed2]: euros, grouped ("1 551 280,50")
	KindFigure               // Figure: an indicator's total and women's part
	KindNames                // []Text: a comma-separated list of names
	KindAnswer               // Answer: a yes/no question and its justification (section 8.1)
	KindFreeText             // Text: a free-text section's whole text
)

// Labelled reports whether a field of this kind is read from a
// "Label: value" line (and so has a label in every language).
func (k Kind) Labelled() bool { return k >= KindText && k <= KindAnswer }

// FieldDef describes one field.
type FieldDef struct {
	// Path is the field's JSON path ("funding.eu_state_granted").
	Path string
	// Section is the section the field belongs to; 0 for the document's
	// own values (source, error, fund …).
	Section Section
	Kind    Kind
	// Required is the field's name in the missing-field rule's messages
	// (English; internal/i18n translates it), "" for an optional field.
	Required string
	// CSV names the field's columns in `asectl parse --format csv`
	// (package findings), "" for none; two names, comma-separated, for a
	// value of two parts (Numbered: number and name; Period: start and end;
	// Figure: total and women; the sustainability table: the means of the
	// direct and the indirect scores).
	CSV string
	// Get returns a pointer to the field in d: *Text for the text kinds,
	// *Numbered, *Period, *Field[Fixed2], *Figure, *[]Text, *Answer; for
	// KindOther, whatever the struct holds there.
	Get func(d *Description) any
}

// FieldID names a row of the field table: 1 is the first; 0 is none. A
// field by number costs no map lookup or string comparison.
type FieldID uint8

// NumFields is the number of rows: FieldID runs from 1 to NumFields.
const NumFields = len(fieldTable)

// Def returns the row (a copy); the zero FieldDef for an unknown id.
func (id FieldID) Def() FieldDef {
	if id == 0 || int(id) > NumFields {
		return FieldDef{}
	}
	return fieldTable[id-1]
}

// Path is the field's JSON path, "" for an unknown id.
func (id FieldID) Path() string {
	if id == 0 || int(id) > NumFields {
		return ""
	}
	return fieldTable[id-1].Path
}

// Kind is the field's kind.
func (id FieldID) Kind() Kind {
	if id == 0 || int(id) > NumFields {
		return KindOther
	}
	return fieldTable[id-1].Kind
}

// Section is the field's section.
func (id FieldID) Section() Section {
	if id == 0 || int(id) > NumFields {
		return 0
	}
	return fieldTable[id-1].Section
}

// In returns a pointer to the field in d (see FieldDef.Get).
func (id FieldID) In(d *Description) any { return fieldTable[id-1].Get(d) }

// Fields lists every field in the canonical layout's order (a fresh
// slice).
func Fields() []FieldID {
	out := make([]FieldID, NumFields)
	for i := range out {
		out[i] = FieldID(i + 1)
	}
	return out
}

// FieldByPath finds a field by its JSON path; 0 if there is none.
func FieldByPath(path string) FieldID { return fieldByPath[path] }

var fieldByPath = func() map[string]FieldID {
	m := make(map[string]FieldID, NumFields)
	for i, f := range fieldTable {
		m[f.Path] = FieldID(i + 1)
	}
	return m
}()

// sec is SectionOf for the table's rows.
func sec(num string) Section { return SectionOf(num) }

var fieldTable = [...]FieldDef{
	{Path: "version", Get: func(d *Description) any { return &d.Version }},
	{Path: "kind", Get: func(d *Description) any { return &d.Kind }},
	{Path: "source", CSV: "source", Get: func(d *Description) any { return &d.Source }},
	{Path: "error", CSV: "error", Get: func(d *Description) any { return &d.Error }},
	{Path: "language", CSV: "language", Get: func(d *Description) any { return &d.Language }},
	{Path: "fund", CSV: "fund", Get: func(d *Description) any { return &d.Fund }},

	{Path: "project.code", CSV: "code", Section: sec("1"), Kind: KindText, Required: "project code (Hankekoodi)",
		Get: func(d *Description) any { return &d.Project.Code }},
	{Path: "project.name", CSV: "name", Section: sec("1"), Kind: KindText, Required: "project name (Hankkeen nimi)",
		Get: func(d *Description) any { return &d.Project.Name }},
	{Path: "project.priority_axis", CSV: "axis,axis_name", Section: sec("1"), Kind: KindNumbered, Required: "priority axis (Toimintalinja)",
		Get: func(d *Description) any { return &d.Project.PriorityAxis }},
	{Path: "project.specific_objective", CSV: "objective,objective_name", Section: sec("1"), Kind: KindNumbered, Required: "specific objective (Erityistavoite)",
		Get: func(d *Description) any { return &d.Project.SpecificObjective }},
	{Path: "project.period", CSV: "start,end", Section: sec("1"), Kind: KindPeriod, Required: "implementation period (Suunnitelman mukainen toteutusaika)",
		Get: func(d *Description) any { return &d.Project.Period }},
	{Path: "project.status", CSV: "status", Section: sec("1"), Kind: KindStatus, Required: "status (Toiminnan tila)",
		Get: func(d *Description) any { return &d.Project.Status }},
	{Path: "project.state", CSV: "state", Section: sec("1"), Get: func(d *Description) any { return &d.Project.State }},
	{Path: "project.authority", CSV: "authority", Section: sec("1"), Kind: KindText, Required: "responsible authority (Vastuuviranomainen)",
		Get: func(d *Description) any { return &d.Project.Authority }},

	{Path: "applicant.name", CSV: "applicant", Section: sec("2"), Kind: KindText, Required: "applicant's name (Hakijan virallinen nimi)",
		Get: func(d *Description) any { return &d.Applicant.Name }},
	{Path: "applicant.organisation_type", CSV: "organisation_type", Section: sec("2"), Kind: KindText,
		Get: func(d *Description) any { return &d.Applicant.OrganisationType }},
	{Path: "applicant.business_id", CSV: "business_id", Section: sec("2"), Kind: KindText, Required: "applicant's business ID (Y-tunnus)",
		Get: func(d *Description) any { return &d.Applicant.BusinessID }},
	{Path: "applicant.address.street", CSV: "street", Section: sec("2"), Kind: KindText,
		Get: func(d *Description) any { return &d.Applicant.Address.Street }},
	{Path: "applicant.phone", CSV: "phone", Section: sec("2"), Kind: KindText,
		Get: func(d *Description) any { return &d.Applicant.Phone }},
	{Path: "applicant.address.postal_code", CSV: "postal_code", Section: sec("2"), Kind: KindText,
		Get: func(d *Description) any { return &d.Applicant.Address.PostalCode }},
	{Path: "applicant.address.city", CSV: "city", Section: sec("2"), Kind: KindText,
		Get: func(d *Description) any { return &d.Applicant.Address.City }},
	{Path: "applicant.website", CSV: "website", Section: sec("2"), Kind: KindText,
		Get: func(d *Description) any { return &d.Applicant.Website }},
	{Path: "applicant.contact.name", CSV: "contact_name", Section: sec("2"), Kind: KindText,
		Get: func(d *Description) any { return &d.Applicant.Contact.Name }},
	{Path: "applicant.contact.title", CSV: "contact_title", Section: sec("2"), Kind: KindText,
		Get: func(d *Description) any { return &d.Applicant.Contact.Title }},
	{Path: "applicant.contact.email", CSV: "contact_email", Section: sec("2"), Kind: KindEmail,
		Get: func(d *Description) any { return &d.Applicant.Contact.Email }},
	{Path: "applicant.contact.phone", CSV: "contact_phone", Section: sec("2"), Kind: KindText,
		Get: func(d *Description) any { return &d.Applicant.Contact.Phone }},
	{Path: "applicant.applicants", CSV: "applicants", Section: sec("2"), Kind: KindText,
		Get: func(d *Description) any { return &d.Applicant.Applicants }},
	{Path: "applicant.co_implementers", CSV: "co_implementers", Section: sec("2"),
		Get: func(d *Description) any { return &d.Applicant.CoImplementers }},
	{Path: "applicant.transfer_recipients", CSV: "transfer_recipients", Section: sec("2"),
		Get: func(d *Description) any { return &d.Applicant.TransferRecipients }},

	{Path: "summary", Section: sec("3"), Kind: KindFreeText, Get: func(d *Description) any { return &d.Summary }},
	{Path: "target_groups.primary", Section: sec("4.1"), Kind: KindFreeText,
		Get: func(d *Description) any { return &d.TargetGroups.Primary }},
	{Path: "target_groups.indirect", Section: sec("4.2"), Kind: KindFreeText,
		Get: func(d *Description) any { return &d.TargetGroups.Indirect }},

	{Path: "funding.eu_state_granted", CSV: "eu_state_granted", Section: sec("5"), Kind: KindAmount,
		Get: func(d *Description) any { return &d.Funding.EUStateGranted }},
	{Path: "funding.eu_state_realised", CSV: "eu_state_realised", Section: sec("5"), Kind: KindAmount,
		Get: func(d *Description) any { return &d.Funding.EUStateRealised }},
	{Path: "funding.public_planned", CSV: "public_planned", Section: sec("5"), Kind: KindAmount,
		Get: func(d *Description) any { return &d.Funding.PublicPlanned }},
	{Path: "funding.public_realised", CSV: "public_realised", Section: sec("5"), Kind: KindAmount,
		Get: func(d *Description) any { return &d.Funding.PublicRealised }},

	{Path: "area.regions", CSV: "regions", Section: sec("6"), Kind: KindNames, Get: func(d *Description) any { return &d.Area.Regions }},
	{Path: "area.sub_regions", CSV: "sub_regions", Section: sec("6"), Kind: KindNames, Get: func(d *Description) any { return &d.Area.SubRegions }},
	{Path: "area.municipalities", CSV: "municipalities", Section: sec("6"), Kind: KindNames,
		Get: func(d *Description) any { return &d.Area.Municipalities }},
	{Path: "area.site.street", Section: sec("6"), Kind: KindText, Get: func(d *Description) any { return &d.Area.Site.Street }},
	{Path: "area.site.postal_code", Section: sec("6"), Kind: KindText,
		Get: func(d *Description) any { return &d.Area.Site.PostalCode }},
	{Path: "area.site.city", Section: sec("6"), Kind: KindText, Get: func(d *Description) any { return &d.Area.Site.City }},

	{Path: "indicators.new_jobs.planned", CSV: "new_jobs_planned,new_jobs_planned_women", Section: sec("7.1"), Kind: KindFigure,
		Get: func(d *Description) any { return &d.Indicators.NewJobs.Planned }},
	{Path: "indicators.new_jobs.realised", CSV: "new_jobs_realised,new_jobs_realised_women", Section: sec("7.1"), Kind: KindFigure,
		Get: func(d *Description) any { return &d.Indicators.NewJobs.Realised }},
	{Path: "indicators.new_companies.planned", CSV: "new_companies_planned,new_companies_planned_women", Section: sec("7.2"), Kind: KindFigure,
		Get: func(d *Description) any { return &d.Indicators.NewCompanies.Planned }},
	{Path: "indicators.new_companies.realised", CSV: "new_companies_realised,new_companies_realised_women", Section: sec("7.2"), Kind: KindFigure,
		Get: func(d *Description) any { return &d.Indicators.NewCompanies.Realised }},
	{Path: "indicators.other", CSV: "other_indicators", Section: sec("7"), Get: func(d *Description) any { return &d.Indicators.Other }},

	{Path: "horizontal.gender_equality.context_analysis", CSV: "gender_context_analysis", Section: sec("8.1"), Kind: KindAnswer,
		Get: func(d *Description) any { return &d.Horizontal.GenderEquality.ContextAnalysis }},
	{Path: "horizontal.gender_equality.mainstreamed", CSV: "gender_mainstreamed", Section: sec("8.1"), Kind: KindAnswer,
		Get: func(d *Description) any { return &d.Horizontal.GenderEquality.Mainstreamed }},
	{Path: "horizontal.gender_equality.main_goal", CSV: "gender_main_goal", Section: sec("8.1"), Kind: KindAnswer,
		Get: func(d *Description) any { return &d.Horizontal.GenderEquality.MainGoal }},
	{Path: "horizontal.sustainability", CSV: "sustainability_direct_mean,sustainability_indirect_mean", Section: sec("8.2"),
		Get: func(d *Description) any { return &d.Horizontal.Sustainability }},

	{Path: "final_report", Section: sec("9"), Kind: KindFreeText, Get: func(d *Description) any { return &d.FinalReport }},
	{Path: "other_sections", CSV: "other_sections", Get: func(d *Description) any { return &d.OtherSections }},
}
