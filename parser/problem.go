package parser

import (
	"fmt"
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

// Rules lists every rule ID the parser can report.
var Rules = []string{RuleInvalidNumber, RuleInvalidDate, RuleUnknownField, RuleDuplicateField, RuleUnexpectedText, RuleControlChar, RuleMultipleDocs, RuleUnknownSection}

// Message is a user-facing message kept as a format and its arguments, so
// that it can be rendered in another language from a catalogue keyed by the
// English format (golang.org/x/text/message).
type Message struct {
	Format string
	Args   []any
}

// Msg builds a Message.
func Msg(format string, args ...any) Message { return Message{format, args} }

// String renders the message in English.
func (m Message) String() string { return fmt.Sprintf(m.Format, m.Args...) }

// Problem is something the parser could not read as it stands.
type Problem struct {
	Pos   model.Pos
	Rule  string
	Field string // JSON path of the field, e.g. "funding.eu_state_granted"
	Msg   Message
}

func sortProblems(ps []Problem) {
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].Pos.Before(ps[j].Pos) })
}
