// Package core is what the browser engine adds to package web: the
// findings document, SARIF and CSV as the CLI writes them, the HTML report,
// the page's view of one input and the rules' explanations.
package core

import (
	"bytes"
	"strings"
	"time"

	"github.com/asectl/asectl/findings"
	"github.com/asectl/asectl/internal/web"
	"github.com/asectl/asectl/model"
	"github.com/asectl/asectl/parser"
	"github.com/asectl/asectl/report"
	"github.com/asectl/asectl/validate"
)

// CSV is `asectl parse --format csv` of the inputs (without --excel).
func CSV(ins []web.Input, o web.Options) ([]byte, error) {
	l := o.Localizer()
	var out bytes.Buffer
	w := findings.NewCSV(&out, false)
	for _, in := range ins {
		if err := w.Write(web.Read(in).Doc(in.Name, l)); err != nil {
			return nil, err
		}
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// Findings is `asectl validate --format FORMAT` of the inputs, format one
// of findings.Formats() ("json", "sarif", …), with the default rule settings
// (no .asectl.yaml). SARIF's paths are the input names as given, without a
// base: the page has no working directory.
func Findings(ins []web.Input, format string, o web.Options) ([]byte, error) {
	l := o.Localizer()
	var out bytes.Buffer
	w, err := findings.New(format, &out, findings.Options{
		Version: o.Version, Rules: validate.Rules(), FailOn: int(validate.Error), L: l,
	})
	if err != nil {
		return nil, err
	}
	cfg := validate.Config{Today: o.Today}
	var sum findings.Summary
	unreadable, failed := false, false
	for _, in := range ins {
		f := findings.File{Source: in.Name}
		f.Error, f.Findings = web.Check(web.Read(in), cfg, l)
		unreadable = unreadable || f.Error != ""
		for _, x := range f.Findings {
			failed = failed || x.Severity >= validate.Error
		}
		sum.Add(f)
		if err := w.File(f); err != nil {
			return nil, err
		}
	}
	switch {
	case unreadable:
		sum.ExitCode = 2
	case failed:
		sum.ExitCode = 1
	}
	if err := w.Finish(sum); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// View is what the page shows of one input.
type View struct {
	Source   string  `json:"source"`
	Error    *string `json:"error"`    // why it could not be read, as the findings document says
	Encoding string  `json:"encoding"` // the encoding it was read as; "" when unread
	// Doc is the parse document (asectl parse's JSON).
	Doc      []byte                 `json:"-"`
	Findings []findings.JSONFinding `json:"findings"`
	Summary  findings.JSONSummary   `json:"summary"`
	// Text is the decoded input without a byte order mark: its lines are
	// what finding positions count (lines and columns from 1, columns in
	// Unicode code points).
	Text string `json:"text"`
}

// ViewOf is one input's description, findings and text for the page.
func ViewOf(in web.Input, o web.Options) View {
	l := o.Localizer()
	oc := web.Read(in)
	f := findings.File{Source: in.Name}
	f.Error, f.Findings = web.Check(oc, validate.Config{Today: o.Today}, l)
	jf := findings.ToJSON(f, findings.Options{L: l})
	v := View{Source: in.Name, Error: jf.Error, Findings: jf.Findings}
	var sum findings.Summary
	sum.Add(f)
	v.Summary = findings.JSONSummary{Files: sum.Files, Errors: sum.Errors, Warnings: sum.Warnings, Infos: sum.Infos}
	v.Doc = oc.Doc(in.Name, l).AppendJSON(nil)
	if !oc.Unread {
		if text, enc, err := parser.Decode(in.Src, ""); err == nil {
			v.Text, v.Encoding = strings.TrimPrefix(text, "\ufeff"), enc
		}
	}
	return v
}

// RuleInfo is one rule for the page's explanations.
type RuleInfo struct {
	ID       string `json:"id"`
	Severity string `json:"severity"`
	Doc      string `json:"doc"`
	Explain  string `json:"explain"`
}

// Rules lists every rule, as `asectl rules RULE` explains it.
func Rules() []RuleInfo {
	var out []RuleInfo
	for _, r := range validate.Rules() {
		out = append(out, RuleInfo{ID: r.ID, Severity: r.Severity.String(), Doc: r.Doc, Explain: r.Explain})
	}
	return out
}

// Report is `asectl report` (HTML) of the inputs: a one-project page for one
// input, a portfolio for several.
func Report(ins []web.Input, o web.Options) ([]byte, error) {
	l := o.Localizer()
	today := o.Today
	if today == (model.Date{}) {
		today = model.DateOf(time.Now())
	}
	opt := report.Options{Lang: l.Lang, Today: today, Version: o.Version}
	cfg := validate.Config{Today: today}
	item := func(in web.Input) report.Item {
		oc := web.Read(in)
		it := report.Item{Source: in.Name}
		if oc.Err != nil {
			it.Error = web.Describe(l, oc.Err)
			return it
		}
		it.Doc = oc.Res.Doc
		it.Findings, _ = web.Guard(func() ([]validate.Finding, error) { return validate.Check(oc.Res, cfg), nil })
		return it
	}
	var out bytes.Buffer
	if len(ins) > 1 {
		pf := report.NewPortfolio(opt)
		for _, in := range ins {
			pf.Add(item(in))
		}
		err := pf.HTML(&out)
		return out.Bytes(), err
	}
	var items []report.Item
	for _, in := range ins {
		items = append(items, item(in))
	}
	err := report.HTML(&out, items, opt)
	return out.Bytes(), err
}
