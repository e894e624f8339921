package report

import (
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/asectl/asectl/validate"
)

// sarifWriter builds one SARIF 2.1.0 log for the whole run: SARIF is a
// single document, so results are kept until Finish. Findings are small;
// the descriptions themselves are long gone by then.
type sarifWriter struct {
	w   io.Writer
	o   Options
	run *sarif.Run
	inv *sarif.Invocation
}

func newSARIF(w io.Writer, o Options) Writer {
	driver := sarif.NewToolComponent().
		WithName("asectl").
		WithVersion(o.Version).
		WithSemanticVersion(strings.TrimPrefix(o.Version, "v")).
		WithInformationURI("https://github.com/asectl/asectl")
	driver.Language = "en"
	driver.Rules = []*sarif.ReportingDescriptor{}
	for _, r := range o.Rules {
		conf := sarif.NewReportingConfiguration().WithLevel(sarifLevel(o.severity(r)))
		driver.Rules = append(driver.Rules, sarif.NewRule(r.ID).
			WithName(ruleName(r.ID)).
			WithShortDescription(sarif.NewMultiformatMessageString().WithText(r.Doc)).
			WithFullDescription(sarif.NewMultiformatMessageString().WithText(r.Doc+".\n\n"+r.Explain)).
			WithHelp(sarif.NewMultiformatMessageString().WithText(r.Explain)).
			WithDefaultConfiguration(conf))
	}
	run := sarif.NewRun().WithTool(sarif.NewTool().WithDriver(driver)).WithColumnKind("unicodeCodePoints")
	run.Language = "en"
	if o.Cwd != "" {
		base := (&url.URL{Scheme: "file", Path: filepath.ToSlash(o.Cwd) + "/"}).String()
		run.WithOriginalUriBaseIds(map[string]sarif.ArtifactLocation{"SRCROOT": *sarif.NewArtifactLocation().WithURI(base)})
	}
	inv := sarif.NewInvocation().WithExecutionSuccessful(true)
	run.AddInvocation(inv)
	return &sarifWriter{w: w, o: o, run: run, inv: inv}
}

// ruleName turns "business-id" into "BusinessId", the form SARIF viewers show.
func ruleName(id string) string {
	var b strings.Builder
	for _, part := range strings.Split(id, "-") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}

func sarifLevel(s validate.Severity) string {
	switch s {
	case validate.Error:
		return "error"
	case validate.Warning:
		return "warning"
	}
	return "note"
}

// artifactURI is the input's path relative to the working directory, with
// forward slashes, as code scanning expects.
func (s *sarifWriter) artifactURI(source string) string {
	if source == "-" {
		return "stdin"
	}
	p := source
	if s.o.Cwd != "" {
		abs := p
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(s.o.Cwd, abs)
		}
		if rel, err := filepath.Rel(s.o.Cwd, abs); err == nil {
			p = rel
		}
	}
	u := url.URL{Path: filepath.ToSlash(p)}
	return u.EscapedPath()
}

func (s *sarifWriter) location(source string) *sarif.ArtifactLocation {
	loc := sarif.NewArtifactLocation().WithURI(s.artifactURI(source))
	if s.o.Cwd != "" && source != "-" {
		loc.WithURIBaseID("SRCROOT")
	}
	return loc
}

func (s *sarifWriter) File(f File) error {
	if f.Error != "" {
		n := sarif.NewNotification().
			WithLevel("error").
			WithMessage(sarif.NewTextMessage(f.Error)).
			WithLocations([]*sarif.Location{sarif.NewLocationWithPhysicalLocation(
				sarif.NewPhysicalLocation().WithArtifactLocation(s.location(f.Source)))})
		s.inv.ToolExecutionNotifications = append(s.inv.ToolExecutionNotifications, n)
		s.inv.WithExecutionSuccessful(false)
	}
	for _, x := range f.Findings {
		region := sarif.NewRegion().WithStartLine(max(x.Pos.Line, 1)).WithStartColumn(max(x.Pos.Col, 1))
		r := sarif.NewRuleResult(x.Rule).
			WithLevel(sarifLevel(x.Severity)).
			WithMessage(sarif.NewTextMessage(s.o.message(x))).
			WithLocations([]*sarif.Location{sarif.NewLocationWithPhysicalLocation(
				sarif.NewPhysicalLocation().
					WithArtifactLocation(s.location(f.Source)).
					WithRegion(region))})
		r.RuleIndex = s.ruleIndex(x.Rule)
		if x.Field != "" {
			r.WithProperties(sarif.NewPropertyBag().Add("field", x.Field))
		}
		s.run.AddResult(r)
	}
	return nil
}

func (s *sarifWriter) ruleIndex(id string) int {
	for i, r := range s.o.Rules {
		if r.ID == id {
			return i
		}
	}
	return -1
}

func (s *sarifWriter) Finish(sum Summary) error {
	s.inv.WithExitCode(sum.ExitCode)
	log := sarif.NewReport()
	log.AddRun(s.run)
	b, err := json.MarshalIndent(log, "", "  ")
	if err != nil {
		return err
	}
	b = append(b, '\n')
	_, err = s.w.Write(b)
	return err
}
