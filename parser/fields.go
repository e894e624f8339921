package parser

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/asectl/asectl/model"
)

// fieldID names a field of the label tables: a row of the model's field
// table. The tables give JSON paths, checked against it when they load. A
// field by number costs no map lookup or string comparison per line.
type fieldID = model.FieldID

// numFields sizes arrays indexed by fieldID (1 to model.NumFields).
const numFields = model.NumFields + 1

// fieldDefs is the field table by fieldID, copied once: setField reads a
// row in place.
var fieldDefs = func() (t [numFields]model.FieldDef) {
	for _, id := range model.Fields() {
		t[id] = id.Def()
	}
	return t
}()

// setField stores one "Label: value" line in its field: the field table
// says where the value goes and, by its kind, how it is read.
func (p *parser) setField(id fieldID, l *line, label, value string, off int) {
	def := &fieldDefs[id]
	path := def.Path
	p.fields++
	labelPos := model.Pos{Line: l.num, Col: l.col(0)}
	pos := labelPos
	// n: the line's characters before the value, counted once here; the
	// readers below count their columns on from it (an empty value has none).
	n := 0
	if value != "" {
		n = l.indent + runeCount(l.body[:off])
		pos = model.Pos{Line: l.num, Col: l.colOf(n)}
	}
	if first := p.seen[id]; first.Line > 0 {
		p.report(labelPos, RuleDuplicateField, path,
			Msg("%q appears again; the value at line %d is kept", label, lineNum(first.Line)))
		return
	}
	p.seen[id] = labelPos

	d := p.doc
	switch v := def.Get(d); def.Kind {
	case model.KindText:
		text(v.(*model.Text), value, pos)
	case model.KindStatus:
		text(v.(*model.Text), value, pos)
		if value != "" {
			for _, lang := range p.langsFirst() {
				if st, ok := lang.StatusState(value); ok {
					d.Project.State.Set(st, pos)
					break
				}
			}
		}
	case model.KindEmail:
		t := v.(*model.Text)
		text(t, unhideAt(value), pos)
		t.Raw = value
	case model.KindNumbered:
		numbered(v.(*model.Numbered), value, pos)
	case model.KindPeriod:
		p.period(v.(*model.Period), path, l, value, n, pos)
	case model.KindAmount:
		p.amount(v.(*model.Field[model.Fixed2]), path, value, pos)
	case model.KindNames:
		*v.(*[]model.Text) = nameList(l, value, n)
	case model.KindFigure:
		// The section's own wording of the women's part ("7.1": "joihin
		// työllistyvät naiset").
		p.figure(v.(*model.Figure), path, def.Section.String(), l, value, n)
	case model.KindAnswer:
		p.question(v.(*model.Answer), value, pos)
	}
}

// text stores a text value; an empty value is null.
func text(f *model.Text, value string, pos model.Pos) {
	if value == "" {
		f.Seen("", pos)
		return
	}
	f.Set(value, pos)
	f.Raw = value
}

// unhideAt undoes the service's "(at)" spam guard.
func unhideAt(s string) string {
	for _, at := range []string{" (at) ", "(at)", "[at]", "(AT)"} {
		s = strings.ReplaceAll(s, at, "@")
	}
	return s
}

// numbered reads "<n>. <name>" (also "<n> <name>").
func numbered(n *model.Numbered, value string, pos model.Pos) {
	n.Pos = pos
	if value == "" {
		n.Number.Seen("", pos)
		n.Name.Seen("", pos)
		return
	}
	i := 0
	for i < len(value) && (value[i] >= '0' && value[i] <= '9' || value[i] == '.') {
		i++
	}
	num := strings.TrimSuffix(value[:i], ".")
	if num == "" || strings.HasPrefix(num, ".") || strings.Contains(num, "..") {
		n.Number.Seen(value, pos)
		text(&n.Name, value, pos)
		return
	}
	n.Number.Set(num, pos)
	n.Number.Raw = value[:i]
	j := i
	if k := i + leadSpace(value[i:]); !strings.HasSuffix(value[:i], ".") && strings.HasPrefix(value[k:], ":") {
		j = k + 1 // "2: Uusimman …" and "2 : Uusimman …", as some pages print it
	}
	name := strings.TrimSpace(value[j:])
	namePos := pos
	namePos.Col += runeCount(value[:j+leadSpace(value[j:])])
	text(&n.Name, name, namePos)
}

func (p *parser) amount(f *model.Field[model.Fixed2], path, value string, pos model.Pos) {
	p.number(f, path, "", value, pos, "cannot read the amount %q: %s")
}

// number reads an amount or a count; what cannot be read is kept as
// printed, reported with format at path+sub (joined only then), and stays
// null.
func (p *parser) number(f *model.Field[model.Fixed2], path, sub, value string, pos model.Pos, format string) {
	if value == "" {
		f.Seen("", pos)
		return
	}
	v, err := ParseAmount(value)
	if err == nil && v < 0 {
		err = errNegative
	}
	if err != nil {
		f.Seen(value, pos)
		p.report(pos, RuleInvalidNumber, path+sub, Msg(format, value, err.Error()))
		return
	}
	f.Set(v, pos)
	f.Raw = value
}

type constErr string

func (e constErr) Error() string { return string(e) }

const errNegative = constErr("negative")

// leadSpace is the length in bytes of s's leading white space, as
// strings.TrimSpace sees it: pages copied from a browser bring no-break
// spaces (U+00A0), and a column must point past them too.
func leadSpace(s string) int {
	return len(s) - len(strings.TrimLeftFunc(s, unicode.IsSpace))
}

// nameList splits a comma-separated list, keeping each name's column; n
// is the count of the line's characters before value.
func nameList(l *line, value string, n int) []model.Text {
	if value == "" {
		return []model.Text{}
	}
	out := make([]model.Text, 0, strings.Count(value, ",")+1)
	// The column moves on part by part: counting each from the line's start
	// made a long list quadratic.
	for part := range strings.SplitAfterSeq(value, ",") {
		name := strings.TrimSpace(strings.TrimSuffix(part, ","))
		if name != "" {
			var t model.Text
			t.Set(name, model.Pos{Line: l.num, Col: l.colOf(n + runeCount(part[:leadSpace(part)]))})
			t.Raw = name
			out = append(out, t)
		}
		n += runeCount(part)
	}
	return out
}

// period reads "Alkaa 13.2.2016 ja päättyy 15.3.2018" in any known language
// into per, the field at path; n is the count of the line's characters
// before value.
func (p *parser) period(per *model.Period, path string, l *line, value string, n int, pos model.Pos) {
	per.Pos = pos
	if value == "" {
		per.Start.Seen("", pos)
		per.End.Seen("", pos)
		return
	}
	words := strings.Fields(value)
	var start, end string
	for _, lang := range p.langsFirst() {
		pw := lang.Period
		if len(words) >= 2 && strings.EqualFold(words[0], pw.Start) {
			start = words[1]
			if len(words) == 5 && strings.EqualFold(words[2], pw.And) && strings.EqualFold(words[3], pw.End) {
				end = words[4]
			}
			break
		}
	}
	if start == "" {
		per.Start.Seen(value, pos)
		per.End.Seen(value, pos)
		p.report(pos, RuleInvalidDate, path,
			Msg("cannot read the period %q: expected %q", value, p.lang.Period.Start+" d.m.yyyy "+p.lang.Period.And+" "+p.lang.Period.End+" d.m.yyyy"))
		return
	}
	// The start date is the second word (value is trimmed: the first word
	// begins it), the end date the last.
	startOff := len(words[0]) + strings.Index(value[len(words[0]):], start)
	p.date(&per.Start, path, ".start", start, model.Pos{Line: l.num, Col: l.colOf(n + runeCount(value[:startOff]))})
	if end == "" {
		per.End.Seen("", pos)
		p.report(pos, RuleInvalidDate, path+".end", Msg("the period %q has no end date", value))
		return
	}
	endPos := model.Pos{Line: l.num, Col: l.colOf(n + runeCount(value[:strings.LastIndex(value, end)]))}
	p.date(&per.End, path, ".end", end, endPos)
}

// date reads a date of the period at path; sub (".start") is joined to
// the path only for a problem.
func (p *parser) date(f *model.Field[model.Date], path, sub, raw string, pos model.Pos) {
	d, err := ParseDate(raw)
	if err != nil {
		f.Seen(raw, pos)
		p.report(pos, RuleInvalidDate, path+sub, Msg("cannot read the date %q: %s", raw, err.Error()))
		return
	}
	f.Set(d, pos)
	f.Raw = raw
}

// figure reads "6, joihin työllistyvät naiset 2" (sec names the known
// wording; "" for none); n is the count of the line's characters before
// value.
func (p *parser) figure(f *model.Figure, path, sec string, l *line, value string, n int) {
	pos := model.Pos{Line: l.num, Col: l.colOf(n)}
	if value == "" {
		pos = model.Pos{Line: l.num, Col: l.col(0)}
		f.Total.Seen("", pos)
		f.Women.Seen("", pos)
		return
	}
	total, women, womenOff := value, "", -1
	for _, lang := range p.langsFirst() {
		phrase := lang.Women[sec]
		if phrase == "" {
			continue
		}
		// The offsets are the value's own: a lower-cased copy may differ in
		// length (Ⱥ is two bytes, ⱥ three) and would split it elsewhere.
		if i, j := indexFold(value, phrase); i >= 0 {
			// One comma ends the total: the canonical layout writes
			// "TOTAL, PHRASE WOMEN", so a total that itself ends in a
			// comma must keep it to read back the same.
			total = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(value[:i]), ","))
			rest := value[j:]
			women = strings.TrimSpace(rest)
			womenOff = j + leadSpace(rest)
			break
		}
	}
	if womenOff < 0 {
		// Other wording ("120, joista naisia 60"): an indicator the tables do
		// not know words its women's part its own way.
		if t, off, ok := splitWomen(value); ok {
			total, women, womenOff = t, strings.TrimSpace(value[off:]), off
		}
	}
	p.quantity(&f.Total, path, ".total", total, pos)
	if womenOff < 0 {
		f.Women.Seen("", pos)
		return
	}
	p.quantity(&f.Women, path, ".women", women, model.Pos{Line: l.num, Col: l.colOf(n + runeCount(value[:womenOff]))})
}

// indexFold finds phrase in s in any letter case, as strings.EqualFold
// compares: s[i:j] is the first match, or i and j are -1.
func indexFold(s, phrase string) (i, j int) {
	if phrase == "" {
		return 0, 0
	}
	first, _ := utf8.DecodeRuneInString(phrase)
	if lower, upper, ok := asciiCases(first); ok {
		// The phrases begin with an ASCII letter that no other character
		// folds to (checked by TestIndexFold): only its two cases can start a
		// match, and IndexByte finds them fast.
		for i = 0; i < len(s); i++ {
			k := indexEither(s[i:], lower, upper)
			if k < 0 {
				break
			}
			i += k
			if j, ok := prefixFold(s[i:], phrase); ok {
				return i, i + j
			}
		}
		return -1, -1
	}
	return indexFoldRunes(s, phrase, first)
}

// indexFoldRunes is indexFold trying every character of s as a start.
func indexFoldRunes(s, phrase string, first rune) (i, j int) {
	for i = 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == first || equalFoldRune(r, first) {
			if j, ok := prefixFold(s[i:], phrase); ok {
				return i, i + j
			}
		}
		i += n
	}
	return -1, -1
}

// asciiCases returns the two cases of r if r is an ASCII letter whose case
// folding stays within ASCII (not k, K: the Kelvin sign; not s, S: ſ).
func asciiCases(r rune) (lower, upper byte, ok bool) {
	l := r | 0x20
	if l < 'a' || l > 'z' || l == 'k' || l == 's' {
		return 0, 0, false
	}
	return byte(l), byte(l) &^ 0x20, true
}

// indexEither is the index of the first a or b in s, or -1.
func indexEither(s string, a, b byte) int {
	i, j := strings.IndexByte(s, a), strings.IndexByte(s, b)
	switch {
	case i < 0:
		return j
	case j < 0 || i < j:
		return i
	}
	return j
}

// prefixFold reports whether s starts with prefix in any letter case, and
// how many bytes of s that prefix takes.
func prefixFold(s, prefix string) (int, bool) {
	i := 0
	for _, want := range prefix {
		if i >= len(s) {
			return 0, false
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r != want && !equalFoldRune(r, want) {
			return 0, false
		}
		i += n
	}
	return i, true
}

// equalFoldRune reports whether a and b are the same letter in another
// case (Unicode simple folding, as strings.EqualFold).
func equalFoldRune(a, b rune) bool {
	if a < utf8.RuneSelf && b < utf8.RuneSelf {
		return a|0x20 == b|0x20 && 'a' <= a|0x20 && a|0x20 <= 'z'
	}
	for f := unicode.SimpleFold(a); f != a; f = unicode.SimpleFold(f) {
		if f == b {
			return true
		}
	}
	return false
}

func (p *parser) quantity(f *model.Field[model.Fixed2], path, sub, raw string, pos model.Pos) {
	p.number(f, path, sub, raw, pos, "cannot read the number %q: %s")
}

// question starts a yes/no answer in section 8.1; its justification is the
// text up to the next question.
func (p *parser) question(a *model.Answer, value string, pos model.Pos) {
	a.Answer.Seen(value, pos)
	if value != "" {
		for _, lang := range p.langsFirst() {
			if v, ok := lang.Answer(value); ok {
				a.Answer.Set(v, pos)
				a.Answer.Raw = value
				break
			}
		}
	}
	p.answer = a
	p.answerBuf = newBuf(&p.answerStore, "")
}

// textBuf collects free-text lines. A buffer's lines are consecutive lines
// of the parse's table, so it keeps a window of the table, not a list.
type textBuf struct {
	path     string
	from, to int     // the window lines[from:to]
	list     []*line // only if a line ever came out of turn
	text     bool    // a line that is not blank was added
}

// newBuf resets one of the parser's buffers for a new text: at most one
// text, one answer and one score justification are open at a time.
func newBuf(b *textBuf, path string) *textBuf {
	*b = textBuf{path: path}
	return b
}

func (p *parser) addLine(b *textBuf, l *line) {
	b.text = b.text || l.body != ""
	i := l.num - 1
	switch {
	case b.list != nil:
		b.list = append(b.list, l)
	case b.from == b.to:
		b.from, b.to = i, i+1
	case i == b.to:
		b.to++
	default:
		for j := b.from; j < b.to; j++ {
			b.list = append(b.list, &p.lines[j])
		}
		b.list = append(b.list, l)
	}
}

// bufLines lists the buffer's lines in order.
func (p *parser) bufLines(b *textBuf) []*line {
	if b.list != nil {
		return b.list
	}
	out := make([]*line, 0, b.to-b.from)
	for j := b.from; j < b.to; j++ {
		out = append(out, &p.lines[j])
	}
	return out
}

// bufEmpty reports whether the buffer holds blank lines only. Section 8.2
// asks it of every line: a flag, not a scan of the buffer, keeps a long run
// of blank lines from making the parse quadratic.
func bufEmpty(b *textBuf) bool { return !b.text }

// into joins the lines: blank-line runs become one blank line and the text
// is trimmed at both ends; otherwise it stays exactly as written. Mostly the
// joined text is a stretch of the input as it stands, and is copied from it
// in one piece.
func (p *parser) into(b *textBuf, f *model.Text) {
	if b.list == nil {
		first, last := b.from, b.to-1
		for first <= last && p.lines[first].body == "" {
			first++
		}
		for last >= first && p.lines[last].body == "" {
			last--
		}
		if first > last {
			if b.to > b.from {
				f.Seen("", model.Pos{Line: p.lines[b.from].num, Col: 1})
			}
			return
		}
		if s, ok := p.inSource(first, last); ok {
			l := &p.lines[first]
			f.Set(s, model.Pos{Line: l.num, Col: l.col(0)})
			return
		}
	}
	lines := p.bufLines(b)
	size := 0
	for _, l := range lines {
		size += len(l.body) + l.indent + 2
	}
	var sb strings.Builder
	sb.Grow(size)
	var first *line
	blank := false
	for _, l := range lines {
		if l.body == "" {
			blank = first != nil
			continue
		}
		if first == nil {
			first = l
		} else if blank {
			sb.WriteString("\n\n")
		} else {
			sb.WriteByte('\n')
		}
		blank = false
		if l.indent > 0 && first != l {
			for range l.indent {
				sb.WriteByte(' ')
			}
		}
		sb.WriteString(l.body)
	}
	if first == nil {
		if len(lines) > 0 {
			f.Seen("", model.Pos{Line: lines[0].num, Col: 1})
		}
		return
	}
	f.Set(sb.String(), model.Pos{Line: first.num, Col: first.col(0)})
}

// inSource returns the joined text of lines[first..last] (both not blank)
// as a stretch of the decoded input, when the input holds exactly that: one
// line feed between lines, two around a single empty line, indents of
// spaces, no trailing white space, every line as decoded.
func (p *parser) inSource(first, last int) (string, bool) {
	src := p.src
	start := p.lines[first].at
	if start < 0 {
		return "", false
	}
	end := start + len(p.lines[first].body)
	blank := false
	for j := first + 1; j <= last; j++ {
		l := &p.lines[j]
		if l.body == "" {
			if blank {
				return "", false // a run of blank lines folds to one
			}
			blank = true
			continue
		}
		want := "\n"
		if blank {
			want = "\n\n"
		}
		blank = false
		if !strings.HasPrefix(src[end:], want) {
			return "", false
		}
		end += len(want)
		for range l.indent {
			if end >= len(src) || src[end] != ' ' {
				return "", false
			}
			end++
		}
		if l.at != end {
			return "", false
		}
		end += len(l.body)
	}
	return src[start:end], true
}

func (p *parser) setText(b *textBuf) {
	d := p.doc
	switch b.path {
	case "summary":
		p.into(b, &d.Summary)
	case "target_groups.primary":
		p.into(b, &d.TargetGroups.Primary)
	case "target_groups.indirect":
		p.into(b, &d.TargetGroups.Indirect)
	case "final_report":
		p.into(b, &d.FinalReport)
	case pathOtherSections:
		p.into(b, &d.OtherSections[p.other-1].Text)
	}
}

// detectLanguage picks the table whose labels and headings match the most
// lines; Finnish wins a tie.
func detectLanguage(lines []line, f *folder) *Language {
	ls := f.langs
	// The header line names the language outright, and stands near the top.
	for i := range lines[:min(len(lines), 12)] {
		l := &lines[i]
		if strings.IndexByte(l.body, '(') < 0 {
			continue
		}
		for _, lang := range ls {
			if _, ok := lang.headerIdx[l.normBody(f)]; ok {
				return lang
			}
		}
	}
	scores := make([]int, len(ls))
	seen := 0
	for i := range lines {
		l := &lines[i]
		if l.body == "" {
			continue
		}
		// The header and section 1 come first: a hundred lines decide.
		if seen++; seen > 100 {
			break
		}
		labelKey := l.labelKey(f)
		var titleKey, num string
		if n, title, ok := splitHeading(l.body); ok {
			num, titleKey = n, f.fold(title)
		}
		var bodyKey string
		if strings.IndexByte(l.body, '(') >= 0 {
			bodyKey = l.normBody(f)
		}
		for li, lang := range ls {
			if labelKey != "" && lang.labels[labelKey] {
				scores[li]++
			}
			if bodyKey != "" {
				if _, ok := lang.headerIdx[bodyKey]; ok {
					scores[li] += 5
				}
			}
			if titleKey != "" && titleMatches(lang, num, titleKey) {
				scores[li]++
			}
		}
	}
	best := 0
	for i := range ls {
		if scores[i] > scores[best] {
			best = i
		}
	}
	return ls[best]
}
