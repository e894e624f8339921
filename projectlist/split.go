package projectlist

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/asectl/asectl/model"
	"github.com/asectl/asectl/parser"
)

// cell is one comma-separated piece of a row, untrimmed, with its byte
// offset in the row's body.
type cell struct {
	s   string
	off int
}

// splitter splits rows of one layout, reusing its buffers from row to row.
type splitter struct {
	lay    *layout
	cells  []cell
	offmap []int // for a row unwrapped from quotes: body offset → line offset
	line   string
	body   string // the text the cells index: the line, or its unwrapped form
	// Column counting: the last offset asked for and its column, so that
	// the columns of one row's cells (asked for left to right) cost one pass.
	colOff, col int
}

// Column names, for messages.
const (
	colStart = "start date"
	colEnd   = "end date"
)

var amountNames = [4]string{"EU and state funding granted", "EU and state funding realised", "planned public funding", "public funding realised"}

func (sp *splitter) fail(r *Row, line string, off int, m parser.Message) {
	// Nothing of a row that did not split is kept but the line, and the
	// code and fund that opened it.
	*r = Row{Source: r.Source, Line: r.Line, Programme: r.Programme, Fund: r.Fund,
		Project: model.Project{Code: r.Project.Code}, Repairs: r.Repairs[:0], Problems: r.Problems[:0]}
	r.Err = &m
	r.ErrCol = sp.column(off)
	r.Raw = line
}

// column is the 1-based character column of body offset off.
func (sp *splitter) column(off int) int {
	if sp.offmap != nil {
		if off >= len(sp.offmap) {
			off = len(sp.offmap) - 1
		}
		off = sp.offmap[off]
	}
	off = min(off, len(sp.line))
	if off < sp.colOff {
		sp.colOff, sp.col = 0, 1
	}
	sp.col += utf8.RuneCountInString(sp.line[sp.colOff:off])
	sp.colOff = off
	return sp.col
}

func (sp *splitter) pos(r *Row, off int) model.Pos {
	return model.Pos{Line: r.Line, Col: sp.column(off)}
}

// split fills r from one line (without its line end).
func (sp *splitter) split(r *Row, line string) {
	sp.line, sp.offmap, sp.colOff, sp.col = line, nil, 0, 1
	// Spreadsheet debris at the end: ";", ",;", ",,;", " ;". Empty cells
	// that remain are dropped below.
	body := strings.TrimRight(line, " \t;")
	if n := len(body); n >= 2 && body[0] == '"' && body[n-1] == '"' && !quotedFirstCell(body) {
		// The whole row wrapped in quotes with the inner quotes doubled
		// ("A70499,EAKR,…";), not a row of quoted cells ("A70499","EAKR",…).
		body = sp.unwrap(body[1 : n-1])
		r.Repairs = append(r.Repairs, "quoted")
	}
	sp.body = body
	sp.cells = sp.cells[:0]
	start := 0
	for i := 0; i <= len(body); i++ {
		if i == len(body) || body[i] == ',' {
			sp.cells = append(sp.cells, cell{body[start:i], start})
			start = i + 1
		}
	}
	all := sp.cells
	cells := all
	for len(cells) > 0 && strings.TrimSpace(cells[len(cells)-1].s) == "" {
		cells = cells[:len(cells)-1]
	}
	want := len(sp.lay.columns)
	if len(cells) < 2 {
		sp.fail(r, line, 0, parser.Msg("the row has %d columns, not the %d of the header", len(cells), want))
		return
	}

	// The code and the fund open the row.
	code, fund := cells[0], cells[1]
	if v, off := trimmed(code); v != "" && !strings.ContainsAny(v, " \t") {
		r.Project.Code.Set(v, sp.pos(r, off))
	} else {
		sp.fail(r, line, off, parser.Msg("the row does not start with a project code (%q)", v))
		return
	}
	if v, off := trimmed(fund); v == model.FundERDF || v == model.FundESF {
		r.Fund.Set(v, sp.pos(r, off))
	} else {
		sp.fail(r, line, off, parser.Msg("the second column holds %q, not a fund (EAKR or ESR)", v))
		return
	}
	// The four amounts close it: the last four cells or, when one of those
	// is not an amount, three amounts and one blank cell after them (a
	// blank last amount looks like debris) when text stands before them.
	n := len(cells)
	if !amountsAt(cells, n) && amountsAt(all, n+1) {
		if v, _ := trimmed(all[n-4]); v != "" && !isAmount(v) && !isDateForm(v) {
			cells = all[:n+1]
			n++
		}
	}
	if n < want {
		sp.fail(r, line, 0, parser.Msg("the row has %d columns, not the %d of the header", n, want))
		return
	}
	am := [4]*model.Field[model.Fixed2]{&r.Funding.EUStateGranted, &r.Funding.EUStateRealised, &r.Funding.PublicPlanned, &r.Funding.PublicRealised}
	for k := range 4 {
		c := cells[n-4+k]
		v, off := trimmed(c)
		if v == "" {
			am[k].Seen("", sp.pos(r, off))
			continue
		}
		x, err := model.ParseFixed2(v)
		if err != nil {
			sp.fail(r, line, off, parser.Msg("the column of the %s holds %q, not an amount: the row's columns have shifted", amountNames[k], v))
			return
		}
		am[k].Set(x, sp.pos(r, off))
	}

	// In between: name, [part,] axis, authority, status, start, end,
	// applicant. The status with two dates after it and the axis number
	// before it must be found in exactly one way.
	mid := cells[2 : n-4]
	part := 0
	if sp.lay.programme == Programme2007 {
		part = 1
	}
	type split struct{ axis, status int }
	var found []split
	statusAt := -1
	for j := range mid {
		if !isStatus(mid[j].s) {
			continue
		}
		if statusAt < 0 {
			statusAt = j
		}
		if j+3 >= len(mid) || !dateShaped(mid[j+1].s) || !dateShaped(mid[j+2].s) {
			continue
		}
		for i := 1 + part; i <= j-2; i++ {
			if isAxis(mid[i].s) {
				found = append(found, split{i, j})
			}
		}
	}
	if len(found) == 0 {
		// A status the service does not use (project-status reports it):
		// then two real dates must anchor it.
		for j := 2 + part; j+3 < len(mid); j++ {
			v, _ := trimmed(mid[j])
			if v == "" || isNumber(v) || !isDate(mid[j+1].s) || !isDate(mid[j+2].s) {
				continue
			}
			for i := 1 + part; i <= j-2; i++ {
				if isAxis(mid[i].s) {
					found = append(found, split{i, j})
				}
			}
		}
	}
	switch {
	case len(found) == 0:
		sp.explain(r, line, mid, statusAt, part)
		return
	case len(found) > 1:
		a, b := found[0], found[1]
		sp.fail(r, line, mid[0].off, parser.Msg("the row can be split in %d ways (the axis number and the status could be columns %d and %d, or %d and %d)",
			len(found), a.axis+3, a.status+3, b.axis+3, b.status+3))
		return
	}
	ax, st := found[0].axis, found[0].status

	sp.text(r, &r.Project.Name, mid[:ax-part])
	if part == 1 {
		sp.text(r, &r.Part, mid[ax-1:ax])
	}
	v, off := trimmed(mid[ax])
	r.Project.PriorityAxis.Number.Set(v, sp.pos(r, off))
	r.Project.PriorityAxis.Pos = r.Project.PriorityAxis.Number.Pos
	sp.text(r, &r.Project.Authority, mid[ax+1:st])
	v, off = trimmed(mid[st])
	r.Project.Status.Set(v, sp.pos(r, off))
	r.Project.Period.Pos = r.Project.Status.Pos
	if s, ok := stateOf(v); ok {
		r.Project.State.Set(s, r.Project.Status.Pos)
	}
	if !sp.date(r, line, &r.Project.Period.Start, mid[st+1], colStart, "project.period.start") ||
		!sp.date(r, line, &r.Project.Period.End, mid[st+2], colEnd, "project.period.end") {
		return
	}
	r.Project.Period.Pos = r.Project.Period.Start.Pos
	sp.text(r, &r.Applicant.Name, mid[st+3:])
	sp.repairMarks(r)
	// The spreadsheet pass that moved a name part also lost a date cell in
	// the 2014–2020 copy (lines 109, 124, 153: "Toiminnassa,31.12.2016,,"):
	// the one date left sits in the start column but is, by the project
	// codes' order, the end date. Which date it is cannot be told from the
	// row, so the row is not split by a guess.
	if slices.Contains(r.Repairs, "moved-name-part") && r.Project.Period.Start.Valid && !r.Project.Period.End.Valid {
		v, off := trimmed(mid[st+1])
		sp.fail(r, line, off, parser.Msg("the start date column holds %q and the end date column is blank in a row whose name part was moved: the row's columns have shifted, and %q may be either date", v, v))
	}
}

// explain fails a row that has no split, naming the first thing missing.
func (sp *splitter) explain(r *Row, line string, mid []cell, statusAt, part int) {
	if statusAt < 0 {
		sp.fail(r, line, mid[0].off, parser.Msg("no status column (%s) with two date columns after it", `"Toiminnassa", "Toiminta päättynyt"`))
		return
	}
	if statusAt+3 >= len(mid) {
		sp.fail(r, line, mid[statusAt].off, parser.Msg("the status column is not followed by the start date, end date and beneficiary columns"))
		return
	}
	for k, name := range []string{colStart, colEnd} {
		c := mid[statusAt+1+k]
		if !dateShaped(c.s) {
			v, off := trimmed(c)
			sp.fail(r, line, off, parser.Msg("the %s column holds %q, not a date: the row's columns have shifted", name, v))
			return
		}
	}
	sp.fail(r, line, mid[0].off, parser.Msg("no priority axis number between the name and the authority"))
}

// text sets f from the cells joined as they stood (commas included).
func (sp *splitter) text(r *Row, f *model.Text, cs []cell) {
	if len(cs) == 0 {
		return
	}
	first, last := cs[0], cs[len(cs)-1]
	s := sp.body[first.off : last.off+len(last.s)]
	lead := len(s) - len(strings.TrimLeft(s, " \t"))
	v := unquote(strings.TrimSpace(s))
	pos := sp.pos(r, first.off+lead)
	if v == "" {
		f.Seen("", pos)
		return
	}
	f.Set(v, pos)
}

// date sets a date column; it reports false when the row failed.
func (sp *splitter) date(r *Row, line string, f *model.Field[model.Date], c cell, name, field string) bool {
	v, off := trimmed(c)
	pos := sp.pos(r, off)
	if v == "" {
		f.Seen("", pos)
		return true
	}
	if isNumber(v) {
		// A spreadsheet's day number. Read as a date only when it is not one
		// of the row's amounts too: then the columns have shifted.
		n, _ := strconv.Atoi(v)
		fund := r.Funding
		for _, a := range []model.Field[model.Fixed2]{fund.EUStateGranted, fund.EUStateRealised, fund.PublicPlanned, fund.PublicRealised} {
			if a.Valid && a.Value == model.Fixed2(n)*100 {
				sp.fail(r, line, off, parser.Msg("the %s column holds %q, which is also one of the row's amounts: the row's columns have shifted", name, v))
				return false
			}
		}
		d := serialDate(n)
		f.Set(d, pos)
		f.Raw = v
		r.Repairs = append(r.Repairs, "serial-date")
		return true
	}
	d, err := parser.ParseDate(v)
	if err != nil {
		f.Seen(v, pos)
		r.Problems = append(r.Problems, parser.Problem{Pos: pos, Rule: parser.RuleInvalidDate, Field: field,
			Msg: parser.Msg("cannot read the date %q: %s", v, err.Error())})
		return true
	}
	f.Set(d, pos)
	return true
}

// serialDate is the date of a spreadsheet day number (1900 date system:
// day 60 is the non-existent 29.2.1900, so later days count from 30.12.1899).
func serialDate(n int) model.Date {
	return model.DateOf(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n))
}

// Serial day numbers read as dates: 1.1.2000–31.12.2030. Others are not
// dates.
const serialMin, serialMax = 36526, 47848

var (
	elyShort = regexp.MustCompile(`elinkeino-\s+liikenne-`)
	// An authority with a part of the name before it: "sekä … edistäminen
	// Keski-Suomen elinkeino-, liikenne- ja ympäristökeskus".
	movedPart = regexp.MustCompile(`^(.*\S)\s+(\S+\s+(?:elinkeino-, liikenne- ja ympäristökeskus|liitto|maakuntaliitto))$`)
)

// repairMarks undoes the spreadsheet pass that wrote " |" for a comma in a
// name and moved the name's next part past the axis, and the one that wrote
// "elinkeino-  liikenne-" for "elinkeino-, liikenne-".
func (sp *splitter) repairMarks(r *Row) {
	name, auth := &r.Project.Name, &r.Project.Authority
	marked := name.Valid && strings.Contains(name.Value, " |")
	if marked {
		name.Value = strings.ReplaceAll(name.Value, " |", ",")
		r.Repairs = append(r.Repairs, "name-mark")
	}
	if auth.Valid && elyShort.MatchString(auth.Value) {
		auth.Value = elyShort.ReplaceAllString(auth.Value, "elinkeino-, liikenne-")
		r.Repairs = append(r.Repairs, "authority-comma")
	}
	if marked && auth.Valid {
		if m := movedPart.FindStringSubmatch(auth.Value); m != nil {
			name.Value = strings.TrimSpace(name.Value) + ", " + m[1]
			auth.Value = m[2]
			auth.Pos.Col += utf8.RuneCountInString(m[0]) - utf8.RuneCountInString(m[2])
			r.Repairs = append(r.Repairs, "moved-name-part")
		}
	}
}

// unwrap undoes a whole-row quoting: "" becomes ", and offmap maps the
// result's offsets back to the line's.
func (sp *splitter) unwrap(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	sp.offmap = sp.offmap[:0]
	for i := 0; i < len(s); i++ {
		sp.offmap = append(sp.offmap, i+1)
		b.WriteByte(s[i])
		if s[i] == '"' && i+1 < len(s) && s[i+1] == '"' {
			i++
		}
	}
	sp.offmap = append(sp.offmap, len(s)+1)
	return b.String()
}

// trimmed is a cell's value without surrounding blanks (and quotes, for a
// properly quoted cell), with the offset where it starts.
func trimmed(c cell) (string, int) {
	s := c.s
	lead := len(s) - len(strings.TrimLeft(s, " \t"))
	s = strings.TrimSpace(s)
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' && !strings.Contains(s[1:len(s)-1], `"`) {
		return s[1 : len(s)-1], c.off + lead + 1
	}
	return s, c.off + lead
}

// unquote reads a free-text value: a properly quoted one (RFC 4180) is
// decoded; otherwise doubled quotes left by a spreadsheet become single.
func unquote(s string) string {
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		in := s[1 : len(s)-1]
		ok := true
		for i := 0; i < len(in) && ok; i++ {
			if in[i] == '"' {
				ok = i+1 < len(in) && in[i+1] == '"'
				i++
			}
		}
		if ok {
			return strings.ReplaceAll(in, `""`, `"`)
		}
	}
	if strings.Contains(s, `""`) {
		return strings.ReplaceAll(s, `""`, `"`)
	}
	return s
}

func isNumber(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isAxis matches a priority axis number: one or two digits.
func isAxis(s string) bool {
	v, _ := trimmed(cell{s: s})
	return len(v) <= 2 && isNumber(v)
}

// statuses are the statuses the service prints, and the state of each.
var (
	statuses                   []struct{ text, state string }
	statusMinLen, statusMaxLen int // in bytes, for a quick rejection of most cells
)

func init() {
	statusMinLen = 1 << 30
	for _, code := range []string{"fi", "en"} {
		if l := parser.LanguageByCode(code); l != nil {
			for s, st := range l.Statuses {
				statuses = append(statuses, struct{ text, state string }{s, st})
				statusMinLen, statusMaxLen = min(statusMinLen, len(s)), max(statusMaxLen, len(s))
			}
		}
	}
}

func isStatus(s string) bool {
	_, ok := stateOf(s)
	return ok
}

func stateOf(s string) (string, bool) {
	if len(s) < statusMinLen || len(s) > 2*statusMaxLen {
		return "", false // most cells: names, dates, amounts
	}
	v, _ := trimmed(cell{s: s})
	if v == "" || v[0] == '"' {
		return "", false
	}
	if strings.Contains(v, "  ") || strings.IndexByte(v, '\t') >= 0 || strings.Contains(v, "\u00a0") {
		v = strings.Join(strings.Fields(v), " ") // rare: spaced out
	}
	for _, st := range statuses {
		if len(st.text) == len(v) && strings.EqualFold(st.text, v) {
			return st.state, true
		}
	}
	return "", false
}

// dateShaped matches what may stand in a date column: nothing, d.m.yyyy
// (checked against the calendar later) or a spreadsheet day number.
func dateShaped(s string) bool {
	v, _ := trimmed(cell{s: s})
	if v == "" || isDateForm(v) {
		return true
	}
	if isNumber(v) && len(v) == 5 {
		n, _ := strconv.Atoi(v)
		return n >= serialMin && n <= serialMax
	}
	return false
}

// isDate matches d.m.yyyy.
func isDate(s string) bool {
	v, _ := trimmed(cell{s: s})
	return isDateForm(v)
}

func isDateForm(v string) bool {
	d, rest, ok1 := strings.Cut(v, ".")
	m, y, ok2 := strings.Cut(rest, ".")
	return ok1 && ok2 && len(d) >= 1 && len(d) <= 2 && len(m) >= 1 && len(m) <= 2 && len(y) == 4 &&
		isNumber(d) && isNumber(m) && isNumber(y)
}

// amountsAt reports whether the four cells before index e are amounts or
// blank, with at least the code, fund and nine columns before them.
func amountsAt(cs []cell, e int) bool {
	if e < 4+2 || e > len(cs) {
		return false
	}
	for _, c := range cs[e-4 : e] {
		if v, _ := trimmed(c); v != "" && !isAmount(v) {
			return false
		}
	}
	return true
}

func isAmount(v string) bool {
	_, err := model.ParseFixed2(v)
	return err == nil
}

// quotedFirstCell reports whether a line starts with a quoted cell of its
// own ("A70001",…) rather than a quote around the whole row.
func quotedFirstCell(line string) bool {
	i := strings.IndexByte(line, ',')
	return i > 1 && strings.TrimRight(line[:i], " ")[len(strings.TrimRight(line[:i], " "))-1] == '"'
}
