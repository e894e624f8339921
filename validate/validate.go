// Package validate checks parsed descriptions against the programme's rules.
//
// Each rule is a value, like an analysis.Analyzer: an ID that is a public
// contract, a one-line doc, a longer explanation with an example, a default
// severity and a check function over the model. The parser's problems
// surface as findings of the structure rules.
package validate

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/asectl/asectl/model"
	"github.com/asectl/asectl/parser"
	"github.com/asectl/asectl/programme"
)

// Severity of a finding.
type Severity int

// Severities, weakest first.
const (
	Info Severity = iota
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return fmt.Sprintf("severity(%d)", int(s))
}

// MarshalText writes the name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// ParseSeverity reads "error", "warning" or "info".
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(s) {
	case "error":
		return Error, nil
	case "warning":
		return Warning, nil
	case "info":
		return Info, nil
	}
	return 0, fmt.Errorf("unknown severity %q (valid: error, warning, info)", s)
}

// Rule is one named check.
type Rule struct {
	ID       string
	Doc      string // one line
	Explain  string // what it checks, why, and an example
	Severity Severity
	Run      func(*Pass)
}

// Finding is one rule break at one place.
type Finding struct {
	Rule     string
	Severity Severity
	Msg      parser.Message
	Pos      model.Pos
	Field    string // JSON path of the field, "" when the finding is about the file
}

// Message renders the message in English.
func (f Finding) Message() string { return f.Msg.String() }

// Config adjusts a run.
type Config struct {
	// Today is the reference date for the date rules; zero means today.
	Today model.Date
	// Severity overrides a rule's default severity, by rule ID.
	Severity map[string]Severity
	// Off turns rules off, by rule ID. In Severity and Off an ID that is
	// no rule's is ignored, not an error: Lookup (nil for such an ID)
	// checks IDs a user typed.
	Off map[string]bool
	// Programme is the programme the rules check against (axes,
	// objectives, eligibility); nil means the embedded one (programme.Get).
	Programme *programme.Programme
	// Regions is the municipality key; nil means the embedded one
	// (programme.GetRegions).
	Regions *programme.Regions
	// Languages are the label tables the rules consult (criteria, the
	// programme's names), nil entries left out; none (nil, empty) means the
	// built-in ones (parser.Languages).
	Languages []*parser.Language
}

// Pass is what a rule's Run sees.
type Pass struct {
	Doc      *model.Description
	Problems []parser.Problem
	Today    model.Date
	// Programme, Regions and Languages are Config's, or the embedded ones.
	Programme *programme.Programme
	Regions   *programme.Regions
	Languages []*parser.Language

	rule     *Rule
	severity Severity
	findings []Finding

	// With limit > 0 (CheckStream) the findings are held only up to
	// limit: past it, only their positions are kept (positions), and
	// later runs keep only the findings in the window [lo, hi).
	limit     int
	positions [][]uint64 // packPos of each finding, once over the limit, in blocks
	window    bool
	lo, hi    model.Pos
	hasLo     bool
	hasHi     bool
	keyed     *keyed // CheckDescriptionStream's windows, by finding order
}

// Report records a finding of the running rule.
func (p *Pass) Report(pos model.Pos, field string, format string, args ...any) {
	if p.keep(pos) {
		p.add(pos, field, format, args...)
	}
}

// add records a finding that keep let through.
func (p *Pass) add(pos model.Pos, field string, format string, args ...any) {
	p.addFinding(Finding{
		Rule: p.rule.ID, Severity: p.severity, Msg: parser.Msg(format, args...), Pos: pos, Field: field,
	})
}

// addFinding records a finding that keep let through; while a keyed
// stream takes its measure (CheckDescriptionStream) it is only looked at.
func (p *Pass) addFinding(f Finding) {
	if p.keyed != nil && (p.keyed.phase == keySample || p.keyed.phase == keyAssign) {
		p.keyed.see(f)
		return
	}
	p.findings = append(p.findings, f)
}

// keep says whether a finding at pos is to be made. Over the limit it
// records the position instead and says no; in a window it says whether
// pos is inside. A keyed stream (CheckDescriptionStream) decides by the
// finding's place in the order the rules make them (keyed.keep) instead.
func (p *Pass) keep(pos model.Pos) bool {
	if p.limit == 0 {
		return true
	}
	if p.keyed != nil {
		return p.keyed.keep(p)
	}
	if p.window {
		return p.wants(pos)
	}
	if p.positions == nil && len(p.findings) < p.limit {
		return true
	}
	if p.positions == nil {
		// Over the limit: from now on only positions. Slices of the
		// findings' own are dropped with them.
		for _, f := range p.findings {
			p.addPosition(f.Pos)
		}
		p.findings = nil
	}
	p.addPosition(pos)
	return false
}

// positionBlock is how many positions go in one block: blocks, unlike one
// growing slice, never hold a copy beside the original.
const positionBlock = 8192

func (p *Pass) addPosition(pos model.Pos) {
	if n := len(p.positions); n == 0 || len(p.positions[n-1]) == positionBlock {
		p.positions = append(p.positions, make([]uint64, 0, positionBlock))
	}
	last := &p.positions[len(p.positions)-1]
	*last = append(*last, packPos(pos))
}

// wants is false only for a position outside the current window: a rule
// that checks many values may skip such a value before checking it.
func (p *Pass) wants(pos model.Pos) bool {
	if !p.window {
		return true
	}
	return (!p.hasLo || !pos.Before(p.lo)) && (!p.hasHi || pos.Before(p.hi))
}

// grow makes room for n more findings of the running rule, unless the
// findings are bounded (CheckStream).
func (p *Pass) grow(n int) {
	if p.limit == 0 {
		p.findings = slices.Grow(p.findings, n)
	}
}

// Check runs every enabled rule over one parse result. Findings come sorted
// by line, column and rule.
func Check(res *parser.Result, cfg Config) []Finding {
	return checkAll(res.Doc, res.Problems, cfg)
}

// CheckDescription runs every enabled rule over a description on its own,
// such as one read back from asectl's parse JSON (model.Description's
// UnmarshalJSON): the parser's problems are its Problems. Such a document
// has no positions, so its findings have none: they are located by their
// Field, the JSON path.
func CheckDescription(d *model.Description, cfg Config) []Finding {
	return checkAll(d, d.Problems, cfg)
}

func checkAll(d *model.Description, problems []parser.Problem, cfg Config) []Finding {
	p := newPass(d, problems, cfg)
	p.run(cfg)
	SortFindings(p.findings)
	return p.findings
}

func newPass(d *model.Description, problems []parser.Problem, cfg Config) *Pass {
	today := cfg.Today
	if today == (model.Date{}) {
		today = model.DateOf(time.Now())
	}
	p := &Pass{Doc: d, Problems: problems, Today: today,
		Programme: cfg.Programme, Regions: cfg.Regions, Languages: cfg.Languages}
	if p.Programme == nil {
		p.Programme = embeddedProgramme()
	}
	if p.Regions == nil {
		p.Regions = programme.GetRegions()
	}
	if slices.Contains(p.Languages, nil) {
		p.Languages = slices.DeleteFunc(slices.Clone(p.Languages), func(l *parser.Language) bool { return l == nil })
	}
	if len(p.Languages) == 0 {
		p.Languages = builtinLanguages()
	}
	return p
}

// run runs every enabled rule once.
func (p *Pass) run(cfg Config) {
	for _, r := range registry {
		if cfg.Off[r.ID] {
			continue
		}
		p.rule, p.severity = r, r.Severity
		if s, ok := cfg.Severity[r.ID]; ok {
			p.severity = s
		}
		r.Run(p)
	}
}

// SortFindings orders findings by position, then rule ID, then message.
func SortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Pos != b.Pos {
			return a.Pos.Before(b.Pos)
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Message() < b.Message()
	})
}

// NotDescription is the finding for an input that is not a description at
// all, so that a stray file in a checked folder fails the check.
func NotDescription(err error, cfg Config) (Finding, bool) {
	if cfg.Off[RuleNotDescription] {
		return Finding{}, false
	}
	sev := Error
	if s, ok := cfg.Severity[RuleNotDescription]; ok {
		sev = s
	}
	msg, _ := parser.NotDescriptionReason(err)
	return Finding{
		Rule: RuleNotDescription, Severity: sev, Pos: model.Pos{Line: 1, Col: 1},
		Msg: parser.Msg("not an EURA 2014 project description: %s", msg),
	}, true
}

// Language returns the label table of a language code among the Pass's
// languages, or nil.
func (p *Pass) Language(code string) *parser.Language {
	for _, l := range p.Languages {
		if l.Code == code {
			return l
		}
	}
	return nil
}

// embeddedProgramme is validate's own copy of the embedded programme, made
// once: programme.Get hands every caller a copy, so no caller's change
// reaches a Check.
var embeddedProgramme = sync.OnceValue(programme.Get)

// builtinLanguages is validate's own copy of the built-in label tables,
// taken once (a copy costs some 20 µs, too much for each description).
var builtinLanguages = sync.OnceValue(parser.Languages)
