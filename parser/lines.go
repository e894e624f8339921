package parser

import (
	"encoding/binary"
	"math/bits"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

// line is one source line after decoding and normalisation.
type line struct {
	num    int    // 1-based line number
	indent int    // characters of leading white space
	body   string // the line without leading and trailing white space
	ctrl   bool   // control characters were removed from it

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
	for _, lang := range Languages() {
		if titleMatches(lang, num, t) {
			l.heading = num
			break
		}
	}
	return l.heading
}

// col returns the 1-based character column of byte offset off in body.
func (l *line) col(off int) int {
	return l.indent + runeCount(l.body[:off]) + 1
}

// runeCount is utf8.RuneCountInString for valid UTF-8, which every line is
// once decoded: the bytes that do not continue a character, eight at a
// time. Columns are asked of long lines too (a text's end, a score row).
func runeCount(s string) int {
	const hi = 0x8080808080808080
	cont, i := 0, 0
	b := unsafe.Slice(unsafe.StringData(s), len(s)) // one slice, not one per word
	for ; i+8 <= len(b); i += 8 {
		w := binary.LittleEndian.Uint64(b[i : i+8])
		cont += bits.OnesCount64(w &^ (w << 1) & hi) // 10xxxxxx
	}
	for ; i < len(s); i++ {
		if s[i]&0xc0 == 0x80 {
			cont++
		}
	}
	return len(s) - cont
}

// splitLines normalises line ends (CRLF, CR), composes to NFC and trims
// each line. Control characters other than tab are removed and flagged:
// they are never meaningful in a description and must not reach a terminal.
func splitLines(text string, out []line, clean bool) []line {
	text = strings.TrimPrefix(text, "\ufeff")
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
			i = strings.IndexAny(text, "\r\n")
		} else {
			i = strings.IndexByte(text, '\n')
		}
		if i < 0 {
			out = append(out, makeLine(num, text, clean))
			return out
		}
		out = append(out, makeLine(num, text[:i], clean))
		if text[i] == '\r' && i+1 < len(text) && text[i+1] == '\n' {
			i++
		}
		text = text[i+1:]
		if text == "" {
			return out
		}
	}
}

// makeLine trims one raw line. A byte scan decides whether the line needs
// the exact (slower) checks: control characters, and NFC composition, which
// only characters from U+0300 up can need (all of Latin-1 and Latin
// Extended is NFC as it stands; newlines never combine). clean says the
// decoder found no such byte in the whole text, and skips the scan.
func makeLine(num int, raw string, clean bool) line {
	l := line{num: num}
	if !clean && needsExactChecks(raw) {
		if hasControl(raw) {
			raw = strings.Map(func(r rune) rune {
				if isControl(r) {
					return -1
				}
				return r
			}, raw)
			l.ctrl = true
		}
		if !norm.NFC.IsNormalString(raw) {
			raw = norm.NFC.String(raw)
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
	return l
}

// needsExactChecks reports whether raw has a suspect byte. It tests eight
// bytes at a time (most of a description is long lines of ASCII and ä, ö);
// a word that may hold one is looked at byte by byte.
func needsExactChecks(raw string) bool {
	const lo, hi = 0x0101010101010101, 0x8080808080808080
	i := 0
	b := unsafe.Slice(unsafe.StringData(raw), len(raw))
	for ; i+8 <= len(b); i += 8 {
		w := binary.LittleEndian.Uint64(b[i : i+8])
		y := w &^ hi // the low seven bits of each byte
		// ASCII bytes below 0x20 or equal to 0x7f; leads from 0xcc up; 0xc2.
		// Borrows may flag a harmless byte too, never miss a suspect one:
		// a flagged word gets the exact test.
		ctl := ((y - 0x20*lo) | ((y ^ 0x7f*lo) - lo)) &^ w & hi
		big := ((y + (0x7f-0x4b)*lo) | y) & w & hi
		c2 := ((w ^ 0xc2*lo) - lo) &^ (w ^ 0xc2*lo) & hi
		if ctl|big|c2 != 0 && suspectIn(raw, i, i+8) {
			return true
		}
	}
	return suspectIn(raw, i, len(raw))
}

// suspectIn is the exact test of raw[from:to].
func suspectIn(raw string, from, to int) bool {
	for i := from; i < to; i++ {
		if suspect[raw[i]] {
			// U+00A0–U+00BF (C2 A0–BF) are harmless; C2 80–9F are C1 controls.
			if raw[i] == 0xc2 && i+1 < len(raw) && raw[i+1] >= 0xa0 {
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
		r == '\u200b' || r == '\ufeff' || (r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069'))
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

// scratch is what a parse needs only while it runs: the line table and the
// folded labels. It is recycled between parses: a batch parses thousands of
// descriptions of about the same size, and these were most of what a parse
// allocated. Nothing of a parse's result points into its scratch.
type scratch struct {
	lines  []line
	folder folder
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// Freak inputs' huge tables stay out of the pool.
const (
	maxPooledLines = 4096
	maxPooledArena = 1 << 16
)

func getScratch() *scratch { return scratchPool.Get().(*scratch) }

func putScratch(sc *scratch) {
	if cap(sc.lines) > maxPooledLines || cap(sc.folder.arena) > maxPooledArena {
		return
	}
	clear(sc.lines) // drop the strings, so the pool pins no description
	sc.lines = sc.lines[:0]
	sc.folder.arena = sc.folder.arena[:0]
	scratchPool.Put(sc)
}
