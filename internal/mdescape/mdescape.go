// Package mdescape escapes text for GitHub-flavoured Markdown. It is a leaf
// package so that both the findings writers (package findings, as
// MarkdownEscape) and the pages (package report) use one definition.
package mdescape

import "strings"

// Escape makes a value safe in a GitHub-flavoured Markdown table
// cell: no line breaks, no pipes, no HTML, no emphasis or links.
func Escape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\n', '\r', '\t':
			b.WriteByte(' ')
		case '|', '\\', '`', '*', '_', '[', ']', '#', '~', '!':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		default:
			if r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 {
				continue
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}
