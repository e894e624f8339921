// Package findings writes validation results (validate.Finding) in the
// formats people and CI systems read: text, JSON, SARIF, JUnit XML, GitHub
// annotations and Markdown (New, Formats). Every writer implements one small
// interface and receives files in input order with their findings already
// sorted, so output never depends on worker or map order. The package also
// holds the CSV writer of descriptions (asectl parse --format csv) and the
// escaping of names and messages that asectl's other outputs use too (Safe
// for terminals, PathText for UTF-8 documents).
//
// The pages of asectl report are package report.
package findings

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/asectl/asectl/messages"
	"github.com/asectl/asectl/validate"
)

// File is one input's outcome.
type File struct {
	Source   string
	Error    string // why the input could not be read; "" when it was
	Findings []validate.Finding
}

// Summary counts a whole run.
type Summary struct {
	Files, Errors, Warnings, Infos int
	// Unreadable counts the files that could not be read (an Error).
	Unreadable int
	// ExitCode is the run's exit status as the README's table gives it (0;
	// 1 a finding reaches FailOn; 2 an input could not be read), which
	// SARIF's invocation records (exitCode). Add and Count do not set it:
	// the caller decides it, before Finish.
	ExitCode int
	// List counts the comparison with a project list (validate --list);
	// nil without one.
	List *ListSummary
}

// ListSummary counts a comparison of descriptions with a project list.
type ListSummary struct {
	Rows            int // the list's data rows
	Unsplit         int // rows that could not be split (list-row)
	PagesMatched    int // descriptions compared with their row
	PagesWithoutRow int // descriptions whose code has no row in the list
	RowsWithoutPage int // rows no description matched
	Duplicates      int // rows whose code an earlier row has, compared with no description
}

// Add counts one file's findings.
func (s *Summary) Add(f File) {
	s.Files++
	if f.Error != "" {
		s.Unreadable++
	}
	s.Count(f.Findings)
}

// Count counts findings without counting a file: the parts of a file
// written with PartWriter after Add counted the file itself.
func (s *Summary) Count(fs []validate.Finding) {
	for _, x := range fs {
		switch x.Severity {
		case validate.Error:
			s.Errors++
		case validate.Warning:
			s.Warnings++
		default:
			s.Infos++
		}
	}
}

// Options are what writers may need beyond the findings.
type Options struct {
	Version string // asectl's version, for tool metadata
	Color   bool   // ANSI colour (text only)
	// Rules are the rules that ran, for SARIF's rule table and JUnit's
	// test cases (validate.Rules()). A finding of a rule not among them
	// is still written: in JUnit as a test case of its own after these, in
	// SARIF without a ruleIndex.
	Rules []*validate.Rule
	// Severity is each rule's effective severity (after configuration);
	// nil means the default.
	Severity func(*validate.Rule) validate.Severity
	// FailOn is the weakest severity (int(validate.Error), …) that fails
	// the run, or -1 for never; JUnit marks those findings as failures. The
	// zero value is validate.Info: every finding fails. The asectl
	// command's default is int(validate.Error).
	FailOn int
	// Cwd makes paths relative for SARIF.
	Cwd string
	// L renders messages in the user's language; nil means English.
	L *messages.Localizer
	// JUnitFailuresOnly writes only the failing test cases (and suites
	// that have one), so that a whole programme fits GitLab's limits.
	JUnitFailuresOnly bool
}

func (o Options) severity(r *validate.Rule) validate.Severity {
	if o.Severity != nil {
		return o.Severity(r)
	}
	return r.Severity
}

func (o Options) message(f validate.Finding) string { return o.L.Message(f.Msg) }

// summaryLine is "N files, E errors, W warnings", with ", U unreadable"
// when some input could not be read.
func (o Options) summaryLine(s Summary) string {
	line := o.L.Summary(s.Files, s.Errors, s.Warnings)
	if s.Unreadable > 0 {
		line += ", " + o.L.Sprintf("%d unreadable", s.Unreadable)
	}
	if l := s.List; l != nil {
		line += "; " + o.L.Sprintf("project list (%d rows, %d not split): pages compared with their row %d, pages without a row %d, rows without a page %d",
			l.Rows, l.Unsplit, l.PagesMatched, l.PagesWithoutRow, l.RowsWithoutPage)
		if l.Duplicates > 0 {
			line += ", " + o.L.Sprintf("duplicate rows not compared %d", l.Duplicates)
		}
	}
	return line
}

func (o Options) fails(s validate.Severity) bool {
	return o.FailOn >= 0 && int(s) >= o.FailOn
}

// Writer receives a run's results in order.
type Writer interface {
	File(f File) error
	// Finish is called once after the last file, with the totals.
	Finish(s Summary) error
}

// PartWriter is a Writer that also takes one file in parts, for an input
// with more findings than should be held at once (validate.Stream). Every
// writer New returns is one.
type PartWriter interface {
	Writer
	// FilePart writes the next part of a file: f.Findings follow those of
	// the file's earlier parts (each part sorted, and after the one
	// before), and last says no part follows. f.Source and f.Error are
	// the same in every part. The output is the same as File's for the
	// whole file; File(f) is FilePart(f, true) when no part is pending.
	// The writer does not keep f.Findings after it returns.
	FilePart(f File, last bool) error
}

// factory builds a writer over w.
type factory func(w io.Writer, o Options) PartWriter

var writers = map[string]factory{
	"text":     newText,
	"json":     newJSON,
	"sarif":    newSARIF,
	"junit":    newJUnit,
	"github":   newGitHub,
	"markdown": newMarkdown,
}

// Formats lists the writer names, sorted.
func Formats() []string {
	names := make([]string, 0, len(writers))
	for n := range writers {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// New returns the writer with this name, one of Formats(), writing to w;
// an unknown name is an error that lists the valid ones. It is a
// PartWriter too.
func New(name string, w io.Writer, o Options) (Writer, error) {
	f, ok := writers[name]
	if !ok {
		return nil, fmt.Errorf("unknown format %q (valid: %s)", name, strings.Join(Formats(), ", "))
	}
	return f(w, o), nil
}

// Where is a finding's place after its file's name: "LINE:COL" in the
// source, or, for a finding of a description read from asectl's parse JSON
// (no positions), its field's JSON path ("" when it is about the whole
// document), escaped by Safe: the path comes from the input JSON, whose
// keys may hold any character.
func Where(x validate.Finding) string {
	if x.Pos.IsValid() {
		return strconv.Itoa(x.Pos.Line) + ":" + strconv.Itoa(x.Pos.Col)
	}
	return Safe(x.Field)
}

// located joins a file's name and a finding's place: "FILE:LINE:COL",
// "FILE:FIELD", or "FILE".
func located(file string, x validate.Finding) string {
	if w := Where(x); w != "" {
		return file + ":" + w
	}
	return file
}
