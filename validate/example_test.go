package validate_test

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/asectl/asectl/model"
	"github.com/asectl/asectl/parser"
	"github.com/asectl/asectl/validate"
)

func sample() *parser.Result {
	src, err := os.ReadFile("../testdata/A72213.txt")
	if err != nil {
		panic(err)
	}
	res, err := parser.Parse("A72213.txt", src, parser.Options{})
	if err != nil {
		panic(err)
	}
	return res
}

// Check a parsed description against every rule. Today fixes the
// reference date of the date rules, so that the result is reproducible.
func ExampleCheck() {
	today, _ := model.ParseISODate("2026-11-27")
	for _, f := range validate.Check(sample(), validate.Config{Today: today}) {
		fmt.Printf("%s: %s: %s [%s] %s\n", f.Pos, f.Severity, f.Message(), f.Rule, f.Field)
	}
	// Output:
	// 108:14: warning: 6 new jobs given, but objective 4.1 does not ask for this indicator [indicator-not-applicable] indicators.new_jobs.planned.total
}

// Turn a rule off and make another stricter, as .asectl.yaml does.
func ExampleConfig() {
	today, _ := model.ParseISODate("2026-11-27")
	cfg := validate.Config{
		Today:    today,
		Off:      map[string]bool{"indicator-not-applicable": true},
		Severity: map[string]validate.Severity{"phone": validate.Error},
	}
	fmt.Println(len(validate.Check(sample(), cfg)), "findings")
	// Output:
	// 0 findings
}

// A description read back from asectl's parse JSON gives the same rules
// and fields as its source, located by field alone (no positions).
func ExampleCheckDescription() {
	b, err := json.Marshal(sample().Doc)
	if err != nil {
		panic(err)
	}
	var d model.Description
	if err := json.Unmarshal(b, &d); err != nil {
		panic(err)
	}
	today, _ := model.ParseISODate("2026-11-27")
	for _, f := range validate.CheckDescription(&d, validate.Config{Today: today}) {
		fmt.Printf("%s %s valid position: %v\n", f.Rule, f.Field, f.Pos.IsValid())
	}
	// Output:
	// indicator-not-applicable indicators.new_jobs.planned.total valid position: false
}
