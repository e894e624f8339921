package report_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/asectl/asectl/internal/vary"
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

// Fill an item from a findings stream (a description with more findings
// than should be held at once): the item keeps the first
// report.MaxShownFindings findings and counts them all, and the page says
// how many it leaves out. Here 1,500 unknown municipalities.
func ExampleItem_AddFindings() {
	src, err := os.ReadFile("../testdata/A72213.txt")
	if err != nil {
		panic(err)
	}
	src = vary.WithNames(src, 1500)
	res, err := parser.Parse("many.txt", src, parser.Options{})
	if err != nil {
		panic(err)
	}
	today, _ := model.ParseISODate("2026-11-27")
	// At most 100 findings held at once; fs is nil when there are more.
	fs, stream := validate.CheckStream(res, validate.Config{Today: today}, 100)
	item := report.Item{Source: "many.txt", Doc: res.Doc, Findings: fs}
	if stream != nil {
		_ = stream.Each(nil, item.AddFindings) // AddFindings returns no error
	}
	fmt.Println(len(item.Findings), item.Counts.Total, item.Counts.ByRule["area-unknown-name"])

	var b strings.Builder
	if err := report.Markdown(&b, []report.Item{item}, report.Options{Lang: "en", Today: today}); err != nil {
		panic(err)
	}
	for _, l := range strings.Split(b.String(), "\n") {
		if strings.HasPrefix(l, "## Findings") || strings.HasPrefix(l, "_… ") {
			fmt.Println(l)
		}
	}
	// Output:
	// 1000 1501 1500
	// ## Findings (0 errors, 1,501 warnings)
	// _… 1,277 more findings not shown: asectl validate lists them all_
}
