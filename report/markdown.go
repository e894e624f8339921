package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/asectl/asectl/validate"
)

// MarkdownEscape makes a value safe in a GitHub-flavoured Markdown table
// cell: no line breaks, no pipes, no HTML, no emphasis or links.
func MarkdownEscape(s string) string {
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

// maxMarkdownRows keeps the findings table within a pull-request comment
// (GitHub takes 65,536 characters).
const maxMarkdownRows = 300

// markdownWriter prints a findings summary for a pull-request comment: the
// totals, then one table row per finding (and per unreadable file).
type markdownWriter struct {
	w    io.Writer
	o    Options
	rows [][]string
	more int
}

func newMarkdown(w io.Writer, o Options) Writer { return &markdownWriter{w: w, o: o} }

func (m *markdownWriter) add(row []string) {
	if len(m.rows) < maxMarkdownRows {
		m.rows = append(m.rows, row)
	} else {
		m.more++
	}
}

func (m *markdownWriter) File(f File) error {
	if f.Error != "" {
		m.add([]string{f.Source, "", "error", "", f.Error})
	}
	for _, x := range f.Findings {
		m.add([]string{f.Source, fmt.Sprintf("%d:%d", x.Pos.Line, x.Pos.Col), x.Severity.String(), x.Rule, m.o.message(x)})
	}
	return nil
}

func severityIcon(s string) string {
	switch s {
	case validate.Error.String():
		return "❌ error"
	case validate.Warning.String():
		return "⚠️ warning"
	case validate.Info.String():
		return "ℹ️ info"
	}
	return s
}

func (m *markdownWriter) Finish(s Summary) error {
	var b strings.Builder
	fmt.Fprintf(&b, "### asectl validate\n\n%s\n\n", MarkdownEscape(m.o.L.Summary(s.Files, s.Errors, s.Warnings)))
	if len(m.rows) > 0 {
		b.WriteString("| File | Line | Severity | Rule | Message |\n|---|---:|---|---|---|\n")
		for _, r := range m.rows {
			rule := ""
			if r[3] != "" {
				rule = "`" + strings.ReplaceAll(r[3], "`", "") + "`"
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", MarkdownEscape(r[0]), r[1], severityIcon(r[2]), rule, MarkdownEscape(r[4]))
		}
		if m.more > 0 {
			fmt.Fprintf(&b, "\n… and %d more findings.\n", m.more)
		}
	}
	_, err := io.WriteString(m.w, b.String())
	return err
}
