package parser

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// line is one source line after decoding and normalisation.
type line struct {
	num    int    // 1-based line number
	indent int    // characters of leading white space
	body   string // the line without leading and trailing white space
	ctrl   bool   // control characters were removed from it
}

// col returns the 1-based character column of byte offset off in body.
func (l *line) col(off int) int {
	return l.indent + utf8.RuneCountInString(l.body[:off]) + 1
}

// splitLines normalises line ends (CRLF, CR), composes to NFC and trims
// each line. Control characters other than tab are removed and flagged:
// they are never meaningful in a description and must not reach a terminal.
func splitLines(text string) []line {
	text = strings.TrimPrefix(text, "\ufeff")
	if !norm.NFC.IsNormalString(text) {
		text = norm.NFC.String(text)
	}
	n := strings.Count(text, "\n") + 1
	out := make([]line, 0, n)
	num := 0
	for len(text) > 0 || num == 0 {
		num++
		i := strings.IndexAny(text, "\r\n")
		var raw string
		if i < 0 {
			raw, text = text, ""
		} else {
			raw = text[:i]
			if text[i] == '\r' && i+1 < len(text) && text[i+1] == '\n' {
				text = text[i+2:]
			} else {
				text = text[i+1:]
			}
		}
		out = append(out, makeLine(num, raw))
		if i < 0 {
			break
		}
	}
	return out
}

func makeLine(num int, raw string) line {
	l := line{num: num}
	if hasControl(raw) {
		raw = strings.Map(func(r rune) rune {
			if isControl(r) {
				return -1
			}
			return r
		}, raw)
		l.ctrl = true
	}
	trimmed := strings.TrimLeftFunc(raw, unicode.IsSpace)
	l.indent = utf8.RuneCountInString(raw[:len(raw)-len(trimmed)])
	l.body = strings.TrimRightFunc(trimmed, unicode.IsSpace)
	return l
}

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
