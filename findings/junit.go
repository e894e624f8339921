package findings

import (
	"bytes"
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

type junitSuite struct {
	XMLName   xml.Name    `xml:"testsuite"`
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
	w                       io.Writer
	o                       Options
	suites                  []byte // each file's <testsuite>, encoded as it comes
	tests, failures, errors int
	n                       int // suites written
}

func newJUnit(w io.Writer, o Options) Writer {
	return &junitWriter{w: w, o: o}
}

// JUnitClassName is the test cases' class name for a file: its path with
// each '.' written as U+2024 (one dot leader), which looks the same but is
// not a dot. Jenkins splits a class name at its last dot into package and
// class, which made every description's class "txt"; the file attribute
// keeps the path as it is.
func JUnitClassName(source string) string {
	return strings.ReplaceAll(xmlSafe(Safe(source)), ".", "\u2024")
}

func (j *junitWriter) File(f File) error {
	name := xmlSafe(Safe(f.Source))
	class := JUnitClassName(f.Source)
	s := junitSuite{Name: name, Time: "0"}
	if f.Error != "" {
		s.Testcases = append(s.Testcases, junitCase{
			Name: "read", Classname: class, File: name, Time: "0",
			Error: &junitProblem{Message: xmlSafe(f.Error), Type: "unreadable", Text: xmlSafe(Safe(f.Source) + ": " + f.Error)},
		})
		s.Tests, s.Errors = 1, 1
	} else {
		byRule := map[string][]validate.Finding{}
		for _, x := range f.Findings {
			byRule[x.Rule] = append(byRule[x.Rule], x)
		}
		for _, r := range j.o.Rules {
			c := junitCase{Name: r.ID, Classname: class, File: name, Time: "0"}
			var failing, notes []string
			for _, x := range byRule[r.ID] {
				line := fmt.Sprintf("%s: %s: %s", located(Safe(f.Source), x), x.Severity, j.o.message(x))
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
				msg := fmt.Sprintf("%s: %s", Where(first), j.o.message(first))
				if len(failing) > 1 {
					msg += fmt.Sprintf(" (and %d more)", len(failing)-1)
				}
				c.Failure = &junitProblem{Message: xmlSafe(msg), Type: r.ID, Text: xmlSafe(joinCapped(failing))}
				s.Failures++
			} else if j.o.JUnitFailuresOnly {
				continue
			}
			if len(notes) > 0 {
				c.SystemOut = xmlSafe(joinCapped(notes))
			}
			s.Testcases = append(s.Testcases, c)
		}
		s.Tests = len(s.Testcases)
	}
	if j.o.JUnitFailuresOnly && s.Tests == 0 {
		return nil
	}
	return j.add(s)
}

// add encodes one suite now, so that only its bytes wait for Finish (the
// totals come first in the document).
func (j *junitWriter) add(s junitSuite) error {
	var buf bytes.Buffer
	enc := xml.NewEncoder(&buf)
	enc.Indent("  ", "  ")
	if err := enc.Encode(s); err != nil {
		return err
	}
	j.suites = append(j.suites, '\n')
	j.suites = append(j.suites, buf.Bytes()...)
	j.tests += s.Tests
	j.failures += s.Failures
	j.errors += s.Errors
	j.n++
	return nil
}

func (j *junitWriter) Finish(sum Summary) error {
	if j.o.JUnitFailuresOnly && j.n == 0 {
		// Nothing failed: one passing case, so that the report is not
		// empty (an empty report reads as "no tests ran").
		if err := j.add(junitSuite{Name: "asectl validate", Time: "0", Tests: 1, Testcases: []junitCase{{
			Name: fmt.Sprintf("%d files, no failures", sum.Files), Classname: "asectl", Time: "0",
		}}}); err != nil {
			return err
		}
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	fmt.Fprintf(&b, "<testsuites name=\"asectl validate\" tests=\"%d\" failures=\"%d\" errors=\"%d\">", j.tests, j.failures, j.errors)
	if _, err := j.w.Write(b.Bytes()); err != nil {
		return err
	}
	if _, err := j.w.Write(j.suites); err != nil {
		return err
	}
	_, err := io.WriteString(j.w, "\n</testsuites>\n")
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

// junitMaxLines caps the finding lines in one test case's text: a file
// with hundreds of thousands of findings of one rule made a case of
// megabytes that no CI page shows; the count of the rest is kept.
const junitMaxLines = 1000

func joinCapped(lines []string) string {
	if len(lines) <= junitMaxLines {
		return strings.Join(lines, "\n")
	}
	return strings.Join(lines[:junitMaxLines], "\n") + fmt.Sprintf("\n… and %d more", len(lines)-junitMaxLines)
}
