package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/asectl/asectl/validate"
)

// text writes one line per finding, FILE:LINE:COL: SEVERITY: MESSAGE [RULE],
// and a summary line. A file that could not be read is a line of its own.
type text struct {
	w     io.Writer
	o     Options
	color bool
	err   error
}

func newText(w io.Writer, o Options) Writer { return &text{w: w, o: o, color: o.Color} }

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

func (t *text) File(f File) error {
	if f.Error != "" {
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
		t.printf("%s:%d:%d: %s: %s %s\n", Safe(f.Source), x.Pos.Line, x.Pos.Col, sev, Safe(t.o.message(x)), t.paint(ansiDim, "["+x.Rule+"]"))
	}
	return t.err
}

func (t *text) Finish(s Summary) error {
	t.printf("%s\n", t.o.L.Summary(s.Files, s.Errors, s.Warnings))
	return t.err
}

// Safe escapes control characters so that text from a description cannot
// drive the terminal (escape sequences, carriage returns).
func Safe(s string) string {
	if !strings.ContainsFunc(s, unsafeRune) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unsafeRune(r) {
			fmt.Fprintf(&b, "\\u%04x", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func unsafeRune(r rune) bool {
	return r < 0x20 && r != '\t' || r == 0x7f || r >= 0x80 && r < 0xa0 ||
		r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069'
}
