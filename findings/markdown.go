package findings

import (
	"fmt"
	"io"
	"strings"

	"github.com/asectl/asectl/internal/mdescape"
	"github.com/asectl/asectl/validate"
)

// MarkdownEscape makes a value safe in a GitHub-flavoured Markdown table
// cell: no line breaks, no pipes, no HTML, no emphasis or links.
func MarkdownEscape(s string) string { return mdescape.Escape(s) }

// maxMarkdownChars is GitHub's limit for a pull-request comment, in UTF-16
// code units (mdescape.Len: an emoji counts 2); the table stops short of
// it, leaving room for the line that says how many findings were left out.
const maxMarkdownChars = 65_536

// markdownWriter prints a findings summary for a pull-request comment: the
// totals, then one table row per finding (and per unreadable file), as
// many as fit in maxMarkdownChars characters.
type markdownWriter struct {
	w     io.Writer
	o     Options
	rows  strings.Builder
	chars int // characters in rows, in UTF-16 code units (mdescape.Len)
	more  int // findings (or unreadable files) left out
	full  bool
	part  bool // a file's parts are coming (FilePart)
}

func newMarkdown(w io.Writer, o Options) PartWriter { return &markdownWriter{w: w, o: o} }

// markdownReserve is kept free for the header, the totals and the line
// about what was left out.
const markdownReserve = 1024

func (m *markdownWriter) add(file, pos, sev, rule, msg string) {
	if m.full {
		m.more++
		return
	}
	if rule != "" {
		rule = "`" + strings.ReplaceAll(rule, "`", "") + "`"
	}
	row := fmt.Sprintf("| %s | %s | %s | %s | %s |\n", MarkdownEscape(Safe(file)), pos, severityIcon(sev), rule, MarkdownEscape(msg))
	n := mdescape.Len(row)
	if m.chars+n > maxMarkdownChars-markdownReserve {
		m.full = true
		m.more++
		return
	}
	m.rows.WriteString(row)
	m.chars += n
}

func (m *markdownWriter) File(f File) error { return m.FilePart(f, true) }

func (m *markdownWriter) FilePart(f File, last bool) error {
	first := !m.part
	m.part = !last
	if f.Error != "" && first {
		m.add(f.Source, "", "error", "", f.Error)
	}
	for _, x := range f.Findings {
		m.add(f.Source, Where(x), x.Severity.String(), x.Rule, m.o.message(x))
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
	fmt.Fprintf(&b, "### asectl validate\n\n%s\n\n", MarkdownEscape(m.o.summaryLine(s)))
	if m.chars > 0 {
		b.WriteString("| File | Line | Severity | Rule | Message |\n|---|---:|---|---|---|\n")
		b.WriteString(m.rows.String())
	}
	if m.more > 0 {
		fmt.Fprintf(&b, "\n… and %d more findings, left out to stay within a comment's %d characters.\n", m.more, maxMarkdownChars)
	}
	_, err := io.WriteString(m.w, b.String())
	return err
}
