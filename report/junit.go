package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/asectl/asectl/validate"
)

// JUnit XML as Jenkins and GitLab read it: one testsuite per file, one
// testcase per rule checked, named by the rule ID alone so that history
// lines up across runs. Findings at or above --fail-on are failures;
// weaker ones are kept in the case's system-out. A file that could not be
// read is a suite with one errored case.

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name      string      `xml:"name,attr"`
	Tests     int         `xml:"tests,attr"`
	Failures  int         `xml:"failures,attr"`
	Errors    int         `xml:"errors,attr"`
	Skipped   int         `xml:"skipped,attr"`
	Time      string      `xml:"time,attr"`
	Testcases []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Time      string        `xml:"time,attr"`
	Failure   *junitProblem `xml:"failure,omitempty"`
	Error     *junitProblem `xml:"error,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

type junitWriter struct {
	w      io.Writer
	o      Options
	suites junitSuites
}

func newJUnit(w io.Writer, o Options) Writer {
	return &junitWriter{w: w, o: o, suites: junitSuites{Name: "asectl validate"}}
}

func (j *junitWriter) File(f File) error {
	s := junitSuite{Name: f.Source, Time: "0"}
	if f.Error != "" {
		s.Testcases = append(s.Testcases, junitCase{
			Name: "read", Classname: f.Source, File: f.Source, Time: "0",
			Error: &junitProblem{Message: xmlSafe(f.Error), Type: "unreadable", Text: xmlSafe(f.Source + ": " + f.Error)},
		})
		s.Tests, s.Errors = 1, 1
	} else {
		byRule := map[string][]validate.Finding{}
		for _, x := range f.Findings {
			byRule[x.Rule] = append(byRule[x.Rule], x)
		}
		for _, r := range j.o.Rules {
			c := junitCase{Name: r.ID, Classname: f.Source, File: f.Source, Time: "0"}
			var failing, notes []string
			for _, x := range byRule[r.ID] {
				line := fmt.Sprintf("%s:%d:%d: %s: %s", f.Source, x.Pos.Line, x.Pos.Col, x.Severity, j.o.message(x))
				if j.o.fails(x.Severity) {
					failing = append(failing, line)
				} else {
					notes = append(notes, line)
				}
			}
			if len(failing) > 0 {
				first := byRule[r.ID][0]
				for _, x := range byRule[r.ID] {
					if j.o.fails(x.Severity) {
						first = x
						break
					}
				}
				msg := fmt.Sprintf("%d:%d: %s", first.Pos.Line, first.Pos.Col, j.o.message(first))
				if len(failing) > 1 {
					msg += fmt.Sprintf(" (and %d more)", len(failing)-1)
				}
				c.Failure = &junitProblem{Message: xmlSafe(msg), Type: r.ID, Text: xmlSafe(strings.Join(failing, "\n"))}
				s.Failures++
			}
			if len(notes) > 0 {
				c.SystemOut = xmlSafe(strings.Join(notes, "\n"))
			}
			s.Testcases = append(s.Testcases, c)
		}
		s.Tests = len(s.Testcases)
	}
	j.suites.Suites = append(j.suites.Suites, s)
	j.suites.Tests += s.Tests
	j.suites.Failures += s.Failures
	j.suites.Errors += s.Errors
	return nil
}

func (j *junitWriter) Finish(Summary) error {
	if _, err := io.WriteString(j.w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(j.w)
	enc.Indent("", "  ")
	if err := enc.Encode(j.suites); err != nil {
		return err
	}
	_, err := io.WriteString(j.w, "\n")
	return err
}

// xmlSafe drops the characters XML 1.0 cannot hold at all (most control
// characters); encoding/xml escapes the rest.
func xmlSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r != 0xFFFE && r != 0xFFFF && !(r >= 0xD800 && r <= 0xDFFF) {
			return r
		}
		return '\uFFFD'
	}, s)
}
