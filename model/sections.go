package model

import "strings"

// Section is a section of a description that the label tables know, by
// its place in document order: 1 is section "1", 5 is "4.1", 15 is "9"; 0
// is none (before section 1, or a number the tables do not know). The
// parser, the rules and the field table share it.
type Section uint8

// SectionKind says what a section holds, and so how the parser reads its
// lines.
type SectionKind uint8

// The kinds of sections.
const (
	SectionNone      SectionKind = iota // not a section: banner and header
	SectionFields                       // "Label: value" lines
	SectionText                         // free text (its field in the field table)
	SectionContainer                    // a heading whose content is in its subsections
	SectionQuestions                    // 8.1: yes/no questions with justifications
	SectionScores                       // 8.2: the sustainability table
)

// sectionRow describes one section.
type sectionRow struct {
	num  string // as printed: "4.1"
	kind SectionKind
}

// sectionTable is every known section, in document order: the one place a
// section is described (the label tables give its title and field labels
// per language; the field table its fields).
var sectionTable = [...]sectionRow{
	{"1", SectionFields},
	{"2", SectionFields},
	{"3", SectionText},
	{"4", SectionContainer},
	{"4.1", SectionText},
	{"4.2", SectionText},
	{"5", SectionFields},
	{"6", SectionFields},
	{"7", SectionContainer},
	{"7.1", SectionFields},
	{"7.2", SectionFields},
	{"8", SectionContainer},
	{"8.1", SectionQuestions},
	{"8.2", SectionScores},
	{"9", SectionText},
}

// NumSections is the number of known sections: Section runs from 1 to
// NumSections.
const NumSections = len(sectionTable)

// KnownSections lists the known sections in document order (a fresh slice).
func KnownSections() []Section {
	out := make([]Section, NumSections)
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
	if s == 0 || int(s) > NumSections {
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

// Kind is what the section holds; SectionNone for 0.
func (s Section) Kind() SectionKind {
	if s == 0 || int(s) > NumSections {
		return SectionNone
	}
	return sectionTable[s-1].kind
}

// TextField is a free-text section's field (its row in the field table);
// 0 for another section.
func (s Section) TextField() FieldID {
	if s == 0 || int(s) > NumSections {
		return 0
	}
	return sectionText[s]
}

// sectionText is each free-text section's field.
var sectionText = func() (t [NumSections + 1]FieldID) {
	for i, f := range fieldTable {
		if f.Kind == KindFreeText {
			t[f.Section] = FieldID(i + 1)
		}
	}
	return t
}()
