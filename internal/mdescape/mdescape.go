// Package mdescape escapes text for GitHub-flavoured Markdown. It is a leaf
// package so that both the findings writers (package findings, as
// MarkdownEscape) and the pages (package report) use one definition.
package mdescape

import (
	"strings"
	"unicode/utf8"
)

// wordJoiner is U+2060 WORD JOINER written as a character reference: it
// shows nothing, but after "@" or "#" it keeps GitHub from reading a
// mention ("@name" notifies that user, "@org/team" a team) or an issue
// reference ("#123" links, and cross-references, an issue). GitHub looks
// for those in the rendered text, after character references are decoded,
// so "&#64;name" would still mention; a joiner between "@" and the name
// does not match the name's pattern ([A-Za-z0-9]...).
const wordJoiner = "&#8288;"

// Escape makes a value safe in a GitHub-flavoured Markdown table
// cell: no line breaks, no pipes, no HTML, no emphasis or links, no
// mentions and no issue references. The text shown is the same.
//
// An "@" is followed by a word joiner when a letter or digit follows it and
// no ASCII letter, digit or "_" comes before it (GitHub's mention pattern
// starts at such a boundary), so an e-mail address (name@example.fi) is
// written as it is. A "#" is followed by one whenever a digit follows it
// ("owner/repo#12" is a reference too).
func Escape(s string) string {
	var b strings.Builder
	var prev rune = -1 // -1: the value's start, which GitHub may see as a boundary
	for i, r := range s {
		switch r {
		case '\n', '\r', '\t':
			b.WriteByte(' ')
		case '|', '\\', '`', '*', '_', '[', ']', '#', '~', '!':
			b.WriteByte('\\')
			b.WriteRune(r)
			if r == '#' && isDigit(next(s, i+1)) {
				b.WriteString(wordJoiner)
			}
		case '@':
			b.WriteByte('@')
			if !isWord(prev) && isAlnum(next(s, i+1)) {
				b.WriteString(wordJoiner)
			}
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		default:
			if dropped(r) {
				continue
			}
			b.WriteRune(r)
		}
		prev = r
	}
	return b.String()
}

// dropped says whether Escape leaves r out: control characters other than
// the line breaks and tabs it writes as spaces.
func dropped(r rune) bool {
	return r < 0x20 && r != '\n' && r != '\r' && r != '\t' || r == 0x7f || r >= 0x80 && r < 0xa0
}

// next is the first byte of the first character from s[i:] that Escape
// writes, or 0: a dropped control character between "@" and a name would
// otherwise hide the mention from the check.
func next(s string, i int) byte {
	for _, r := range s[i:] {
		if !dropped(r) {
			if r < utf8.RuneSelf {
				return byte(r)
			}
			return 0x80
		}
	}
	return 0
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isAlnum(c byte) bool { return isDigit(c) || c|0x20 >= 'a' && c|0x20 <= 'z' }

// isWord is Ruby's \w, which GitHub's mention pattern uses: ASCII only.
func isWord(r rune) bool { return r >= 0 && r < utf8.RuneSelf && (isAlnum(byte(r)) || r == '_') }

// Len is s's length as GitHub counts a comment's characters: in UTF-16
// code units, as JavaScript does, so a character outside the Basic
// Multilingual Plane (an emoji such as U+1F600) counts 2. Invalid UTF-8
// counts 1 a byte (each becomes U+FFFD).
func Len(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r >= 0x10000 {
			n++
		}
	}
	return n
}
