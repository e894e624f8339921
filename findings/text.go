package findings

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/asectl/asectl/internal/safetext"
	"github.com/asectl/asectl/validate"
)

// text writes one line per finding, FILE:LINE:COL: SEVERITY: MESSAGE [RULE],
// and a summary line. A file that could not be read is a line of its own.
type text struct {
	w     io.Writer
	o     Options
	color bool
	err   error
	part  bool // a file's parts are coming (FilePart)
}

func newText(w io.Writer, o Options) PartWriter { return &text{w: w, o: o, color: o.Color} }

const (
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiBlue   = "\x1b[36m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiReset  = "\x1b[0m"
)

func (t *text) paint(code, s string) string {
	if !t.color {
		return s
	}
	return code + s + ansiReset
}

func (t *text) printf(format string, args ...any) {
	if t.err == nil {
		_, t.err = fmt.Fprintf(t.w, format, args...)
	}
}

func (t *text) File(f File) error { return t.FilePart(f, true) }

func (t *text) FilePart(f File, last bool) error {
	first := !t.part
	t.part = !last
	if f.Error != "" && first {
		t.printf("%s: %s: %s\n", Safe(f.Source), t.paint(ansiRed+ansiBold, "error"), Safe(f.Error))
	}
	for _, x := range f.Findings {
		sev := x.Severity.String()
		switch x.Severity {
		case validate.Error:
			sev = t.paint(ansiRed+ansiBold, sev)
		case validate.Warning:
			sev = t.paint(ansiYellow+ansiBold, sev)
		default:
			sev = t.paint(ansiBlue, sev)
		}
		t.printf("%s: %s: %s %s\n", located(Safe(f.Source), x), sev, Safe(t.o.message(x)), t.paint(ansiDim, "["+x.Rule+"]"))
	}
	return t.err
}

func (t *text) Finish(s Summary) error {
	t.printf("%s\n", t.o.summaryLine(s))
	return t.err
}

// Safe escapes what must not reach a terminal raw: control characters
// (escape sequences, carriage returns, bidirectional overrides) as \uXXXX,
// and each byte that is not UTF-8 as \xNN (a file name on Unix may hold
// any bytes; escaped, it still leads back to the file).
func Safe(s string) string { return safetext.Safe(s) }

// PathText is a file name as text for outputs that hold only UTF-8 (JSON,
// XML, SARIF, Markdown): the name itself when it is UTF-8, else with each
// byte that is not UTF-8 written \xNN, as the terminal shows it (printf
// '%b' or $'…' in a shell gives the name back). Each output escapes the
// result its own way after that.
func PathText(name string) string {
	if utf8.ValidString(name) {
		return name
	}
	var b strings.Builder
	for i := 0; i < len(name); {
		r, n := utf8.DecodeRuneInString(name[i:])
		if r == utf8.RuneError && n == 1 {
			fmt.Fprintf(&b, "\\x%02x", name[i])
		} else {
			b.WriteString(name[i : i+n])
		}
		i += n
	}
	return b.String()
}
