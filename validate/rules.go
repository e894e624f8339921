package validate

import (
	"sort"
	"sync"

	"github.com/asectl/asectl/parser"
)

// RuleNotDescription is reported for an input that is not a description.
const RuleNotDescription = "not-a-description"

// registry lists every rule in the order `asectl rules` shows them.
var registry = []*Rule{
	// Structure.
	ruleNotDescription,
	ruleMissingSection,
	ruleMissingField,
	fromParser(parser.RuleDuplicateField, Error, "a field appears twice",
		"A label may appear once in a description. The first value is kept and the repeat is\nreported.\n\nExample:\n  Y-tunnus: 0292800-5\n  Y-tunnus: 0292800-5   <- duplicate-field"),
	fromParser(parser.RuleUnknownField, Warning, "a Label: line not known in its section",
		"A line of the form \"Label: value\" in a field section whose label is not one the\nservice prints there. Often a typo in a hand-written description; the value is ignored.\n\nExample (section 1):\n  Hankekood: A72213   <- unknown-field"),
	fromParser(parser.RuleInvalidNumber, Error, "an amount or count that cannot be read as a number",
		"Amounts use a space (or U+00A0, U+202F) between thousands and may have a decimal comma\nor point. A value that cannot be read exactly becomes null in the JSON, never a\nguessed number.\n\nExample:\n  Myönnetty EU- ja valtion rahoitus: 1 5S1 280   <- invalid-number\n  Myönnetty EU- ja valtion rahoitus: 1.234       <- invalid-number (ambiguous)"),
	fromParser(parser.RuleInvalidDate, Error, "a date that is not a real calendar date",
		"Dates are d.m.yyyy. A date that does not exist, or a period line that cannot be\nread, is reported and becomes null.\n\nExample:\n  Suunnitelman mukainen toteutusaika: Alkaa 31.2.2016 ja päättyy 15.3.2018   <- invalid-date"),
	fromParser(parser.RuleUnexpectedText, Warning, "text where the section holds only fields",
		"A line in a field section that is neither a known field nor a list entry, or text\nin a section before its first subsection. It is not part of any value.\n\nExample (section 2):\n  Hakijan virallinen nimi: Lapin Yliopisto\n  see the attached plan   <- unexpected-text"),
	fromParser(parser.RuleControlChar, Warning, "control or invisible characters in the text",
		"NUL bytes, terminal escape sequences, zero-width and bidirectional control characters\nare removed before parsing; the line is reported so the source can be cleaned."),
	fromParser(parser.RuleUnknownSection, Warning, "a numbered subsection the tables do not know",
		"A heading \"N.M Title\" inside section 4 or 8 that is none of the subsections the service\nis known to print. Its heading and text are kept in the JSON's other_sections and\nwritten back by fmt; the warning is given once, at the heading. A number alone on its\nline (\"4.3\") is such a heading without a title (null). Section 7's other indicators, as\non ESF pages, are read into indicators.other without a warning, unless two of them have\nthe same number: then the second is pointed out (both are kept).\n\nExample:\n  8.3 Yhdenvertaisuus   <- unknown-section\n  Hanke edistää yhdenvertaisuutta."),
	fromParser(parser.RuleMultipleDocs, Error, "a second description in the same file",
		"One file holds one description. When a second header line appears after the first\ndescription has begun, the rest of the file is not read.\n\nExample: two pages pasted into one file."),

	// Identifiers.
	ruleProjectCode,
	ruleBusinessID,
	rulePostalCode,
	ruleEmail,
	rulePhone,
	ruleURL,

	// Programme.
	rulePriorityAxis,
	ruleSpecificObjective,
	ruleProgrammeName,
	ruleProjectStatus,

	// Dates.
	rulePeriodOrder,
	rulePeriodInProgramme,
	ruleStatusVsPeriod,

	// Funding.
	ruleFundingGrantedVsPlanned,
	ruleFundingRealisedVsGranted,
	ruleFundingRealisedEUVsPublic,
	ruleFundingRealisedVsPlanned,
	ruleFundingMissingRealised,

	// Indicators.
	ruleIndicatorWomen,
	ruleIndicatorNotApplicable,

	// Sustainability.
	ruleScoreRange,
	ruleScoreMissingCriterion,
	ruleScoreUnknownCriterion,
	ruleScoreJustification,

	// Gender equality.
	ruleGenderAnswer,

	// Area.
	ruleAreaUnknownName,
	ruleAreaInconsistent,

	// Project lists.
	ruleListRow,
	ruleListMismatch,
	ruleListDuplicate,
}

var (
	byIDOnce sync.Once
	byID     map[string]*Rule
)

// Rules returns every rule, in a stable order. The slice and the rules are
// copies: changing one (its Severity, say) changes no later Check; use
// Config to change what runs.
func Rules() []*Rule {
	rs := make([]*Rule, len(registry))
	for i, r := range registry {
		c := *r
		rs[i] = &c
	}
	return rs
}

// Lookup returns a copy of the rule with this ID, or nil.
func Lookup(id string) *Rule {
	byIDOnce.Do(func() {
		byID = map[string]*Rule{}
		for _, r := range registry {
			byID[r.ID] = r
		}
	})
	r := byID[id]
	if r == nil {
		return nil
	}
	c := *r
	return &c
}

// IDs returns every rule ID, sorted.
func IDs() []string {
	ids := make([]string, len(registry))
	for i, r := range registry {
		ids[i] = r.ID
	}
	sort.Strings(ids)
	return ids
}

// fromParser makes a rule whose findings are the parser's problems of that
// ID, so that they take part in severity overrides like any rule.
func fromParser(id string, sev Severity, doc, explain string) *Rule {
	return &Rule{
		ID: id, Doc: doc, Explain: explain, Severity: sev,
		Run: func(p *Pass) {
			for _, pr := range p.Problems {
				if pr.Rule == id && p.keep(pr.Pos) {
					p.addFinding(Finding{Rule: id, Severity: p.severity, Msg: pr.Msg, Pos: pr.Pos, Field: pr.Field})
				}
			}
		},
	}
}

var ruleNotDescription = &Rule{
	ID: RuleNotDescription, Severity: Error,
	Doc: "the input is not a project description at all",
	Explain: "No header line, section heading or known field label was found: an empty file,\n" +
		"binary data, an HTML page saved as such, or an unrelated text file in a checked folder.\n" +
		"Save the page as text (or copy its text) and check again.",
	Run: func(*Pass) {}, // reported by the caller, which alone sees the failed parse
}
