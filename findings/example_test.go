package findings_test

import (
	"fmt"
	"os"

	"github.com/asectl/asectl/findings"
	"github.com/asectl/asectl/messages"
	"github.com/asectl/asectl/model"
	"github.com/asectl/asectl/parser"
	"github.com/asectl/asectl/validate"
)

// Write one file's findings in the text format (FILE:LINE:COL: severity:
// message [rule]) and the summary line, in English and in Finnish.
// findings.Formats lists every format.
func ExampleNew() {
	src, err := os.ReadFile("../testdata/A72213.txt")
	if err != nil {
		panic(err)
	}
	res, err := parser.Parse("A72213.txt", src, parser.Options{})
	if err != nil {
		panic(err)
	}
	today, _ := model.ParseISODate("2026-11-27")
	f := findings.File{Source: "A72213.txt", Findings: validate.Check(res, validate.Config{Today: today})}

	for _, lang := range []string{"en", "fi"} {
		w, err := findings.New("text", os.Stdout, findings.Options{Rules: validate.Rules(), FailOn: int(validate.Error), L: messages.New(lang)})
		if err != nil {
			panic(err)
		}
		var sum findings.Summary
		sum.Add(f)
		if err := w.File(f); err != nil {
			panic(err)
		}
		if err := w.Finish(sum); err != nil {
			panic(err)
		}
	}
	fmt.Println(findings.Formats())
	// Output:
	// A72213.txt:108:14: warning: 6 new jobs given, but objective 4.1 does not ask for this indicator [indicator-not-applicable]
	// 1 file, 0 errors, 1 warning
	// A72213.txt:108:14: warning: 6 uutta työpaikkaa ilmoitettu, mutta erityistavoitteessa 4.1 tätä tietoa ei kysytä [indicator-not-applicable]
	// 1 tiedosto, 0 virhettä, 1 varoitus
	// [github json junit markdown sarif text]
}
