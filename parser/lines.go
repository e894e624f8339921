package parser

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// line is one source line after decoding and normalisation.
type line struct {
	num    int    // 1-based line number
	indent int    // characters of leading white space
	body   string // the line without leading and trailing white space
	at     int    // byte offset of body in the decoded text; -1 if body is a changed copy
	ctrl   bool   // control characters were removed from it
	// raw is the line as decoded, when removing control characters or NFC
	// composition changed it: columns count its characters, the file's
	// (a value in a decomposed line would be missed by a column counted
	// on the composed one). rawCols maps, once asked, each character of
	// the changed line to its column in raw.
	raw     string
	rawCols []int32

	// Computed once, on first use: the folded body and the section number
	// of the known heading the line is ("" if none).
	key, heading, lkey          string
	keyDone, headDone, lkeyDone bool
}

// labelKey returns the folded label of a "Label: value" line ("" if the
// line has none), folding it only once.
func (l *line) labelKey(f *folder) string {
	if !l.lkeyDone {
		l.lkeyDone = true
		if label, _, _, ok := splitLabel(l.body); ok {
			l.lkey = f.fold(label)
		}
	}
	return l.lkey
}

// normBody returns normLabel(body), folding it only once.
func (l *line) normBody(f *folder) string {
	if !l.keyDone {
		l.key, l.keyDone = f.fold(l.body), true
	}
	return l.key
}

// knownHeading returns the section number if the line is a known heading
// in any language (order is the caller's business).
func (l *line) knownHeading(f *folder) string {
	if l.headDone {
		return l.heading
	}
	l.headDone = true
	num, title, ok := splitHeading(l.body)
	if !ok {
		return ""
	}
	if sectionRank(num) == 0 {
		return ""
	}
	t := f.fold(title)
	for _, lang := range f.langs {
		if titleMatches(lang, num, t) {
			l.heading = num
			break
		}
	}
	return l.heading
}

// col returns the 1-based character column of byte offset off in body.
func (l *line) col(off int) int { return l.colOf(l.indent + runeCount(l.body[:off])) }

// colOf is the column of the place after n characters of the cleaned
// line: n+1, or where that place is in the raw line.
func (l *line) colOf(n int) int {
	if l.raw != "" {
		if l.rawCols == nil {
			l.rawCols = rawColumns(l.raw)
		}
		if n < len(l.rawCols) {
			return int(l.rawCols[n]) + 1
		}
		// Past the end: the raw line's length plus the rest.
		return utf8.RuneCountInString(l.raw) + n - len(l.rawCols) + 1
	}
	return n + 1
}

// rawColumns maps each character of the cleaned line (control characters
// removed, then NFC) to the count of raw's characters before it. A
// character NFC composed from several maps to the first of them.
func rawColumns(raw string) []int32 {
	var kept []int32 // raw index of each character kept
	var b strings.Builder
	i := int32(0)
	for _, r := range raw {
		if !isControl(r) {
			kept = append(kept, i)
			b.WriteRune(r)
		}
		i++
	}
	s := b.String()
	var it norm.Iter
	it.InitString(norm.NFC, s)
	var cols []int32
	keptAt := 0 // runes of s before it.Pos()
	for !it.Done() {
		start := it.Pos()
		seg := it.Next()
		at := kept[min(keptAt, len(kept)-1)]
		for range utf8.RuneCount(seg) {
			cols = append(cols, at)
		}
		keptAt += utf8.RuneCountInString(s[start:it.Pos()])
	}
	return cols
}

// runeCount counts the characters of a part of a line: columns are
// counted in characters, not bytes. (An eight-bytes-at-a-time version saved
// 2.4 % of a batch's instructions, under the 5 % that earns a trick its
// place; issue 14.)
func runeCount(s string) int { return utf8.RuneCountInString(s) }

// splitLines normalises line ends (CRLF, CR), composes to NFC and trims
// each line. Control characters other than tab are removed and flagged:
// they are never meaningful in a description and must not reach a terminal.
func splitLines(text string, out []line, clean bool) []line {
	at := 0
	if strings.HasPrefix(text, "\ufeff") {
		at = len("\ufeff")
	}
	hasCR := strings.IndexByte(text, '\r') >= 0
	if n := strings.Count(text, "\n") + 1; cap(out) < n {
		out = make([]line, 0, n)
	}
	out = out[:0]
	num := 0
	for {
		num++
		var i int
		if hasCR {
			i = strings.IndexAny(text[at:], "\r\n")
		} else {
			i = strings.IndexByte(text[at:], '\n')
		}
		if i < 0 {
			out = append(out, makeLine(num, text[at:], at, clean))
			return out
		}
		out = append(out, makeLine(num, text[at:at+i], at, clean))
		at += i
		if text[at] == '\r' && at+1 < len(text) && text[at+1] == '\n' {
			at++
		}
		at++
		if at == len(text) {
			return out
		}
	}
}

// makeLine trims one raw line, which starts at byte offset at of the text.
// A byte scan decides whether the line needs the exact (slower) checks:
// control characters, and NFC composition, which only characters from
// U+0300 up can need (all of Latin-1 and Latin Extended is NFC as it
// stands; newlines never combine). clean says the decoder found no such
// byte in the whole text, and skips the scan.
func makeLine(num int, raw string, at int, clean bool) line {
	l := line{num: num}
	if !clean && needsExactChecks(raw) {
		changed := raw
		if hasControl(changed) {
			changed = strings.Map(func(r rune) rune {
				if isControl(r) {
					return -1
				}
				return r
			}, changed)
			l.ctrl = true
		}
		if !norm.NFC.IsNormalString(changed) {
			changed = norm.NFC.String(changed)
		}
		if changed != raw {
			l.raw = raw
			raw, at = changed, -1
		}
	}
	// ASCII blanks are trimmed by hand; other white space (U+00A0, U+3000 …)
	// the slow way, only when a line starts or ends with a non-ASCII byte.
	start, end := 0, len(raw)
	for start < end && isASCIISpace(raw[start]) {
		start++
	}
	for end > start && isASCIISpace(raw[end-1]) {
		end--
	}
	body := raw[start:end]
	if body != "" && (body[0] >= utf8.RuneSelf || body[len(body)-1] >= utf8.RuneSelf) {
		trimmed := strings.TrimLeftFunc(body, unicode.IsSpace)
		start += len(body) - len(trimmed)
		body = strings.TrimRightFunc(trimmed, unicode.IsSpace)
	}
	l.indent = utf8.RuneCountInString(raw[:start])
	l.body = body
	l.at = -1
	if at >= 0 {
		l.at = at + start
	}
	return l
}

// needsExactChecks reports whether raw has a byte that may need the exact
// checks (see suspect).
func needsExactChecks(raw string) bool { return suspectIn(raw, 0, len(raw)) }

// suspectIn is the exact test of raw[from:to].
func suspectIn(raw string, from, to int) bool {
	for i := from; i < to; i++ {
		if suspect[raw[i]] {
			// U+00A0–U+00BF (C2 A0–BF) are harmless but the soft hyphen (C2
			// AD); C2 80–9F are C1 controls.
			if raw[i] == 0xc2 && i+1 < len(raw) && raw[i+1] >= 0xa0 && raw[i+1] != 0xad {
				continue
			}
			if raw[i] == 0xe2 {
				if r, n := utf8.DecodeRuneInString(raw[i:]); safeRune(r) {
					i += n - 1
					continue
				}
			}
			return true
		}
	}
	return false
}

// safeRune is a character from U+0300 up that needs no exact checks:
// U+2010–U+2027 (dashes, quotation marks, bullets, the ellipsis) and the
// euro sign, common in descriptions and neither controls nor changed by
// NFC (TestSafePunctuation). The line scan and the decoder's scan both ask.
func safeRune(r rune) bool {
	return r >= 0x2010 && r <= 0x2027 || r == 0x20ac
}

// suspect marks the bytes that send a line to the exact checks: C0 controls
// but tab, DEL, the C2 lead (C1 controls), and every lead byte from U+0300
// up (combining marks, and characters that NFC may compose).
var suspect = func() (t [256]bool) {
	for c := 0; c < 0x20; c++ {
		t[c] = c != '\t'
	}
	t[0x7f], t[0xc2] = true, true
	for c := 0xcc; c < 0x100; c++ {
		t[c] = true
	}
	return t
}()

func isControl(r rune) bool {
	return r != '\t' && (r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == utf8.RuneError ||
		r == '\u00ad' || r == '\u200b' || r == '\u200e' || r == '\u200f' || r == '\u2060' || r == '\ufeff' ||
		(r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069'))
}

func hasControl(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 && c != '\t' || c == 0x7f || c >= 0x80 {
			// Non-ASCII needs the rune check; ASCII decides here.
			if c < 0x80 {
				return true
			}
			for _, r := range s[i:] {
				if isControl(r) {
					return true
				}
			}
			return false
		}
	}
	return false
}

func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// scratch is what a parse needs only while it runs: the line table. It is
// recycled between parses: a batch parses thousands of descriptions of about
// the same size, and the table was much of what a parse allocated (without
// the pool: 2.8 % more instructions in a parse batch, 4.7 % in a validate
// batch, and 5–11 MB more peak memory over 2,000 descriptions). Nothing of
// a parse's result points into its scratch.
type scratch struct {
	lines []line
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// Freak inputs' huge tables stay out of the pool.
const maxPooledLines = 4096

func getScratch() *scratch { return scratchPool.Get().(*scratch) }

func putScratch(sc *scratch) {
	if cap(sc.lines) > maxPooledLines {
		return
	}
	clear(sc.lines) // drop the strings, so the pool pins no text
	sc.lines = sc.lines[:0]
	scratchPool.Put(sc)
}
