package findings

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
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
	n                       int                   // suites written
	part                    bool                  // a file's parts are coming (FilePart)
	rules                   map[string]*junitRule // the open file's findings by rule
}

func newJUnit(w io.Writer, o Options) PartWriter {
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

// junitRule gathers one rule's findings in a file, as they come: its
// lines (at most junitMaxLines of each kind are kept, the rest counted)
// and its first failing finding.
type junitRule struct {
	failing, notes   []string
	nFailing, nNotes int
	first            validate.Finding
}

func (j *junitWriter) File(f File) error { return j.FilePart(f, true) }

func (j *junitWriter) FilePart(f File, last bool) error {
	if j.rules == nil {
		j.rules = map[string]*junitRule{}
	}
	if !j.part {
		clear(j.rules)
		j.part = true
	}
	for _, x := range f.Findings {
		r := j.rules[x.Rule]
		if r == nil {
			r = &junitRule{}
			j.rules[x.Rule] = r
		}
		line := func() string {
			return fmt.Sprintf("%s: %s: %s", located(Safe(f.Source), x), x.Severity, j.o.message(x))
		}
		if j.o.fails(x.Severity) {
			if r.nFailing == 0 {
				r.first = x
			}
			if r.nFailing < junitMaxLines {
				r.failing = append(r.failing, line())
			}
			r.nFailing++
		} else {
			if r.nNotes < junitMaxLines {
				r.notes = append(r.notes, line())
			}
			r.nNotes++
		}
	}
	if !last {
		return nil
	}
	j.part = false
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
		for _, id := range j.ruleIDs() {
			c := junitCase{Name: id, Classname: class, File: name, Time: "0"}
			r := j.rules[id]
			if r == nil {
				r = &junitRule{}
			}
			if r.nFailing > 0 {
				msg := fmt.Sprintf("%s: %s", Where(r.first), j.o.message(r.first))
				if r.nFailing > 1 {
					msg += fmt.Sprintf(" (and %d more)", r.nFailing-1)
				}
				c.Failure = &junitProblem{Message: xmlSafe(msg), Type: id, Text: xmlSafe(joinCapped(r.failing, r.nFailing))}
				s.Failures++
			} else if j.o.JUnitFailuresOnly {
				continue
			}
			if r.nNotes > 0 {
				c.SystemOut = xmlSafe(joinCapped(r.notes, r.nNotes))
			}
			s.Testcases = append(s.Testcases, c)
		}
		s.Tests = len(s.Testcases)
	}
	clear(j.rules)
	if j.o.JUnitFailuresOnly && s.Tests == 0 {
		return nil
	}
	return j.add(s)
}

// ruleIDs are the test cases of a file: the rules that ran, then, sorted,
// any other rule a finding of the file names (a library user's own rule,
// or Options.Rules left out), so that no finding is lost.
func (j *junitWriter) ruleIDs() []string {
	ids := make([]string, 0, len(j.o.Rules))
	for _, r := range j.o.Rules {
		ids = append(ids, r.ID)
	}
	var extra []string
	for id := range j.rules {
		if !slices.ContainsFunc(j.o.Rules, func(r *validate.Rule) bool { return r.ID == id }) {
			extra = append(extra, id)
		}
	}
	slices.Sort(extra)
	return append(ids, extra...)
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
			Name: fmt.Sprintf("%d %s, no failures", sum.Files, plural(sum.Files, "file", "files")), Classname: "asectl", Time: "0",
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

// joinCapped joins the first junitMaxLines of n lines (lines holds at
// most those) and says how many more there were.
func joinCapped(lines []string, n int) string {
	if n <= junitMaxLines {
		return strings.Join(lines, "\n")
	}
	return strings.Join(lines[:junitMaxLines], "\n") + fmt.Sprintf("\n… and %d more", n-junitMaxLines)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
