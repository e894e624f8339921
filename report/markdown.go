package report

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/asectl/asectl/internal/mdescape"
)

// mdEscape is the findings writers' escaping for table cells (findings.MarkdownEscape).
var mdEscape = mdescape.Escape

type mdWriter struct {
	w     io.Writer
	err   error
	chars int // characters written, in UTF-16 code units as GitHub counts them (mdescape.Len)
}

func (m *mdWriter) printf(format string, args ...any) {
	if m.err == nil {
		s := fmt.Sprintf(format, args...)
		m.chars += mdescape.Len(s)
		_, m.err = io.WriteString(m.w, s)
	}
}

func (m *mdWriter) table(head []string, rows [][]string, right map[int]bool) {
	m.printf("|")
	for _, h := range head {
		m.printf(" %s |", mdEscape(h))
	}
	m.printf("\n|")
	for i := range head {
		if right[i] {
			m.printf("---:|")
		} else {
			m.printf("---|")
		}
	}
	m.printf("\n")
	for _, r := range rows {
		m.printf("|")
		for _, c := range r {
			m.printf(" %s |", mdEscape(c))
		}
		m.printf("\n")
	}
	m.printf("\n")
}

func factRows(fs []Fact) [][]string {
	out := make([][]string, len(fs))
	for i, f := range fs {
		out[i] = []string{f.Key, f.Value}
	}
	return out
}

// Markdown writes the report as GitHub-flavoured Markdown, short enough for
// a pull-request comment: tables, no charts.
func Markdown(w io.Writer, items []Item, o Options) error {
	p, lc := itemsPage(items, o)
	return writeMarkdown(w, p, lc)
}

// Markdown writes the portfolio of the descriptions added so far as
// Markdown.
func (pf *Portfolio) Markdown(w io.Writer) error {
	return writeMarkdown(w, pf.page(), pf.lc)
}

func writeMarkdown(w io.Writer, p *page, lc *locale) error {
	if p.Project == nil {
		// A portfolio lists every description; it is written as it
		// comes and not cut (its size grows with the batch).
		m := &mdWriter{w: w}
		writeMarkdownPage(m, p, lc)
		return m.err
	}
	// A description's page is written to memory first (it is bounded by
	// the cell and table budgets below: a few hundred kilobytes at most)
	// so that it can be cut to a comment's size.
	var buf strings.Builder
	m := &mdWriter{w: &buf}
	writeMarkdownPage(m, p, lc)
	out := buf.String()
	if m.chars > maxMarkdownPage {
		out = cutPage(out, lc)
	}
	_, err := io.WriteString(w, out)
	return err
}

// cutPage cuts a page longer than a comment at a line, within
// maxMarkdownPage UTF-16 code units with the note that says so. The
// budgets above keep real pages well within; hostile values (every fact
// cut at maxMarkdownCell, of emoji or of characters written escaped) could
// pass it.
func cutPage(s string, lc *locale) string {
	note := "\n_" + mdEscape(lc.T("… the rest of the page is left out to stay within a pull-request comment: the HTML report has it all")) + "_\n"
	budget := maxMarkdownPage - mdescape.Len(note)
	end, n := 0, 0
	for end < len(s) {
		i := strings.IndexByte(s[end:], '\n')
		if i < 0 {
			break
		}
		k := mdescape.Len(s[end : end+i+1])
		if n+k > budget {
			break
		}
		n += k
		end += i + 1
	}
	return s[:end] + note
}

func writeMarkdownPage(m *mdWriter, p *page, lc *locale) {
	m.printf("# %s\n\n", mdEscape(cutCell(p.Title, maxMarkdownTitle)))
	m.printf("_%s_\n\n", mdEscape(p.Generated))
	if v := p.Project; v != nil {
		facts := factRows(v.Facts)
		for _, r := range facts {
			r[1] = cutCell(r[1], maxMarkdownCell)
		}
		m.table([]string{"", ""}, facts, nil)
		m.printf("## %s\n\n", mdEscape(v.Funding.Title))
		var rows [][]string
		for _, b := range v.Funding.Bars {
			rows = append(rows, []string{b.Full, b.Value})
		}
		m.table([]string{"", lc.T("Euros")}, rows, map[int]bool{1: true})
		m.table([]string{"", ""}, factRows(v.Rates), map[int]bool{1: true})
		if v.HasScores {
			m.printf("## %s\n\n", mdEscape(v.Scores.Title))
			rows = nil
			for i := 0; i+1 < len(v.Scores.Bars); i += 2 {
				rows = append(rows, []string{v.Scores.Bars[i].Full, v.Scores.Bars[i].Value, v.Scores.Bars[i+1].Value})
			}
			m.table([]string{lc.T("Criterion"), lc.T("direct"), lc.T("indirect")}, rows, map[int]bool{1: true, 2: true})
		}
		m.printf("## %s\n\n", mdEscape(p.T.Indicators))
		m.table([]string{"", p.T.Planned, p.T.Women, p.T.Realised, p.T.Women}, v.Indicators, map[int]bool{1: true, 2: true, 3: true, 4: true})
		m.printf("## %s (%s)\n\n", mdEscape(p.T.Findings), mdEscape(v.FindingsSum))
		findingsTable(m, lc, p.T, v)
		// The free texts last, as on the HTML page: sections 3, 4.1, 4.2,
		// the subsections the tables do not know (other_sections) and 9,
		// within maxMarkdownText characters in all as written (escapes
		// count; UTF-16 code units, as GitHub counts), and within what the
		// page has left of a comment.
		left := min(maxMarkdownText, maxMarkdownPage-markdownTextReserve-m.chars)
		for _, t := range v.Texts {
			// Only the start of a long text is looked at: a page shows
			// at most maxMarkdownText characters, and a text can be
			// megabytes.
			head, raw := runePrefix(t.Text, 2*maxMarkdownText)
			var body string
			if head == t.Text {
				body = mdText(head)
			}
			if head != t.Text || mdescape.Len(body) > left {
				rs := []rune(head)
				// The longest start of the text that is written within
				// left characters.
				k := sort.Search(len(rs)+1, func(k int) bool {
					return mdescape.Len(mdText(string(rs[:k]))) > max(left, 0)
				}) - 1
				left = 0
				m.printf("## %s\n\n%s\n\n_%s_\n\n", mdEscape(t.Title), mdText(string(rs[:k])),
					mdEscape(lc.l.Sprintf("… %d more characters: the HTML report has the whole text", raw-k)))
				continue
			}
			left -= mdescape.Len(body)
			m.printf("## %s\n\n%s\n\n", mdEscape(t.Title), body)
		}
	}
	if v := p.Portfolio; v != nil {
		m.table([]string{"", ""}, factRows(v.Facts), map[int]bool{1: true})
		for _, c := range v.Counts {
			m.printf("### %s\n\n", mdEscape(c.Title))
			m.table([]string{"", lc.T("Descriptions")}, factRows(c.Rows), map[int]bool{1: true})
		}
		m.printf("## %s\n\n", mdEscape(p.T.TopFindings))
		m.table([]string{p.T.Rule, ""}, factRows(v.TopRules), nil)
		m.printf("## %s\n\n", mdEscape(p.T.Projects))
		var rows [][]string
		for _, r := range v.Projects {
			rows = append(rows, []string{r.Code, r.Name, r.Applicant, r.Period, r.Granted, r.Realised, r.Findings})
		}
		m.table([]string{p.T.Code, p.T.Name, p.T.Applicant, p.T.Period, p.T.Granted, p.T.Realised, p.T.ErrorsWarnings}, rows,
			map[int]bool{4: true, 5: true, 6: true})
		if len(v.Unreadable) > 0 {
			m.printf("## %s\n\n", mdEscape(p.T.Unreadable))
			m.table([]string{"", ""}, factRows(v.Unreadable), nil)
		}
	}
}

// maxMarkdownTitle and maxMarkdownCell bound one value of a Markdown page
// in characters: a project name of 100,000 characters made a 200,000
// character page. A cell of names (maxNameChars and its "… N more") is
// not cut, unless its first name alone is longer (joinTexts keeps it whole).
const (
	maxMarkdownTitle = 1000
	maxMarkdownCell  = maxNameChars + 100
)

// cutCell is s cut to n characters, with "…" when it was longer.
func cutCell(s string, n int) string {
	if head, _ := runePrefix(s, n); head != s {
		return head + "…"
	}
	return s
}

// runePrefix is s's first n characters (runes) and s's length in
// characters.
func runePrefix(s string, n int) (string, int) {
	i, k := 0, 0
	for ; k < n && i < len(s); k++ {
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
	}
	if i < len(s) {
		return s[:i], k + utf8.RuneCountInString(s[i:])
	}
	return s, k
}

// mdText is free text as Markdown paragraphs that show it as printed: its
// lines kept (a backslash before the line break), blank lines between
// paragraphs, and every line escaped as a table cell is and further where a
// line's start would make it a list, a quote, a heading or code ("- x",
// "1. x", "===", indented).
func mdText(s string) string {
	var b strings.Builder
	blank := false
	for _, line := range strings.Split(s, "\n") {
		line = mdEscape(strings.TrimSpace(line))
		if line == "" {
			blank = b.Len() > 0
			continue
		}
		switch {
		case blank:
			b.WriteString("\n\n")
			blank = false
		case b.Len() > 0:
			b.WriteString("\\\n")
		}
		if i := strings.IndexFunc(line, func(r rune) bool { return r < '0' || r > '9' }); i > 0 && (line[i] == '.' || line[i] == ')') {
			line = line[:i] + "\\" + line[i:] // "1. x" is no list item
		} else if strings.IndexByte("-+=", line[0]) >= 0 {
			line = "\\" + line
		}
		b.WriteString(line)
	}
	return b.String()
}

// maxMarkdownText bounds the free texts of a Markdown page, in characters,
// so that the page stays within a pull-request comment (65,536 characters
// on GitHub) beside a findings table of maxMarkdownRows rows. The texts of a
// real description are 5,000–15,000.
const maxMarkdownText = 30000

// maxMarkdownPage is the most characters a pull-request comment takes on
// GitHub, in UTF-16 code units (an emoji counts 2); markdownTextReserve is kept of it for the free texts' headings and
// the note on a text cut short.
const (
	maxMarkdownPage     = 65536
	markdownTextReserve = 2000
)

// maxMarkdownRows keeps a findings table within a pull-request comment.
const maxMarkdownRows = 300

// maxMarkdownFindingChars bounds the findings table in characters (UTF-16
// code units) too: 300 findings that quote long names (unknown
// municipalities of 60 characters) are 50,000, which with the names and
// the free texts made a page longer than a comment takes.
const maxMarkdownFindingChars = 24000

// findingsTable lists the first of the findings the view shows, at most
// maxMarkdownRows rows and maxMarkdownFindingChars characters (but always
// one row), then how many more the description has (v.FindingsTotal counts
// those the view left out too).
func findingsTable(m *mdWriter, lc *locale, t labels, v *ProjectView) {
	if len(v.Findings) == 0 {
		m.printf("%s\n\n", mdEscape(t.NoFindings))
		return
	}
	head := []string{t.Severity, t.Line, t.Rule, t.Message}
	fs := v.Findings[:min(len(v.Findings), maxMarkdownRows)]
	rows := make([][]string, 0, len(fs))
	chars := 0
	for _, f := range fs {
		row := []string{f.Severity, f.Where, f.Rule, cutCell(f.Message, maxMarkdownCell)}
		for _, c := range row {
			chars += mdescape.Len(mdEscape(c)) + 3 // " c |"
		}
		if chars += 2; chars > maxMarkdownFindingChars && len(rows) > 0 {
			break
		}
		rows = append(rows, row)
	}
	m.table(head, rows, nil)
	if more := max(v.FindingsTotal, len(v.Findings)) - len(rows); more > 0 {
		m.printf("_%s_\n\n", mdEscape(moreFindings(lc, more)))
	}
}
