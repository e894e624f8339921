// Package safetext escapes text that must not reach a terminal, or a page
// that shows a file's name, raw. It is a leaf package so that both the
// findings writers (package findings) and the pages (package report, and
// with it the browser engine) use one definition.
package safetext

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Safe escapes what must not reach a terminal raw: control characters
// (escape sequences, carriage returns, bidirectional overrides) as \uXXXX,
// and each byte that is not UTF-8 as \xNN (a file name on Unix may hold
// any bytes; escaped, it still leads back to the file).
func Safe(s string) string {
	if utf8.ValidString(s) && !strings.ContainsFunc(s, unsafeRune) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, "\\x%02x", s[i])
		case unsafeRune(r):
			fmt.Fprintf(&b, "\\u%04x", r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

func unsafeRune(r rune) bool {
	return r < 0x20 && r != '\t' || r == 0x7f || r >= 0x80 && r < 0xa0 ||
		r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069'
}
