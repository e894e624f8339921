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
type Description struct {
	Version int `json:"version"`
	// Kind is "description" (KindDescription), telling a description from
	// a project-list row ("list_row") in mixed output.
	Kind   string `json:"kind"`
	Source string `json:"source"`
	// Error says why the input could not be read as a description; such an
	// entry keeps its place in a batch's output, with every other value
	// empty. It is null for every description that was read.
	Error Text `json:"error"`
	// Language is "" for an entry that could not be read: JSON null.
	Language string `json:"language" gen:"null-if-empty"`
	// Fund is taken from the header line; on a copy without one it is derived
	// from the project code, and FundFromHeader is false.
	Fund           Text `json:"fund"`
	FundFromHeader bool `json:"-"`

	Project      Project      `json:"project"`
	Applicant    Applicant    `json:"applicant"`
	Summary      Text         `json:"summary"`
	TargetGroups TargetGroups `json:"target_groups"`
	Funding      Funding      `json:"funding"`
	Area         Area         `json:"area"`
	Indicators   Indicators   `json:"indicators"`
	Horizontal   Horizontal   `json:"horizontal"`
	FinalReport  Text         `json:"final_report"`
	// OtherSections are numbered subsections the label tables do not know
	// ("4.3 …", "8.3 …"), kept with their text, in document order.
	OtherSections []OtherSection `json:"other_sections"`
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
	Code              Text     `json:"code"`
	Name              Text     `json:"name"`
	PriorityAxis      Numbered `json:"priority_axis"`
	SpecificObjective Numbered `json:"specific_objective"`
	Period            Period   `json:"period"`
	Status            Text     `json:"status"`
	State             Text     `json:"state"`
	Authority         Text     `json:"authority"`
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
	Name               Text           `json:"name"`
	OrganisationType   Text           `json:"organisation_type"`
	BusinessID         Text           `json:"business_id"`
	Address            Address        `json:"address"`
	Phone              Text           `json:"phone"`
	Website            Text           `json:"website"`
	Contact            Contact        `json:"contact"`
	Applicants         Text           `json:"applicants"`
	CoImplementers     []Organisation `json:"co_implementers"`
	TransferRecipients []Organisation `json:"transfer_recipients"`
}

// Address is a postal address.
type Address struct {
	Street     Text `json:"street"`
	PostalCode Text `json:"postal_code"`
	City       Text `json:"city"`
}

// Contact is the project's contact person.
type Contact struct {
	Name  Text `json:"name"`
	Title Text `json:"title"`
	// Email has "(at)" turned back into "@".
	Email Text `json:"email"`
	Phone Text `json:"phone"`
}

// Organisation is a co-implementer or transfer recipient line.
type Organisation struct {
	Name       Text `json:"name"`
	BusinessID Text `json:"business_id"`
	Pos        Pos  `json:"-"`
}

// TargetGroups is section 4.
type TargetGroups struct {
	Primary  Text `json:"primary"`
	Indirect Text `json:"indirect"`
}

// Funding is section 5, in euros with cents kept exactly.
type Funding struct {
	EUStateGranted  Field[Fixed2] `json:"eu_state_granted"`
	EUStateRealised Field[Fixed2] `json:"eu_state_realised"`
	PublicPlanned   Field[Fixed2] `json:"public_planned"`
	PublicRealised  Field[Fixed2] `json:"public_realised"`
}

// Area is section 6.
type Area struct {
	Regions        []Text  `json:"regions"`
	SubRegions     []Text  `json:"sub_regions"`
	Municipalities []Text  `json:"municipalities"`
	Site           Address `json:"site"`
}

// Indicators is section 7.
type Indicators struct {
	NewJobs      Indicator `json:"new_jobs"`
	NewCompanies Indicator `json:"new_companies"`
	// Other holds the indicator subsections other than new jobs and new
	// companies (an ESF page's "7.1 Osallistujien määrä"), in document order.
	Other []OtherIndicator `json:"other"`
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
	Planned  Figure `json:"planned"`
	Realised Figure `json:"realised"`
}

// Figure is a total and the part of it for women. The service prints
// realised figures with two decimals, so both are Fixed2.
type Figure struct {
	Total Field[Fixed2] `json:"total" schema:"count"`
	Women Field[Fixed2] `json:"women" schema:"count"`
}

// Horizontal is section 8.
type Horizontal struct {
	GenderEquality GenderEquality `json:"gender_equality"`
	Sustainability []Score        `json:"sustainability"`
}

// GenderEquality is section 8.1: three yes/no questions.
type GenderEquality struct {
	ContextAnalysis Answer `json:"context_analysis"`
	Mainstreamed    Answer `json:"mainstreamed"`
	MainGoal        Answer `json:"main_goal"`
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
