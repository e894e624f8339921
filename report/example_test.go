package report_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/asectl/asectl/model"
	"github.com/asectl/asectl/parser"
	"github.com/asectl/asectl/report"
	"github.com/asectl/asectl/validate"
)

// Write the one-project page of asectl report as Markdown for a parsed and
// validated description; here only its title, the granted funding and the
// findings table are printed. report.HTML writes the same page as HTML.
func ExampleMarkdown() {
	src, err := os.ReadFile("../testdata/A72213.txt")
	if err != nil {
		panic(err)
	}
	res, err := parser.Parse("A72213.txt", src, parser.Options{})
	if err != nil {
		panic(err)
	}
	today, _ := model.ParseISODate("2026-11-27")
	item := report.Item{Source: "A72213.txt", Doc: res.Doc, Findings: validate.Check(res, validate.Config{Today: today})}

	var b strings.Builder
	if err := report.Markdown(&b, []report.Item{item}, report.Options{Lang: "en", Today: today}); err != nil {
		panic(err)
	}
	for _, l := range strings.Split(b.String(), "\n") {
		if strings.HasPrefix(l, "# ") || strings.HasPrefix(l, "## Findings") || strings.Contains(l, "funding granted") || strings.HasPrefix(l, "| warning") {
			fmt.Println(l)
		}
	}
	// Output:
	// # A72213 Lapin maakunnallinen Arktisen erikoistumisen osaamiskeskittymä - Arctic Smartness Excellence -ASE
	// | EU and state funding granted | €1,551,280 |
	// ## Findings (0 errors, 1 warning)
	// | warning | 108:14 | indicator-not-applicable | 6 new jobs given, but objective 4.1 does not ask for this indicator |
}
