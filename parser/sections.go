package parser

import "strings"

// Section is a section of a description that the label tables know, by
// its place in document order: 1 is section "1", 5 is "4.1", 15 is "9"; 0
// is none (before section 1, or a number the tables do not know). Parser
// and rules share it.
type Section uint8

// sectionRow describes one section.
type sectionRow struct {
	num  string      // as printed: "4.1"
	kind sectionKind // how its lines are read
	text string      // a free-text section's JSON path
}

// sectionTable is every known section, in document order: the one place a
// section is described (the label tables give its title and field labels
// per language).
var sectionTable = [...]sectionRow{
	{"1", kindFields, ""},
	{"2", kindFields, ""},
	{"3", kindText, "summary"},
	{"4", kindContainer, ""},
	{"4.1", kindText, "target_groups.primary"},
	{"4.2", kindText, "target_groups.indirect"},
	{"5", kindFields, ""},
	{"6", kindFields, ""},
	{"7", kindContainer, ""},
	{"7.1", kindFields, ""},
	{"7.2", kindFields, ""},
	{"8", kindContainer, ""},
	{"8.1", kindQuestions, ""},
	{"8.2", kindScores, ""},
	{"9", kindText, "final_report"},
}

const numSections = len(sectionTable)

// Sections lists the known sections in document order (a fresh slice).
func Sections() []Section {
	out := make([]Section, numSections)
	for i := range out {
		out[i] = Section(i + 1)
	}
	return out
}

// SectionOf returns the section printed as num ("4.1"), or 0.
func SectionOf(num string) Section {
	// "d" or "d.d", looked up by its digits: heading-like lines ask.
	var top, sub byte
	switch {
	case len(num) == 1:
		top = num[0] - '0'
	case len(num) == 3 && num[1] == '.':
		top, sub = num[0]-'0', num[2]-'0'
		if sub == 0 || sub > 9 {
			return 0
		}
	default:
		return 0
	}
	if top == 0 || top > 9 {
		return 0
	}
	return sectionByDigits[top][sub]
}

// sectionByDigits indexes sectionTable by a number's digits ("4.1": [4][1]).
var sectionByDigits = func() (t [10][10]Section) {
	for i, r := range sectionTable {
		top, sub := r.num[0]-'0', byte(0)
		if len(r.num) == 3 {
			sub = r.num[2] - '0'
		}
		t[top][sub] = Section(i + 1)
	}
	return t
}()

// String is the section's number as printed ("4.1"); "" for 0.
func (s Section) String() string {
	if s == 0 || int(s) > numSections {
		return ""
	}
	return sectionTable[s-1].num
}

// Parent is the section a subsection belongs to ("4" for "4.1"); 0 for a
// top-level section.
func (s Section) Parent() Section {
	if n, _, ok := strings.Cut(s.String(), "."); ok {
		return SectionOf(n)
	}
	return 0
}

func (s Section) kind() sectionKind {
	if s == 0 || int(s) > numSections {
		return kindNone
	}
	return sectionTable[s-1].kind
}

// textPath is a free-text section's JSON path, "" for another.
func (s Section) textPath() string {
	if s == 0 || int(s) > numSections {
		return ""
	}
	return sectionTable[s-1].text
}

// sectionRank is int(SectionOf(num)): a section's place in document order
// from 1, 0 for an unknown number.
func sectionRank(num string) int { return int(SectionOf(num)) }
