package model

// Version is the version of the parse JSON document. It changes only when a
// key is renamed or removed, or a value changes meaning.
const Version = 1

// Fund codes as the pages print them.
const (
	FundERDF = "EAKR"
	FundESF  = "ESR"
)

// KindDescription is Description.Kind.
const KindDescription = "description"

// Project states derived from the printed status.
const (
	StateRunning = "running"
	StateEnded   = "ended"
	// StateInterrupted is a project stopped before its planned end
	// ("Keskeytynyt"): it is over, like an ended one, but early.
	StateInterrupted = "interrupted"
)

// Over reports whether a state means the project's work is over: ended or
// interrupted.
func Over(state string) bool { return state == StateEnded || state == StateInterrupted }

// Description is one project description. The JSON keys and their order are
// a public contract (see README); every key is always present.
//
// The tags besides json (section, kind, csv, required, required_fi, after)
// make the field table: `go generate ./...` writes it (fields_gen.go).
// Adding a field is a field here with its tags plus its label in every
// parser/lang/*.json: fields.go says how.
type Description struct {
	Version int `json:"version"`
	// Kind is "description" (KindDescription), telling a description from
	// a project-list row ("list_row") in mixed output.
	Kind   string `json:"kind"`
	Source string `json:"source" csv:"source"`
	// Error says why the input could not be read as a description; such an
	// entry keeps its place in a batch's output, with every other value
	// empty. It is null for every description that was read.
	Error Text `json:"error" csv:"error"`
	// Language is "" for an entry that could not be read: JSON null.
	Language string `json:"language" gen:"null-if-empty" csv:"language"`
	// Fund is taken from the header line; on a copy without one it is derived
	// from the project code, and FundFromHeader is false.
	Fund           Text `json:"fund" csv:"fund"`
	FundFromHeader bool `json:"-"`

	Project      Project      `json:"project" section:"1"`
	Applicant    Applicant    `json:"applicant" section:"2"`
	Summary      Text         `json:"summary" section:"3" kind:"freetext"`
	TargetGroups TargetGroups `json:"target_groups" section:"4"`
	Funding      Funding      `json:"funding" section:"5"`
	Area         Area         `json:"area" section:"6"`
	Indicators   Indicators   `json:"indicators" section:"7"`
	Horizontal   Horizontal   `json:"horizontal" section:"8"`
	FinalReport  Text         `json:"final_report" section:"9" kind:"freetext"`
	// OtherSections are numbered subsections the label tables do not know
	// ("4.3 …", "8.3 …"), kept with their text, in document order.
	OtherSections []OtherSection `json:"other_sections" csv:"other_sections"`
	// Sections, HeadingsFound, FundFromHeader and Problems are how the text
	// was read; the JSON has them under "parse", with the fields whose
	// value could not be read (Unread).
	Sections      Sections `json:"-"`
	HeadingsFound bool     `json:"-"`
	// Problems are what the parser could not read as it stands, in
	// position order (the parser's Result.Problems).
	Problems []Problem `json:"-"`
	// End is where the text ends: just after the last non-blank character.
	End Pos `json:"-"`
}

// Sections records where each section heading stood, by its number ("1",
// "4.1", …). A section that was reached without its heading (a flattened
// copy) is recorded with Implicit set.
type Sections map[string]SectionInfo

// SectionInfo is one section's presence in the source.
type SectionInfo struct {
	Pos      Pos
	Implicit bool
}

// Has reports whether the section was seen at all.
func (s Sections) Has(num string) bool { _, ok := s[num]; return ok }

// Project is section 1.
type Project struct {
	Code              Text     `json:"code" kind:"text" csv:"code" required:"project code (Hankekoodi)" required_fi:"hankekoodi (Hankekoodi)"`
	Name              Text     `json:"name" kind:"text" csv:"name" required:"project name (Hankkeen nimi)" required_fi:"hankkeen nimi (Hankkeen nimi)"`
	PriorityAxis      Numbered `json:"priority_axis" kind:"numbered" csv:"axis,axis_name" required:"priority axis (Toimintalinja)" required_fi:"toimintalinja (Toimintalinja)"`
	SpecificObjective Numbered `json:"specific_objective" kind:"numbered" csv:"objective,objective_name" required:"specific objective (Erityistavoite)" required_fi:"erityistavoite (Erityistavoite)"`
	Period            Period   `json:"period" kind:"period" csv:"start,end" required:"implementation period (Suunnitelman mukainen toteutusaika)" required_fi:"toteutusaika (Suunnitelman mukainen toteutusaika)"`
	Status            Text     `json:"status" kind:"status" csv:"status" required:"status (Toiminnan tila)" required_fi:"toiminnan tila (Toiminnan tila)"`
	State             Text     `json:"state" csv:"state"`
	Authority         Text     `json:"authority" kind:"text" csv:"authority" required:"responsible authority (Vastuuviranomainen)" required_fi:"vastuuviranomainen (Vastuuviranomainen)"`
}

// Numbered is an "<n>. <name>" value such as a priority axis.
type Numbered struct {
	Number Text `json:"number"`
	Name   Text `json:"name"`
	// Pos is where the whole value starts.
	Pos Pos `json:"-"`
}

// Period is the planned implementation period.
type Period struct {
	Start Field[Date] `json:"start"`
	End   Field[Date] `json:"end"`
	Pos   Pos         `json:"-"`
}

// Applicant is section 2.
type Applicant struct {
	Name               Text           `json:"name" kind:"text" csv:"applicant" required:"applicant's name (Hakijan virallinen nimi)" required_fi:"hakijan virallinen nimi (Hakijan virallinen nimi)"`
	OrganisationType   Text           `json:"organisation_type" kind:"text" csv:"organisation_type"`
	BusinessID         Text           `json:"business_id" kind:"text" csv:"business_id" required:"applicant's business ID (Y-tunnus)" required_fi:"hakijan Y-tunnus (Y-tunnus)"`
	Address            Address        `json:"address"`
	Phone              Text           `json:"phone" kind:"text" csv:"phone" after:"applicant.address.street"`
	Website            Text           `json:"website" kind:"text" csv:"website"`
	Contact            Contact        `json:"contact"`
	Applicants         Text           `json:"applicants" kind:"text" csv:"applicants"`
	CoImplementers     []Organisation `json:"co_implementers" csv:"co_implementers"`
	TransferRecipients []Organisation `json:"transfer_recipients" csv:"transfer_recipients"`
}

// Address is a postal address.
type Address struct {
	Street     Text `json:"street" kind:"text" csv:"street"`
	PostalCode Text `json:"postal_code" kind:"text" csv:"postal_code"`
	City       Text `json:"city" kind:"text" csv:"city"`
}

// Contact is the project's contact person.
type Contact struct {
	Name  Text `json:"name" kind:"text" csv:"contact_name"`
	Title Text `json:"title" kind:"text" csv:"contact_title"`
	// Email has "(at)" turned back into "@".
	Email Text `json:"email" kind:"email" csv:"contact_email"`
	Phone Text `json:"phone" kind:"text" csv:"contact_phone"`
}

// Organisation is a co-implementer or transfer recipient line.
type Organisation struct {
	Name       Text `json:"name"`
	BusinessID Text `json:"business_id"`
	Pos        Pos  `json:"-"`
}

// TargetGroups is section 4.
type TargetGroups struct {
	Primary  Text `json:"primary" section:"4.1" kind:"freetext"`
	Indirect Text `json:"indirect" section:"4.2" kind:"freetext"`
}

// Funding is section 5, in euros with cents kept exactly.
type Funding struct {
	EUStateGranted  Field[Fixed2] `json:"eu_state_granted" kind:"amount" csv:"eu_state_granted"`
	EUStateRealised Field[Fixed2] `json:"eu_state_realised" kind:"amount" csv:"eu_state_realised"`
	PublicPlanned   Field[Fixed2] `json:"public_planned" kind:"amount" csv:"public_planned"`
	PublicRealised  Field[Fixed2] `json:"public_realised" kind:"amount" csv:"public_realised"`
}

// Area is section 6.
type Area struct {
	Regions        []Text  `json:"regions" kind:"names" csv:"regions"`
	SubRegions     []Text  `json:"sub_regions" kind:"names" csv:"sub_regions"`
	Municipalities []Text  `json:"municipalities" kind:"names" csv:"municipalities"`
	Site           Address `json:"site" csv:"-"`
}

// Indicators is section 7.
type Indicators struct {
	NewJobs      Indicator `json:"new_jobs" section:"7.1" csv:"new_jobs_"`
	NewCompanies Indicator `json:"new_companies" section:"7.2" csv:"new_companies_"`
	// Other holds the indicator subsections other than new jobs and new
	// companies (an ESF page's "7.1 Osallistujien määrä"), in document order.
	Other []OtherIndicator `json:"other" csv:"other_indicators"`
}

// OtherIndicator is an indicator subsection of section 7 that is not one of
// the two known ones: its number as printed ("7.1"), its title and figures.
type OtherIndicator struct {
	Number   Text   `json:"number"`
	Title    Text   `json:"title"`
	Planned  Figure `json:"planned"`
	Realised Figure `json:"realised"`
	Pos      Pos    `json:"-"` // the heading
}

// OtherSection is a numbered subsection the label tables do not know, with
// its heading's number ("8.3") and title and its free text (null when
// empty).
type OtherSection struct {
	Number Text `json:"number"`
	Title  Text `json:"title"`
	Text   Text `json:"text"`
	Pos    Pos  `json:"-"` // the heading
}

// Indicator is a planned and a realised figure.
type Indicator struct {
	Planned  Figure `json:"planned" kind:"figure" csv:"planned,planned_women"`
	Realised Figure `json:"realised" kind:"figure" csv:"realised,realised_women"`
}

// Figure is a total and the part of it for women. The service prints
// realised figures with two decimals, so both are Fixed2.
type Figure struct {
	Total Field[Fixed2] `json:"total" schema:"count"`
	Women Field[Fixed2] `json:"women" schema:"count"`
}

// Horizontal is section 8.
type Horizontal struct {
	GenderEquality GenderEquality `json:"gender_equality" section:"8.1"`
	Sustainability []Score        `json:"sustainability" section:"8.2" csv:"sustainability_direct_mean,sustainability_indirect_mean"`
}

// GenderEquality is section 8.1: three yes/no questions.
type GenderEquality struct {
	ContextAnalysis Answer `json:"context_analysis" kind:"answer" csv:"gender_context_analysis"`
	Mainstreamed    Answer `json:"mainstreamed" kind:"answer" csv:"gender_mainstreamed"`
	MainGoal        Answer `json:"main_goal" kind:"answer" csv:"gender_main_goal"`
}

// Answer is a yes/no answer with its justification. Answer.Raw keeps the
// answer as printed so that one other than yes/no can be reported.
type Answer struct {
	Answer        Field[bool] `json:"answer"`
	Justification Text        `json:"justification"`
}

// Score is one row of the sustainability table (section 8.2).
type Score struct {
	Group         Text       `json:"group"`
	Criterion     Text       `json:"criterion"`
	Direct        Field[int] `json:"direct"`
	Indirect      Field[int] `json:"indirect"`
	Justification Text       `json:"justification"`
	Pos           Pos        `json:"-"`
	// Ref identifies a known criterion as group*100 + index + 1 (the same in
	// every language); 0 for a criterion the programme does not have.
	Ref CriterionRef `json:"ref"`
}

// Failed returns the entry for an input that could not be read: its
// language is "" (JSON null), as nothing of it was read.
func Failed(source, reason string) *Description {
	d := New(source)
	d.Language = ""
	d.Error.Set(reason, Pos{})
	return d
}

// New returns an empty description with every list non-nil, so that the
// JSON has [] rather than null for lists.
func New(source string) *Description {
	return &Description{
		Version:  Version,
		Kind:     KindDescription,
		Source:   source,
		Language: "fi",
		Sections: make(Sections, 16),
		Applicant: Applicant{
			CoImplementers:     []Organisation{},
			TransferRecipients: []Organisation{},
		},
		Area: Area{
			Regions:        []Text{},
			SubRegions:     []Text{},
			Municipalities: []Text{},
		},
		Indicators:    Indicators{Other: []OtherIndicator{}},
		Horizontal:    Horizontal{Sustainability: []Score{}},
		OtherSections: []OtherSection{},
	}
}
