package parser

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/asectl/asectl/model"
)

// Subsections the label tables do not know. An ESF page's section 7 lists
// indicators of its own ("7.1 Osallistujien määrä"), and a page may carry a
// subsection such as "4.3 …" or "8.3 …": they are kept, not scattered into
// one unexpected-text warning per line.

// maxOtherHeading bounds an unknown subsection's heading line, in bytes:
// the longest known heading (7.1's, with its note) is under 120.
const maxOtherHeading = 200

// otherHeading recognises "N.M Title", a subsection heading the tables do
// not know, inside section 4, 7 or 8 (the sections that have subsections),
// and starts reading it. A line of free text that merely begins with a
// number is no heading: the title must start with a capital letter and not
// end a sentence, and M is a whole number (1–99) under the running section.
// A bare "N.M" (or "N.M.") alone on its line is such a heading without a
// title (null), unless N.M is a subsection the tables know: which of them
// it stands for would be a guess.
func (p *parser) otherHeading(l *line) bool {
	if p.flat || p.sec == "" || len(l.body) > maxOtherHeading || len(l.body) < 3 {
		return false
	}
	parent := p.sec[:1]
	if parent != "4" && parent != "7" && parent != "8" || l.body[0] != parent[0] || l.body[1] != '.' {
		return false
	}
	num, title, ok := splitHeading(l.body)
	if !ok {
		num, ok = strings.TrimSuffix(l.body, "."), true
		if SectionOf(num) != 0 {
			return false
		}
	}
	if len(num) < 3 || len(num) > 4 || num[2] == '0' {
		return false
	}
	for i := 2; i < len(num); i++ {
		if num[i] < '0' || num[i] > '9' {
			return false
		}
	}
	if r, _ := utf8.DecodeRuneInString(title); title != "" && (!unicode.IsUpper(r) || strings.HasSuffix(title, ".")) {
		return false
	}
	if headingMatches(p.fold.langs, num, title) {
		// A known heading out of its place stays what it was: unexpected.
		return false
	}
	if (p.kind == kindQuestions || p.kind == kindScores) && p.tableGoesOn() {
		// Within 8.1's questions or 8.2's criteria it is a justification
		// (or a mangled group name): as a subsection it would carry the rest
		// of the table off into other_sections.
		return false
	}
	p.closeSection()
	p.sec = parent
	pos := model.Pos{Line: l.num, Col: l.col(0)}
	titlePos := model.Pos{Line: l.num, Col: l.col(len(l.body) - len(title))}
	var number, name model.Text
	text(&number, num, pos)
	text(&name, title, titlePos)
	heading := strings.TrimSpace(num + " " + title)
	if parent == "7" {
		// Any indicator: the known two are 7.1 and 7.2 by their titles.
		first := 0
		for _, o := range p.doc.Indicators.Other {
			if o.Number.Value == num {
				first = o.Pos.Line
				break
			}
		}
		p.doc.Indicators.Other = append(p.doc.Indicators.Other, model.OtherIndicator{Number: number, Title: name, Pos: pos})
		p.other = len(p.doc.Indicators.Other)
		p.otherSeen = [2]int{}
		p.kind = kindIndicator
		if first > 0 {
			// Both are kept, but a reader of indicators.other could take
			// the number for a key.
			p.report(pos, RuleUnknownSection, "indicators.other",
				Msg("indicator %q has the number of the one at line %d; both are kept in indicators.other", clip(heading), first))
		}
		return true
	}
	p.doc.OtherSections = append(p.doc.OtherSections, model.OtherSection{Number: number, Title: name, Pos: pos})
	p.other = len(p.doc.OtherSections)
	p.kind = kindText
	p.text = newBuf(&p.textStore, pathOtherSections)
	p.report(pos, RuleUnknownSection, pathOtherSections,
		Msg("unknown subsection %q in section %s; its text is kept in other_sections", clip(heading), parent))
	return true
}

// tableGoesOn reports whether a row of the running 8.1 or 8.2 table not
// read yet — a question, a criterion — comes after the line being read,
// before the next heading the tables know. The answer is kept for the
// section (each is entered once), so that a page of many such lines is not
// scanned again for each.
func (p *parser) tableGoesOn() bool {
	if p.tableSec != p.sec {
		p.tableSec, p.tableEnd = p.sec, p.lastTableRow()
	}
	return p.cur < p.tableEnd
}

// lastTableRow is the index in p.lines of the last row of the running 8.1
// or 8.2 table after the line being read, before the next heading the
// tables know, whose question or criterion has not been read yet (-1 if
// none). A row read already may stand in a subsection's text.
func (p *parser) lastTableRow() int {
	var read [400]bool // criteria read, by model.Score.Ref
	for _, s := range p.doc.Horizontal.Sustainability {
		if r := int(s.Ref); r > 0 && r < len(read) {
			read[r] = true
		}
	}
	last := -1
	for i := p.cur + 1; i < len(p.lines); i++ {
		l := &p.lines[i]
		if l.body == "" {
			continue
		}
		if num := l.knownHeading(p.fold); num != "" && sectionRank(num) > p.rank {
			break
		}
		switch p.kind {
		case kindQuestions:
			if id, ok := p.lookupField("8.1", l.labelKey(p.fold)); ok && p.seen[id].Line == 0 {
				last = i
			}
		case kindScores:
			ref := 0
			if name, _, _, _, _, ok := splitScoreRow(l.body); ok && len(name) <= p.lang.maxShort {
				ref = p.fold.criterionRef(p.fold.fold(name))
			}
			if ref == 0 && len(l.body) <= p.lang.maxShort {
				ref = p.fold.criterionRef(l.normBody(p.fold))
			}
			if ref > 0 && (ref >= len(read) || !read[ref]) {
				last = i
			}
		}
	}
	return last
}

// pathOtherSections is the JSON path of the unknown subsections.
const pathOtherSections = "other_sections"

// indicatorLine reads a line of an indicator subsection other than 7.1 and
// 7.2: its planned and realised figures, labelled as in 7.1 and 7.2.
func (p *parser) indicatorLine(l *line) {
	if label, value, off, ok := splitLabel(l.body); ok {
		if which, ok := p.figureLabel(l.labelKey(p.fold)); ok {
			o := &p.doc.Indicators.Other[p.other-1]
			f, path := &o.Planned, "indicators.other.planned"
			if which == 1 {
				f, path = &o.Realised, "indicators.other.realised"
			}
			if first := p.otherSeen[which]; first > 0 {
				p.report(model.Pos{Line: l.num, Col: l.col(0)}, RuleDuplicateField, path,
					Msg("%q appears again; the value at line %d is kept", label, first))
				return
			}
			p.otherSeen[which] = l.num
			p.figure(f, path, "", l, value, l.indent+runeCount(l.body[:off]))
			return
		}
	}
	p.fieldLine(l)
}

// figureLabel tells a planned (0) or realised (1) figure's label of section
// 7 from any other, in any language.
func (p *parser) figureLabel(key string) (int, bool) {
	for _, lang := range p.langsFirst() {
		for _, sec := range [...]string{"7.1", "7.2"} {
			// A figure's path ends in its part of the Indicator.
			switch path := lang.fieldIdx[sectionRank(sec)][key].Path(); {
			case strings.HasSuffix(path, ".planned"):
				return 0, true
			case strings.HasSuffix(path, ".realised"):
				return 1, true
			}
		}
	}
	return 0, false
}

// splitWomen splits a figure worded in a way the tables do not know:
// "<total>, <words> <women>", as in "120, joista naisia 60" or "1 200,
// joista alle 25-vuotiaita naisia 540". The words start with a letter after
// the first such comma; the women's part is the number that ends the value,
// a word (or, with thousands separators, words) of its own. When the words
// hold a number in any other shape — "joista 60 naisia", "naisia 60
// (arvio)", "naisia 1e30", "naisia 60, miehiä 60" — womenOff is where that
// number starts, so that the part is reported as unreadable and kept as
// printed, never guessed from the digits that happen to end the value.
// womenOff is len(value) when the words hold no digit.
func splitWomen(value string) (total string, womenOff int, ok bool) {
	for i := 0; i < len(value); i++ {
		if value[i] != ',' {
			continue
		}
		rest := value[i+1:]
		if r, _ := utf8.DecodeRuneInString(strings.TrimLeftFunc(rest, unicode.IsSpace)); !unicode.IsLetter(r) {
			continue
		}
		if !strings.ContainsAny(value[:i], "0123456789") {
			// No number before the comma: not "TOTAL, words WOMEN" but a
			// value that cannot be read, kept whole as printed (",,D4"
			// split into "," and "D4" did not survive fmt).
			return "", 0, false
		}
		return strings.TrimSpace(value[:i]), i + 1 + womenStart(rest), true
	}
	return "", 0, false
}

// womenStart finds the women's number in the words after a figure's total
// (see splitWomen): the offset in words of the run of number words that ends
// them, if no number word comes before it; else of the first number word, or
// of the first word with a digit in it; else len(words).
func womenStart(words string) int {
	type word struct {
		off    int
		number bool // digits, '.' and ',' only
		digit  bool // holds a digit
	}
	var ws []word
	for i := 0; i < len(words); {
		r, n := utf8.DecodeRuneInString(words[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		w := word{off: i, number: true}
		for i < len(words) {
			r, n := utf8.DecodeRuneInString(words[i:])
			if unicode.IsSpace(r) {
				break
			}
			switch {
			case r >= '0' && r <= '9':
				w.digit = true
			case r != '.' && r != ',':
				w.number = false
			}
			i += n
		}
		w.number = w.number && w.digit
		ws = append(ws, w)
	}
	run := len(ws)
	for run > 0 && ws[run-1].number {
		run--
	}
	firstNumber, firstDigit := -1, -1
	for k, w := range ws {
		if w.number && firstNumber < 0 {
			firstNumber = k
		}
		if w.digit && firstDigit < 0 {
			firstDigit = k
		}
	}
	switch {
	case run < len(ws) && firstNumber == run:
		return ws[run].off
	case firstNumber >= 0:
		return ws[firstNumber].off
	case firstDigit >= 0:
		return ws[firstDigit].off
	}
	return len(words)
}
