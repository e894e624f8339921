package projectlist

import (
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/unicode/norm"

	"github.com/asectl/asectl/model"
	"github.com/asectl/asectl/parser"
	"github.com/asectl/asectl/validate"
)

// Index is a list's rows by project code, for comparing descriptions with
// their rows (asectl validate --list). It is safe for concurrent use.
type Index struct {
	List  *List
	rows  map[string]*Row  // rows that split, by code: the first of each
	later map[string][]int // lines of the later rows of a code, if any

	mu      sync.Mutex
	matched map[string]bool
	stats   Stats
}

// Stats counts a cross-check.
type Stats struct {
	Rows            int // the list's data rows
	Unsplit         int // rows that could not be split (list-row)
	PagesMatched    int // descriptions compared with their row
	PagesWithoutRow int // descriptions whose code has no row that split
	RowsWithoutPage int // rows that split and that no description matched
	Duplicates      int // rows that split and whose code an earlier row has: compared with no description
}

// NewIndex reads a list into an index; errors as Read's. The first row of
// a code wins; a later row of the same code is left out (counted in
// Stats.Duplicates, and named by Compare's list-duplicate finding).
func NewIndex(source string, src []byte, enc string) (*Index, error) {
	ix := &Index{rows: map[string]*Row{}, later: map[string][]int{}, matched: map[string]bool{}}
	l, rows, err := Read(source, src, enc)
	if err != nil {
		return nil, err
	}
	ix.List = l
	for i := range rows {
		r := &rows[i]
		code := r.Project.Code.Value
		if r.Err != nil {
			continue // counted in Stats.Unsplit; its page counts as one without a row
		}
		if _, ok := ix.rows[code]; !ok {
			ix.rows[code] = r
		} else {
			ix.later[code] = append(ix.later[code], r.Line)
			ix.stats.Duplicates++
		}
	}
	ix.stats.Rows, ix.stats.Unsplit = l.Rows, l.Failed
	return ix, nil
}

// Stats returns the counts so far.
func (ix *Index) Stats() Stats {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	s := ix.stats
	s.RowsWithoutPage = len(ix.rows) - len(ix.matched)
	return s
}

// Compare compares one description with its row and returns a
// list-mismatch finding per differing field (none when the rule is off in
// cfg), naming both values, at the description's field. When the list has
// more than one row of the code, the description is compared with the
// first, and a list-duplicate finding at its code says so, naming the
// lines. A description without a code is not counted.
func (ix *Index) Compare(d *model.Description, cfg validate.Config) []validate.Finding {
	if !d.Project.Code.Valid {
		return nil
	}
	code := d.Project.Code.Value
	r, ok := ix.rows[code]
	ix.mu.Lock()
	if ok {
		ix.stats.PagesMatched++
		ix.matched[code] = true
	} else {
		ix.stats.PagesWithoutRow++
	}
	ix.mu.Unlock()
	var fs []validate.Finding
	if later := ix.later[code]; ok && len(later) > 0 && !cfg.Off[validate.RuleListDuplicate] {
		lines := []string{strconv.Itoa(r.Line)}
		for _, n := range later {
			lines = append(lines, strconv.Itoa(n))
		}
		pos := d.Project.Code.Pos
		if !pos.IsValid() {
			pos = model.Pos{Line: 1, Col: 1}
		}
		fs = append(fs, validate.Finding{Rule: validate.RuleListDuplicate, Severity: severity(cfg, validate.RuleListDuplicate, validate.Warning),
			Pos: pos, Field: "project.code",
			Msg: parser.Msg("the project list has %d rows of project code %s (lines %s); this description is compared with the first", len(lines), code, strings.Join(lines, ", "))})
	}
	if !ok || cfg.Off[validate.RuleListMismatch] {
		return fs
	}
	sev := severity(cfg, validate.RuleListMismatch, validate.Warning)
	report := func(pos model.Pos, field, what, page, list string) {
		if !pos.IsValid() {
			pos = model.Pos{Line: 1, Col: 1}
		}
		fs = append(fs, validate.Finding{Rule: validate.RuleListMismatch, Severity: sev, Pos: pos, Field: field,
			Msg: parser.Msg("the %s differs from the project list (line %d): %s here, %s in the list", what, r.Line, page, list)})
	}
	text := func(p, l model.Text, field, what string) {
		if p.Valid && l.Valid && foldText(p.Value) != foldText(l.Value) {
			report(p.Pos, field, what, strconv.Quote(p.Value), strconv.Quote(l.Value))
		}
	}
	date := func(p, l model.Field[model.Date], field, what string) {
		if p.Valid && l.Valid && p.Value != l.Value {
			report(p.Pos, field, what, p.Value.Finnish(), l.Value.Finnish())
		}
	}
	amount := func(p, l model.Field[model.Fixed2], field, what string) {
		if !p.Present || p.Valid == l.Valid && p.Value == l.Value || !p.Valid && p.Raw != "" {
			return // not on the page, equal, or unreadable on the page (invalid-number says so)
		}
		report(p.Pos, field, what, euros(p), euros(l))
	}
	pp, lp := &d.Project, &r.Project
	if d.Language == "fi" {
		// An English page names the project and the authority in English;
		// the list has the Finnish names.
		text(pp.Name, lp.Name, "project.name", "project name")
		text(pp.Authority, lp.Authority, "project.authority", "authority")
	}
	text(d.Applicant.Name, r.Applicant.Name, "applicant.name", "applicant")
	date(pp.Period.Start, lp.Period.Start, "project.period.start", colStart)
	date(pp.Period.End, lp.Period.End, "project.period.end", colEnd)
	switch {
	case pp.State.Valid && lp.State.Valid:
		if pp.State.Value != lp.State.Value {
			report(pp.Status.Pos, "project.status", "status", strconv.Quote(pp.Status.Value), strconv.Quote(lp.Status.Value))
		}
	default:
		text(pp.Status, lp.Status, "project.status", "status")
	}
	pf, lf := &d.Funding, &r.Funding
	amount(pf.EUStateGranted, lf.EUStateGranted, "funding.eu_state_granted", amountNames[0])
	amount(pf.EUStateRealised, lf.EUStateRealised, "funding.eu_state_realised", amountNames[1])
	amount(pf.PublicPlanned, lf.PublicPlanned, "funding.public_planned", amountNames[2])
	amount(pf.PublicRealised, lf.PublicRealised, "funding.public_realised", amountNames[3])
	return fs
}

// severity is rule id's severity in cfg, def unless configured.
func severity(cfg validate.Config, id string, def validate.Severity) validate.Severity {
	if s, ok := cfg.Severity[id]; ok {
		return s
	}
	return def
}

// euros formats an amount for a message, "no value" when there is none.
func euros(f model.Field[model.Fixed2]) string {
	if !f.Valid {
		return noValue
	}
	return f.Value.Grouped() + " €"
}

// noValue stands for a missing amount in messages (translated as a term).
const noValue = "no value"

// foldText is a name as the comparison sees it: the exports lost commas
// (some became spaces or " |"), quotes and letter case vary, spaces repeat,
// and a copy may hold decomposed letters (a + combining diaeresis).
func foldText(s string) string {
	s = norm.NFC.String(s)
	s = strings.Map(func(r rune) rune {
		switch r {
		case ',', '|', '\u00a0':
			return ' '
		case '"':
			return -1
		}
		return r
	}, s)
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}
