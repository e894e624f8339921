package parser

import (
	"sort"

	"github.com/asectl/asectl/model"
)

// Rule IDs of the problems the parser reports. They are the IDs of the
// structure rules in package validate, which documents them.
const (
	RuleInvalidNumber  = "invalid-number"
	RuleInvalidDate    = "invalid-date"
	RuleUnknownField   = "unknown-field"
	RuleDuplicateField = "duplicate-field"
	RuleUnexpectedText = "unexpected-text"
	RuleControlChar    = "control-character"
	RuleMultipleDocs   = "multiple-descriptions"
	RuleUnknownSection = "unknown-section"
)

// Rules returns every rule ID the parser can report, a fresh slice the
// caller may change.
func Rules() []string {
	return []string{RuleInvalidNumber, RuleInvalidDate, RuleUnknownField, RuleDuplicateField, RuleUnexpectedText, RuleControlChar, RuleMultipleDocs, RuleUnknownSection}
}

// Message is a user-facing message kept as a format and its arguments
// (model.Message).
type Message = model.Message

// Msg builds a Message.
func Msg(format string, args ...any) Message { return model.Msg(format, args...) }

// Problem is something the parser could not read as it stands
// (model.Problem).
type Problem = model.Problem

func sortProblems(ps []Problem) {
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].Pos.Before(ps[j].Pos) })
}
