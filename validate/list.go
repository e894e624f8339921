package validate

// Rules of project-list exports (package projectlist). Their findings are
// made by the callers that read a list, as for not-a-description: a rule's
// Run sees one description, not a list.
const (
	RuleListRow       = "list-row"
	RuleListMismatch  = "list-mismatch"
	RuleListDuplicate = "list-duplicate"
)

var ruleListRow = &Rule{
	ID: RuleListRow, Severity: Error,
	Doc: "a row of a project-list export cannot be split into its columns in exactly one way",
	Explain: `A project-list export (the EURA services' CSV of every project: Koodi, Rahasto,
Hankkeen nimi, Tl, …) is read by its column shape: the code and fund open a row, the
axis number, the status, the two dates and the four amounts anchor the rest, and the
names take what lies between (their commas are not quoted in the exports). A row that
does not fit that shape, or fits it in more than one way, is reported at its line and
kept as raw text ("raw" in the JSON), never split by a guess. The other rows are read.

Example (a spreadsheet moved the granted amount into the start date column):
  A70359,EAKR,Toranda Events toimintakeskus | vaihe2,1, Pohjois-Pohjanmaan …,Toiminnassa,425180,31.12.2015,H-EQUITY OY, ,425180,…   <- list-row`,
	Run: func(*Pass) {},
}
var ruleListMismatch = &Rule{
	ID: RuleListMismatch, Severity: Warning,
	Doc: "a description differs from its row in the project list given with --list",
	Explain: `asectl validate --list LIST.csv PAGES... compares each description with the list's
row of the same project code: name, authority, applicant, start and end date, status and
the four amounts. Names are compared ignoring case, commas, quotes and runs of spaces
(the exports lost commas); an English page's name and authority are not compared (the
list has the Finnish ones). An amount is compared when the page has its label: present on
one side only is a difference too. Each differing field is one finding on the description, naming
both values. The lists are snapshots: a description newer than the list differs in its
realised amounts, and that is what this report is for.

Example (the list says 1 551 280):
  Myönnetty EU- ja valtion rahoitus: 1 600 000   <- list-mismatch`,
	Run: func(*Pass) {},
}
var ruleListDuplicate = &Rule{
	ID: RuleListDuplicate, Severity: Warning,
	Doc: "a project code appears in more than one row of a project-list export",
	Explain: `A project has one row in a project-list export. A second row with the same project
code (a row pasted twice, or an edited copy of it) is reported at its code, naming the
line of the first; both rows are kept in the output. asectl validate --list compares a
description with the first row of its code only: such a description gets this finding
too, at its project code, naming the row it was compared with and the rows it was not.

Example:
  2211: S20220,ESR,Duunikeskus,…,31.8.2017,…
  2212: S20220,ESR,Duunikeskus,…,30.9.2017,…   <- list-duplicate (line 2211 has it first)`,
	Run: func(*Pass) {},
}
