package findings

import (
	"fmt"
	"io"
	"strings"

	"github.com/asectl/asectl/validate"
)

// githubWriter prints GitHub Actions workflow commands, one annotation per
// finding: ::error file=F,line=L,col=C,title=RULE::MESSAGE.
type githubWriter struct {
	w    io.Writer
	o    Options
	err  error
	part bool // a file's parts are coming (FilePart)
}

func newGitHub(w io.Writer, o Options) PartWriter { return &githubWriter{w: w, o: o} }

// escapeData escapes a workflow command's message.
func escapeData(s string) string { return dataEscaper.Replace(s) }

// The replacers are built once: building one per finding made 900,000
// findings take minutes.
var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// escapeProperty escapes a workflow command's property value, which may
// hold neither ":" nor ",".
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }

func githubCommand(s validate.Severity) string {
	switch s {
	case validate.Error:
		return "error"
	case validate.Warning:
		return "warning"
	}
	return "notice"
}

func (g *githubWriter) printf(format string, args ...any) {
	if g.err == nil {
		_, g.err = fmt.Fprintf(g.w, format, args...)
	}
}

func (g *githubWriter) File(f File) error { return g.FilePart(f, true) }

func (g *githubWriter) FilePart(f File, last bool) error {
	first := !g.part
	g.part = !last
	file := escapeProperty(Safe(f.Source))
	if f.Error != "" && first {
		g.printf("::error file=%s,title=%s::%s\n", file, escapeProperty("unreadable"), escapeData(Safe(f.Error)))
	}
	for _, x := range f.Findings {
		if !x.Pos.IsValid() {
			// Read from JSON: the file alone, the field in the message.
			g.printf("::%s file=%s,title=%s::%s\n", githubCommand(x.Severity), file,
				escapeProperty(x.Rule), escapeData(Safe(located("", x)+" "+g.o.message(x))))
			continue
		}
		g.printf("::%s file=%s,line=%d,col=%d,title=%s::%s\n", githubCommand(x.Severity), file,
			x.Pos.Line, x.Pos.Col, escapeProperty(x.Rule), escapeData(Safe(g.o.message(x))))
	}
	return g.err
}

func (g *githubWriter) Finish(Summary) error { return g.err }
