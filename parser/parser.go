// Package parser reads EURA 2014 project descriptions into model values.
//
// The parser is a single pass over the lines with a section state machine.
// A heading counts only where a known heading stands, in order; a
// "Label: value" line is a field only inside a field section; free text
// keeps whatever it holds. It never panics and always terminates: every
// step consumes one line.
package parser

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/asectl/asectl/model"
)

// Options tune one parse.
type Options struct {
	// Encoding forces a text encoding (see Encodings); "" or "auto" detects.
	Encoding string
	// Languages are the label tables to read with, the page's own
	// language found among them, the first winning a tie; nil entries are
	// left out, and none (nil, empty) means the built-in ones (Languages:
	// Finnish, English). LoadLanguage reads another.
	Languages []*Language
}

// Result is a parsed description with what could not be read in it.
type Result struct {
	Doc      *model.Description
	Problems []Problem
	Encoding string // the encoding the bytes were read as
	// HTML says the input was an HTML page, read as the text a reader sees
	// in it; positions point into the page's source.
	HTML bool
}

// ErrNotDescription means the input is not recognisable as a description.
var ErrNotDescription = errors.New("not an EURA 2014 project description")

// NotDescriptionReason returns why an input is not a description ("the file
// is empty", …), for messages that put it in their own words.
func NotDescriptionReason(err error) (string, bool) {
	if !errors.Is(err, ErrNotDescription) {
		return "", false
	}
	return strings.TrimPrefix(err.Error(), ErrNotDescription.Error()+": "), true
}

// Parse reads one description. source names it in the model ("-" for
// stdin). The error is non-nil only when the input cannot be decoded (it
// wraps ErrEncoding) or is not a description at all (it wraps
// ErrNotDescription; NotDescriptionReason gives why); everything else is a
// Problem of the Result.
//
// Nothing of the result shares memory with src: the caller may reuse src
// as soon as Parse returns. The model's strings are parts of one string,
// the decoded text, which they keep alive: a consumer that keeps a few
// values of many descriptions should copy them (strings.Clone) so that the
// texts can go. (A copy of each value cost 6 % of a parse, measured.)
//
// An HTML page (recognised by its content, or by a name ending in .html or
// .htm and some markup) is read as the text a reader sees in it (see
// package htmltext); positions then point into the page.
func Parse(source string, src []byte, opt Options) (*Result, error) {
	text, enc, clean, err := decode(src, opt.Encoding)
	if err != nil {
		return nil, err
	}
	var res *Result
	if isHTML(source, text) {
		res, err = parseHTML(source, src, text, enc, clean, opt)
	} else {
		res, err = parseText(source, text, enc, clean, opt.Languages)
	}
	if err != nil {
		return nil, err
	}
	res.Doc.Problems = res.Problems
	return res, nil
}

// parseText reads decoded text.
func parseText(source, text, enc string, clean bool, langs []*Language) (*Result, error) {
	langs = tables(langs)
	sc := getScratch()
	sc.lines = splitLines(text, sc.lines, clean)
	defer putScratch(sc)
	p := &parser{
		doc:   model.New(source),
		src:   text,
		lines: sc.lines,
		fold:  &folder{langs: langs},
	}
	for _, l := range langs {
		p.maxShort = max(p.maxShort, l.maxShort)
	}
	p.lang = detectLanguage(p.lines, p.fold)
	p.doc.Language = p.lang.Code
	p.headingLines = headingLines(p.lines, p.fold)
	p.flat = len(p.headingLines) == 0
	p.run()
	if !p.doc.FundFromHeader && !p.doc.Project.Code.Present {
		// No 2014 header line and no project code: maybe a page of
		// another programme period, which is refused as such rather than
		// half read.
		if reason := otherPeriod(p.lines, p.fold); reason != "" {
			return nil, fmt.Errorf("%w: %s", ErrNotDescription, reason)
		}
	} else if reason := code2007(p.lines, p.fold, p.doc.Project.Code); reason != "" {
		// A 2007 page in a language whose 2007 labels are not known, read
		// by the 2014 labels it shares.
		return nil, fmt.Errorf("%w: %s", ErrNotDescription, reason)
	}
	if !p.recognised() {
		return nil, notDescription(text, p.lines)
	}
	p.finish()
	sortProblems(p.problems)
	return &Result{Doc: p.doc, Problems: p.problems, Encoding: enc}, nil
}

func notDescription(text string, lines []line) error {
	switch {
	case strings.TrimSpace(text) == "":
		if text == "" {
			return fmt.Errorf("%w: %s", ErrNotDescription, reasonEmpty)
		}
		return fmt.Errorf("%w: %s", ErrNotDescription, reasonBlank)
	case strings.Count(text, "\x00") > len(text)/16 || looksBinary(lines):
		return fmt.Errorf("%w: the file holds binary data, not text", ErrNotDescription)
	}
	return fmt.Errorf("%w: %s", ErrNotDescription, reasonNoLabel)
}

func looksBinary(lines []line) bool {
	ctrl := 0
	for _, l := range lines {
		if l.ctrl {
			ctrl++
		}
	}
	return ctrl > 0 && ctrl*4 >= len(lines)
}

// sectionKind says how a section's lines are read: a known section's kind
// (model.SectionKind), or kindIndicator.
type sectionKind = model.SectionKind

const (
	kindNone      = model.SectionNone      // before section 1: banner and header
	kindFields    = model.SectionFields    // "Label: value" lines
	kindText      = model.SectionText      // free text
	kindContainer = model.SectionContainer // a heading whose content is in its subsections
	kindQuestions = model.SectionQuestions // 8.1: yes/no questions with justifications
	kindScores    = model.SectionScores    // 8.2: the sustainability table
	// kindIndicator is an indicator subsection of 7 other than 7.1 and 7.2
	// (not a known section: the parser's own kind).
	kindIndicator sectionKind = 255
)

type parser struct {
	doc   *model.Description
	lang  *Language
	lines []line
	fold  *folder // folds labels; its langs are the parse's label tables
	flat  bool    // no heading anywhere: sections are inferred from labels
	// maxShort is the longest header, group or criterion name of 8.2 in
	// any of the languages: a longer line is none of them.
	maxShort int

	headingLines []headingAt // the known headings that may still be taken, in line order
	langs        []*Language // langsFirst, once asked
	langBuf      [4]*Language
	problems     []Problem
	seen         [numFields]model.Pos // where each field was first set (Line 0: not yet)

	sec       string // current section number; "" before section 1
	rank      int    // sectionRank(sec), asked on every line; in an unknown subsection, its parent's last known one's
	other     int    // in an unknown subsection: its index in its list, plus one
	otherSeen [2]int // the lines of the planned and realised figures of an other indicator (0: not yet)
	cur       int    // index in lines of the line being read
	tableSec  string // the 8.1 or 8.2 whose last row is lines[tableEnd] (see tableGoesOn)
	tableEnd  int
	kind      sectionKind // SectionOf(sec).kind()
	list      string      // "applicant.co_implementers" etc. while a list runs in section 2
	site      bool        // after the site heading in section 6
	src       string      // the decoded input
	text      *textBuf
	answer    *model.Answer // 8.1: the question whose justification runs
	answerBuf *textBuf
	score     *model.Score // 8.2: the row whose justification runs
	scoreBuf  *textBuf
	// The buffers text, answerBuf and scoreBuf point to while open.
	textStore, answerStore, scoreStore textBuf
	group                              model.Text
	fields                             int // known field labels read
	headings                           int
	stopped                            bool
}

func (p *parser) report(pos model.Pos, rule, field string, m Message) {
	p.problems = append(p.problems, Problem{Pos: pos, Rule: rule, Field: field, Msg: m})
}

func (p *parser) recognised() bool {
	return p.doc.FundFromHeader || p.headings > 0 || p.fields >= 2
}

func (p *parser) run() {
	for i := range p.lines {
		l := &p.lines[i]
		p.cur = i
		if l.ctrl {
			p.report(model.Pos{Line: l.num, Col: l.col(0)}, RuleControlChar, "",
				Msg("control or invisible characters were removed from this line"))
		}
		if p.stopped {
			continue
		}
		if l.body == "" {
			p.blank(l)
			continue
		}
		if p.heading(l) {
			continue
		}
		if p.secondDescription(l) {
			p.stopped = true
			continue
		}
		if p.otherHeading(l) {
			continue
		}
		switch p.kind {
		case kindNone:
			p.preamble(l)
		case kindFields:
			p.fieldLine(l)
		case kindText:
			p.textLine(l)
		case kindContainer:
			p.containerLine(l)
		case kindQuestions:
			p.questionLine(l)
		case kindScores:
			p.scoreLine(l)
		case kindIndicator:
			p.indicatorLine(l)
		}
	}
}

func (p *parser) blank(l *line) {
	switch {
	case p.text != nil:
		p.addLine(p.text, l)
	case p.answerBuf != nil:
		p.addLine(p.answerBuf, l)
	case p.scoreBuf != nil:
		p.addLine(p.scoreBuf, l)
	}
}

// enter moves to section num, closing what the current one had open.
func (p *parser) enter(num string, pos model.Pos, implicit bool) {
	p.closeSection()
	p.sec, p.rank, p.kind = num, sectionRank(num), SectionOf(num).Kind()
	if !p.doc.Sections.Has(num) {
		p.doc.Sections[num] = model.SectionInfo{Pos: pos, Implicit: implicit}
	}
	// A subsection implies its parent.
	if i := strings.IndexByte(num, '.'); i > 0 && !p.doc.Sections.Has(num[:i]) {
		p.doc.Sections[num[:i]] = model.SectionInfo{Pos: pos, Implicit: true}
	}
	if !implicit {
		p.doc.HeadingsFound = true
	}
	if path := textPath(SectionOf(num)); path != "" {
		p.text = newBuf(&p.textStore, path)
	}
}

func (p *parser) closeSection() {
	if p.text != nil {
		p.setText(p.text)
		p.text = nil
	}
	p.closeAnswer()
	p.closeScore()
	p.list, p.site = "", false
}

func (p *parser) finish() {
	p.closeSection()
	p.doc.End = model.Pos{Line: 1, Col: 1}
	for i := len(p.lines) - 1; i >= 0; i-- {
		if l := &p.lines[i]; l.body != "" {
			p.doc.End = model.Pos{Line: l.num, Col: l.col(len(l.body))}
			break
		}
	}
	if !p.doc.Fund.Valid {
		// A copy without its header line: the code's letter names the fund.
		if c := p.doc.Project.Code; c.Valid && c.Value != "" {
			switch unicode.ToUpper(rune(c.Value[0])) {
			case 'A':
				p.doc.Fund.Set(model.FundERDF, c.Pos)
			case 'S':
				p.doc.Fund.Set(model.FundESF, c.Pos)
			}
		}
	}
}

// heading recognises a known section heading that comes later than the
// current section.
func (p *parser) heading(l *line) bool {
	num := l.knownHeading(p.fold)
	if num == "" || sectionRank(num) <= p.rank {
		return false
	}
	p.headings++
	p.enter(num, model.Pos{Line: l.num, Col: l.col(0)}, false)
	return true
}

// splitHeading splits "4.1 Title" (also "4.1. Title") into number and title.
func splitHeading(s string) (num, title string, ok bool) {
	i := 0
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.') {
		i++
	}
	if i == 0 || i > 5 || i == len(s) || (s[i] != ' ' && s[i] != '\t') {
		return "", "", false
	}
	return strings.TrimSuffix(s[:i], "."), strings.TrimSpace(s[i:]), true
}

// titleMatches reports whether a folded title is section num's heading in
// a language. The title may go on ("7.1 … (kysytään vain …)"), but not
// mid-word.
func titleMatches(l *Language, num, folded string) bool {
	want, ok := l.headingIdx[num]
	if !ok || !strings.HasPrefix(folded, want) {
		return false
	}
	rest := folded[len(want):]
	return rest == "" || rest[0] == ' ' || rest[0] == '('
}

// headingMatches reports whether "num title" is a known heading in any
// of the languages.
func headingMatches(langs []*Language, num, title string) bool {
	t := normLabel(title)
	for _, l := range langs {
		if titleMatches(l, num, t) {
			return true
		}
	}
	return false
}

// headingAt is a known heading's place.
type headingAt struct {
	line int
	num  string
}

// headingLines lists the known headings in line order, whatever their
// order of sections.
func headingLines(lines []line, f *folder) []headingAt {
	out := make([]headingAt, 0, numSections)
	for i := range lines {
		if num := lines[i].knownHeading(f); num != "" {
			out = append(out, headingAt{lines[i].num, num})
		}
	}
	return out
}

// secondDescription stops the parse at a second header line: one file holds
// one description, and silently merging two would give wrong values.
func (p *parser) secondDescription(l *line) bool {
	// Once the first description has begun, a header line starts another,
	// whether or not the first had a header of its own.
	if p.sec == "" {
		return false
	}
	if _, ok := headerFund(l, p.fold); !ok {
		return false
	}
	p.report(model.Pos{Line: l.num, Col: l.col(0)}, RuleMultipleDocs, "",
		Msg("a second description starts here; asectl reads one description per file, so the rest of the file was not read"))
	return true
}

// fundBrackets are the bracketed fund names every header line carries, in
// folded form. index checks that each header of the label tables has one.
var fundBrackets = [...]struct{ token, fund string }{
	{"(eakr)", model.FundERDF}, {"(erdf)", model.FundERDF},
	{"(esr)", model.FundESF}, {"(esf)", model.FundESF},
}

// fundBracket returns the fund of the first bracketed fund name in s, in
// any letter case. It is the cheap test every line gets: a line without one
// is no header line.
func fundBracket(s string) (string, bool) {
	for {
		i := strings.IndexByte(s, '(')
		if i < 0 {
			return "", false
		}
		s = s[i:]
		// Every token goes on with an e: one comparison rules out most
		// brackets of free text.
		if len(s) < 2 || s[1]|0x20 != 'e' {
			s = s[1:]
			continue
		}
		for _, b := range fundBrackets {
			if len(s) >= len(b.token) && strings.EqualFold(s[:len(b.token)], b.token) {
				return b.fund, true
			}
		}
		s = s[1:]
	}
}

func headerFund(l *line, f *folder) (string, bool) {
	if len(l.body) > maxLabelBytes {
		return "", false // longer than any header; fold would give "" anyway
	}
	fund, ok := fundBracket(l.body)
	if !ok {
		return "", false
	}
	n := l.normBody(f)
	for _, l := range f.langs {
		if f, ok := l.headerIdx[n]; ok {
			return f, true
		}
	}
	// A header line worded differently still names its fund in brackets;
	// a field whose value happens to end the same way is no header.
	if !strings.Contains(n, ":") && (strings.HasSuffix(n, "hankkeen kuvaus") || strings.HasPrefix(n, "description of the project")) {
		return fund, true
	}
	return "", false
}

func (p *parser) preamble(l *line) {
	if fund, ok := headerFund(l, p.fold); ok {
		p.doc.Fund.Set(fund, model.Pos{Line: l.num, Col: l.col(0)})
		p.doc.FundFromHeader = true
		return
	}
	if p.isBanner(l) {
		return
	}
	// A copy without headings starts straight with fields.
	if label, value, off, ok := splitLabel(l.body); ok {
		switch sec, id, d := p.implicitSection(l, byLabel); d {
		case switchNow:
			p.enter(sec, model.Pos{Line: l.num, Col: l.col(0)}, true)
			p.setField(id, l, label, value, off)
			return
		case switchLater:
			// Its section's heading is still to come: not its place.
			p.report(model.Pos{Line: l.num, Col: l.col(0)}, RuleUnexpectedText, "",
				Msg("unexpected text before section 1: %q", clip(l.body)))
			return
		}
	}
	// Anything else before section 1 (page chrome, image links) is ignored.
}

func (p *parser) isBanner(l *line) bool {
	n := l.normBody(p.fold)
	for _, l := range p.fold.langs {
		if l.bannerIdx[n] {
			return true
		}
	}
	return false
}

// splitLabel splits "Label: value". off is the byte offset of the value in
// the line body (or of the end of the label when the value is empty).
func splitLabel(body string) (label, value string, off int, ok bool) {
	i := strings.IndexByte(body, ':')
	if i <= 0 {
		return "", "", 0, false
	}
	label = strings.TrimSpace(body[:i])
	rest := body[i+1:]
	value = strings.TrimSpace(rest)
	off = i + 1 + leadSpace(rest)
	if value == "" {
		off = 0
	}
	return label, value, off, label != ""
}

// looksLikeLabel tells a "Label: value" line from prose that has a colon.
func looksLikeLabel(label string) bool {
	if utf8.RuneCountInString(label) > 80 || strings.ContainsAny(label, ".!?;") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(label)
	return unicode.IsLetter(r)
}

// lookupField finds a folded label in a section, in the page's language
// first.
// langsFirst lists the page's language, then every language (the page's
// again: it costs a miss, not an allocation).
func (p *parser) langsFirst() []*Language {
	if p.langs == nil {
		p.langs = append(append(p.langBuf[:0], p.lang), p.fold.langs...)
	}
	return p.langs
}

func (p *parser) lookupField(sec, n string) (fieldID, bool) {
	rank := sectionRank(sec)
	if id, ok := p.lang.fieldIdx[rank][n]; ok {
		return id, true
	}
	for _, l := range p.fold.langs {
		if l != p.lang {
			if id, ok := l.fieldIdx[rank][n]; ok {
				return id, true
			}
		}
	}
	return 0, false
}

// laterField finds a label that belongs to a field section after the
// current one, for copies that lost their headings.
func (p *parser) laterField(key string) (string, fieldID, bool) {
	cur := p.rank
	for s := Section(cur + 1); int(s) <= numSections; s++ {
		if k := s.Kind(); k != kindFields && k != kindQuestions {
			continue
		}
		sec := s.String()
		// Section 6 shares its site labels with section 2, and 7.2 its labels
		// with 7.1: only the first section with a label may claim it.
		if id, ok := p.lookupField(sec, key); ok {
			return sec, id, true
		}
	}
	return "", 0, false
}

func (p *parser) fieldLine(l *line) {
	label, value, off, isLabel := splitLabel(l.body)
	if isLabel {
		key := l.labelKey(p.fold)
		id, ok := p.lookupField(p.sec, key)
		if ok && p.seen[id].Line > 0 {
			if sec, later, d := p.implicitSection(l, byRepeat); d == switchNow {
				p.enter(sec, model.Pos{Line: l.num, Col: l.col(0)}, true)
				p.setField(later, l, label, value, off)
				return
			}
		}
		if ok {
			if p.sec == "6" && strings.HasPrefix(id.Path(), "area.site.") && !p.site {
				// Site fields before the site heading: still the site address.
				p.site = true
			}
			p.list = ""
			p.setField(id, l, label, value, off)
			return
		}
		if sec, path, d := p.implicitSection(l, byLabel); d == switchNow {
			p.enter(sec, model.Pos{Line: l.num, Col: l.col(0)}, true)
			p.setField(path, l, label, value, off)
			return
		}
	}
	if p.sec == "2" {
		if path, ok := p.listHeading(l); ok {
			p.list = path
			return
		}
		if p.list != "" && p.listItem(l) {
			return
		}
	}
	if p.sec == "6" && p.isSiteHeading(l) {
		p.site = true
		return
	}
	if isLabel && looksLikeLabel(label) {
		p.report(model.Pos{Line: l.num, Col: l.col(0)}, RuleUnknownField, "",
			Msg("unknown field %q in section %s", label, p.sec))
		return
	}
	if sec, _, d := p.implicitSection(l, byText); d == switchNow {
		p.enter(sec, model.Pos{Line: l.num, Col: l.col(0)}, true)
		p.textLine(l)
		return
	}
	p.report(model.Pos{Line: l.num, Col: l.col(0)}, RuleUnexpectedText, "",
		Msg("unexpected text in section %s: %q", p.sec, clip(l.body)))
}

// implicitCause is what about a line may open a later section whose
// heading is missing.
type implicitCause int

const (
	byLabel       implicitCause = iota // a label known in a later field section
	byRepeat                           // a label seen already here, known in a later section ("Suunniteltu:" again: 7.2)
	byLabelInText                      // in a flattened copy's free text, a label of section 5 or later
	byScoreHeader                      // in a flattened copy, the header of the sustainability table (8.2)
	byText                             // in a flattened copy, text after the applicant's fields (the summary, 3)
)

// switchDecision is implicitSection's answer.
type switchDecision int

const (
	noSwitch    switchDecision = iota
	switchNow                  // open sec here, without its heading
	switchLater                // the line belongs to sec, whose heading is still to come
)

// implicitSection is the one place where the parser decides that a line
// which is not a heading opens a later section (a copy that lost a
// heading, or all of them): which section, and for a label, which field
// it sets. Explicit changes are headings (heading), taken in order.
func (p *parser) implicitSection(l *line, why implicitCause) (string, fieldID, switchDecision) {
	var sec string
	var id fieldID
	switch why {
	case byLabel, byRepeat, byLabelInText:
		if why == byLabelInText && (!p.flat || p.rank >= sectionRank("5")) {
			return "", 0, noSwitch
		}
		var ok bool
		sec, id, ok = p.laterField(l.labelKey(p.fold))
		switch {
		case !ok:
			return "", 0, noSwitch
		case why == byRepeat && p.seen[id].Line > 0:
			// A label that belongs to no later section stays a duplicate.
			return "", 0, noSwitch
		case why == byLabelInText && sectionRank(sec) < sectionRank("5"):
			return "", 0, noSwitch
		}
	case byScoreHeader:
		if !p.flat || !p.isScoreHeader(l) {
			return "", 0, noSwitch
		}
		return "8.2", 0, switchNow
	case byText:
		if !p.flat || p.sec != "2" {
			return "", 0, noSwitch
		}
		return "3", 0, switchNow
	}
	if !p.implicitSwitchOK(sec, l.num) {
		return sec, id, switchLater
	}
	return sec, id, switchNow
}

// implicitSwitchOK allows a label on line n to open a later section sec
// only where that section's heading really is missing: no heading still to
// come would open sec, or a section between, in order. (In a flattened
// copy there are no headings at all.)
//
// A heading behind line n or of a section not after the running one is
// never taken, and stays so for every later call: lines and the running
// section only move forward. So the skipped headings are dropped for good,
// and a file with many headings and labels costs linear time, not
// quadratic.
func (p *parser) implicitSwitchOK(sec string, n int) bool {
	running, target := p.rank, sectionRank(sec)
	hs := p.headingLines
	for len(hs) > 0 && (hs[0].line <= n || sectionRank(hs[0].num) <= running) {
		hs = hs[1:]
	}
	p.headingLines = hs
	if len(hs) == 0 {
		return true
	}
	// The next heading to be taken: if it opens sec or a section before it,
	// sec's heading is still to come; otherwise it cannot come.
	return sectionRank(hs[0].num) > target
}

func clip(s string) string {
	if utf8.RuneCountInString(s) <= 60 {
		return s
	}
	r := []rune(s)
	return string(r[:57]) + "…"
}

func (p *parser) listHeading(l *line) (string, bool) {
	n := l.normBody(p.fold)
	if path, ok := p.lang.listIdx[n]; ok {
		return path, true
	}
	for _, l := range p.fold.langs {
		if path, ok := l.listIdx[n]; ok {
			return path, true
		}
	}
	return "", false
}

func (p *parser) isSiteHeading(l *line) bool {
	n := l.normBody(p.fold)
	for _, l := range p.fold.langs {
		if l.siteIdx[n] {
			return true
		}
	}
	return false
}

// listItem reads "Name, 1234567-8". In a flattened copy only a line that
// ends in something ID-shaped counts, since the summary follows directly.
func (p *parser) listItem(l *line) bool {
	body := l.body
	name, id := body, ""
	idOff := -1
	if i := strings.LastIndexByte(body, ','); i > 0 {
		tail := strings.TrimSpace(body[i+1:])
		if tail != "" && !strings.ContainsAny(tail, " \t") && strings.ContainsAny(tail, "0123456789") {
			name, id = strings.TrimSpace(body[:i]), tail
			idOff = i + 1 + leadSpace(body[i+1:])
		}
	}
	if id == "" && p.flat {
		return false
	}
	pos := model.Pos{Line: l.num, Col: l.col(0)}
	org := model.Organisation{Pos: pos}
	org.Name.Set(name, pos)
	if id != "" {
		org.BusinessID.Set(id, model.Pos{Line: l.num, Col: l.col(idOff)})
	} else {
		org.BusinessID.Seen("", pos)
	}
	switch p.list {
	case "applicant.co_implementers":
		p.doc.Applicant.CoImplementers = append(p.doc.Applicant.CoImplementers, org)
	case "applicant.transfer_recipients":
		p.doc.Applicant.TransferRecipients = append(p.doc.Applicant.TransferRecipients, org)
	}
	return true
}

func (p *parser) textLine(l *line) {
	// (Only a flattened copy's text may open a section: the cheap test
	// first, so that the text of a page with headings is not split.)
	if p.flat {
		if label, value, off, ok := splitLabel(l.body); ok {
			if sec, path, d := p.implicitSection(l, byLabelInText); d == switchNow {
				p.enter(sec, model.Pos{Line: l.num, Col: l.col(0)}, true)
				p.setField(path, l, label, value, off)
				return
			}
		}
		if sec, _, d := p.implicitSection(l, byScoreHeader); d == switchNow {
			p.enter(sec, model.Pos{Line: l.num, Col: l.col(0)}, true)
			return
		}
	}
	if p.text == nil {
		p.text = newBuf(&p.textStore, textPath(SectionOf(p.sec)))
	}
	p.addLine(p.text, l)
}

func (p *parser) containerLine(l *line) {
	p.report(model.Pos{Line: l.num, Col: l.col(0)}, RuleUnexpectedText, "",
		Msg("unexpected text in section %s before its subsections: %q", p.sec, clip(l.body)))
}

func (p *parser) questionLine(l *line) {
	if label, value, off, ok := splitLabel(l.body); ok {
		if path, ok := p.lookupField("8.1", l.labelKey(p.fold)); ok {
			p.closeAnswer()
			p.setField(path, l, label, value, off)
			return
		}
	}
	if sec, _, d := p.implicitSection(l, byScoreHeader); d == switchNow {
		p.enter(sec, model.Pos{Line: l.num, Col: l.col(0)}, true)
		return
	}
	if p.answerBuf == nil {
		p.report(model.Pos{Line: l.num, Col: l.col(0)}, RuleUnexpectedText, "",
			Msg("unexpected text in section 8.1 before its first question: %q", clip(l.body)))
		return
	}
	p.addLine(p.answerBuf, l)
}

func (p *parser) closeAnswer() {
	if p.answer != nil && p.answerBuf != nil {
		p.into(p.answerBuf, &p.answer.Justification)
	}
	p.answer, p.answerBuf = nil, nil
}

func (p *parser) isScoreHeader(l *line) bool {
	n := l.normBody(p.fold)
	for _, l := range p.fold.langs {
		if l.scoreHdrIdx[n] {
			return true
		}
	}
	return false
}

func (p *parser) groupName(l *line) bool {
	n := l.normBody(p.fold)
	for _, l := range p.fold.langs {
		if _, ok := l.groupIdx[n]; ok {
			return true
		}
	}
	return false
}

// criterionRef identifies a folded criterion name in any language (see
// model.Score.Ref).
func (f *folder) criterionRef(folded string) int {
	for _, l := range f.langs {
		if gc, ok := l.critIdx[folded]; ok {
			return gc[0]*100 + gc[1] + 1
		}
	}
	return 0
}

// knownCriterion reports whether a folded name is a criterion in any
// language.
func (f *folder) knownCriterion(folded string) bool {
	for _, l := range f.langs {
		if _, ok := l.critIdx[folded]; ok {
			return true
		}
	}
	return false
}

func (p *parser) scoreLine(l *line) {
	pos := model.Pos{Line: l.num, Col: l.col(0)}
	name, d, i, dOff, iOff, ok := splitScoreRow(l.body)
	row := ok && looksLikeScore(d) && looksLikeScore(i)
	// Headers, group names and bare criterion names are short, and never
	// end in two scores (the language tables are checked for it); a long
	// line is a row with scores or a justification.
	if !row && len(l.body) <= p.maxShort {
		switch {
		case p.isScoreHeader(l):
			p.closeScore()
			return
		case p.groupName(l):
			p.closeScore()
			p.group = model.Text{}
			p.group.Set(l.body, pos)
			return
		case p.fold.knownCriterion(l.normBody(p.fold)):
			// A criterion with no scores printed.
			p.addScore(l, l.body, "", "", 0, 0)
			return
		}
	}
	// A justification line may end in two numbers too; it is a new row only
	// if the name is a known criterion or no justification is expected.
	expectingJustification := p.score != nil && p.scoreBuf != nil && bufEmpty(p.scoreBuf)
	if row && !expectingJustification ||
		ok && len(name) <= p.maxShort && p.fold.knownCriterion(p.fold.fold(name)) {
		p.addScore(l, name, d, i, dOff, iOff)
		return
	}
	if p.scoreBuf == nil {
		p.report(pos, RuleUnexpectedText, "", Msg("unexpected text in section 8.2: %q", clip(l.body)))
		return
	}
	p.addLine(p.scoreBuf, l)
}

func looksLikeScore(s string) bool {
	if s == "-" {
		return true
	}
	for _, r := range s {
		if (r < '0' || r > '9') && r != '.' && r != ',' {
			return false
		}
	}
	return s != ""
}

// lastBlank is strings.LastIndexAny(s, " \t") without building a set of
// the two bytes on every call: every line of section 8.2 is asked.
func lastBlank(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == ' ' || s[i] == '\t' {
			return i
		}
	}
	return -1
}

// trimBlanks drops trailing spaces and tabs (strings.TrimRight with a
// cutset builds a set on every call: 1 % of a validate batch, every line of
// section 8.2 being tried as a score row).
func trimBlanks(s string) string {
	for s != "" && (s[len(s)-1] == ' ' || s[len(s)-1] == '\t') {
		s = s[:len(s)-1]
	}
	return s
}

// splitScoreRow splits "<criterion> <direct> <indirect>".
func splitScoreRow(body string) (name, d, i string, dOff, iOff int, ok bool) {
	iOff = lastBlank(body) + 1
	if iOff <= 0 {
		return "", "", "", 0, 0, false
	}
	i = body[iOff:]
	head := trimBlanks(body[:iOff])
	dOff = lastBlank(head) + 1
	if dOff <= 0 {
		return "", "", "", 0, 0, false
	}
	d = head[dOff:]
	name = trimBlanks(head[:dOff])
	return name, d, i, dOff, iOff, name != ""
}

func (p *parser) addScore(l *line, name, d, i string, dOff, iOff int) {
	p.closeScore()
	pos := model.Pos{Line: l.num, Col: l.col(0)}
	s := model.Score{Group: p.group, Pos: pos}
	s.Criterion.Set(name, pos)
	if len(name) <= p.maxShort {
		s.Ref = model.CriterionRef(p.fold.criterionRef(p.fold.fold(name)))
	}
	// The figures' columns: the name before them is counted once, not once
	// for each.
	n := l.indent + runeCount(l.body[:dOff])
	dCol, iCol := l.colOf(n), l.colOf(n+runeCount(l.body[dOff:iOff]))
	readScore := func(f *model.Field[int], raw string, col int) {
		if raw == "" {
			f.Seen("", model.Pos{Line: l.num, Col: l.col(len(l.body))})
			return
		}
		fp := model.Pos{Line: l.num, Col: col}
		if v, err := ParseScore(raw); err == nil {
			f.Set(v, fp)
			f.Raw = raw
		} else {
			f.Seen(raw, fp)
		}
	}
	readScore(&s.Direct, d, dCol)
	readScore(&s.Indirect, i, iCol)
	if p.doc.Horizontal.Sustainability == nil || cap(p.doc.Horizontal.Sustainability) == 0 {
		p.doc.Horizontal.Sustainability = make([]model.Score, 0, 15)
	}
	p.doc.Horizontal.Sustainability = append(p.doc.Horizontal.Sustainability, s)
	p.score = &p.doc.Horizontal.Sustainability[len(p.doc.Horizontal.Sustainability)-1]
	p.scoreBuf = newBuf(&p.scoreStore, "")
}

func (p *parser) closeScore() {
	if p.score != nil && p.scoreBuf != nil {
		p.into(p.scoreBuf, &p.score.Justification)
	}
	p.score, p.scoreBuf = nil, nil
}
