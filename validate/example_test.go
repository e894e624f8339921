package validate_test

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/asectl/asectl/internal/vary"
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

// An input with more findings than should be held at once (here 2,500
// unknown municipalities, with at most 1,000 findings held) gives a
// Stream, whose chunks, one after another, are Check's findings.
func ExampleCheckStream() {
	src, err := os.ReadFile("../testdata/A72213.txt")
	if err != nil {
		panic(err)
	}
	text := vary.WithNames(src, 2500)
	res, err := parser.Parse("many.txt", text, parser.Options{})
	if err != nil {
		panic(err)
	}
	today, _ := model.ParseISODate("2026-11-27")
	all, stream := validate.CheckStream(res, validate.Config{Today: today}, 1000)
	fmt.Println(len(all), "held;", stream.Len(), "to come")
	_ = stream.Each(nil, func(chunk []validate.Finding) error {
		fmt.Printf("%d findings from %s to %s\n", len(chunk), chunk[0].Pos, chunk[len(chunk)-1].Pos)
		return nil
	})
	// Output:
	// 0 held; 2501 to come
	// 1000 findings from 94:41 to 94:7923
	// 1000 findings from 94:7931 to 94:16922
	// 501 findings from 94:16931 to 108:14
}

// A description read back from asectl's parse JSON has no positions: its
// findings come in CheckDescription's order (rule, then message), in
// windows of about the limit.
func ExampleCheckDescriptionStream() {
	src, err := os.ReadFile("../testdata/A72213.txt")
	if err != nil {
		panic(err)
	}
	text := vary.WithNames(src, 2500)
	res, err := parser.Parse("many.txt", text, parser.Options{})
	if err != nil {
		panic(err)
	}
	js, _ := json.Marshal(res.Doc)
	var d *model.Description
	if err := json.Unmarshal(js, &d); err != nil {
		panic(err)
	}
	today, _ := model.ParseISODate("2026-11-27")
	all, stream := validate.CheckDescriptionStream(d, validate.Config{Today: today}, 1000)
	fmt.Println(len(all), "held;", stream.Len(), "to come")
	n := 0
	_ = stream.Each(nil, func(chunk []validate.Finding) error {
		if n == 0 {
			fmt.Println(chunk[0].Field, chunk[0].Message())
		}
		n += len(chunk)
		return nil
	})
	fmt.Println(n, "findings")
	// Output:
	// 0 held; 2501 to come
	// area.municipalities[4] municipality "Eik0" is not in the classification of 2016–2018
	// 2501 findings
}
