package cli

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/asectl/asectl/findings"
	"github.com/asectl/asectl/internal/i18n"
	"github.com/asectl/asectl/parser"
	"github.com/asectl/asectl/projectlist"
	"github.com/asectl/asectl/report"
	"github.com/asectl/asectl/validate"
)

// A project-list export (package projectlist) is read wherever descriptions
// are: parseInput recognises it by its header line and checks the header,
// and the parse and validate commands stream its rows from there, so that
// a list of 20,000 rows is never held as 20,000 records.

// classifyList checks a list input's header: outRead, or why not.
func classifyList(p parsed, enc string) (parsed, outcome, error) {
	_, err := projectlist.CheckHeader(p.src, enc)
	switch {
	case err == nil:
		p.list = true
		return p, outRead, nil
	case errors.Is(err, parser.ErrEncoding):
		return p, outUnreadable, err
	}
	return p, outNotDescription, err
}

// listRows streams the rows of a list input to fn. A panic met on the way
// is an internalError.
func listRows(p *parsed, c *commonFlags, fn func(*projectlist.Row) error) error {
	_, err := guard(func() (*projectlist.List, error) {
		return projectlist.Scan(findings.PathText(p.name), p.src, c.encoding, fn)
	})
	return err
}

// listParseRow reports a row's problems on stderr the way parse reports a
// description's, and tells whether the row could not be split.
func listParseRow(l *i18n.Localizer, bar *progress, name string, r *projectlist.Row) bool {
	for _, pr := range r.Problems {
		bar.errorf("%s:%d:%d: warning: %s [%s]\n", termName(name), pr.Pos.Line, pr.Pos.Col, findings.Safe(l.Message(pr.Msg)), pr.Rule)
	}
	if r.Err == nil {
		return false
	}
	msg := l.Message(parser.Msg("cannot split the row into the list's columns: %s", *r.Err))
	bar.errorf("%s:%d:%d: error: %s [%s]\n", termName(name), r.Line, max(r.ErrCol, 1), findings.Safe(msg), validate.RuleListRow)
	return true
}

// validateList checks every row of a list input. The rows' strings are the
// decoded text's own (parser.Decode never views src), so the findings
// outlive the input buffer.
func validateList(p *parsed, c *commonFlags, cfg validate.Config) (findings.File, outcome, error) {
	var f findings.File
	chk := projectlist.NewChecker(cfg)
	err := listRows(p, c, func(r *projectlist.Row) error {
		f.Findings = append(f.Findings, chk.Check(r)...)
		return nil
	})
	if err != nil {
		return findings.File{}, outInternal, err
	}
	return f, outRead, nil
}

// loadListIndex reads the --list file ("" for none). A file that cannot be
// read or is not a project list is a usage error.
func loadListIndex(path string, ios *IOStreams, c *commonFlags) (*projectlist.Index, error) {
	if path == "" {
		return nil, nil
	}
	src, err := readInput(input{Name: path}, ios.In, c.maxSize, nil)
	if err != nil {
		return nil, usagef("--list %s: %v", termName(path), cleanPathError(err))
	}
	ix, err := projectlist.NewIndex(findings.PathText(path), src, c.encoding)
	if err != nil {
		return nil, usagef("--list %s: %v", termName(path), err)
	}
	return ix, nil
}

// errListNotDescription is why fmt passes over a project list: a list has
// no canonical layout.
var errListNotDescription = fmt.Errorf("%w: this is a project-list export; parse, validate and report read it, fmt reads descriptions", parser.ErrNotDescription)

// parseDescription is parseInput for the commands that take descriptions
// only (fmt): a project list is not one.
func parseDescription(in input, ios *IOStreams, c *commonFlags) (parsed, outcome, error) {
	p, o, err := parseInput(in, ios, c)
	if o == outRead && p.list {
		return p, outNotDescription, errListNotDescription
	}
	return p, o, err
}

// listItems turns a list's rows into report items, each checked as validate
// checks it; a row that could not be split is an item with its reason.
func listItems(p *parsed, c *commonFlags, cfg validate.Config) ([]report.Item, error) {
	var its []report.Item
	chk := projectlist.NewChecker(cfg)
	err := listRows(p, c, func(r *projectlist.Row) error {
		it := report.Item{Source: r.Source + ":" + strconv.Itoa(r.Line), Findings: chk.Check(r), Doc: r.Description()}
		if r.Err != nil {
			it.Error = parser.Msg("cannot split the row into the list's columns: %s", *r.Err).String()
		}
		its = append(its, it)
		return nil
	})
	return its, err
}
