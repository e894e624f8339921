package parser_test

import (
	"fmt"
	"os"

	"github.com/asectl/asectl/parser"
)

// Parse one description and read a few of its values. Amounts are exact
// (hundredths in a model.Fixed2), dates calendar dates.
func ExampleParse() {
	src, err := os.ReadFile("../testdata/A72213.txt")
	if err != nil {
		panic(err)
	}
	res, err := parser.Parse("A72213.txt", src, parser.Options{})
	if err != nil {
		panic(err) // not a description at all, or a forced encoding that does not fit
	}
	d := res.Doc
	fmt.Println(d.Project.Code.Value, d.Fund.Value, d.Language)
	fmt.Println(d.Project.Name.Value)
	fmt.Println(d.Funding.EUStateGranted.Value, "euros granted")
	fmt.Println(d.Project.Period.Start.Value, "–", d.Project.Period.End.Value)
	fmt.Println(len(res.Problems), "problems")
	// Output:
	// A72213 EAKR fi
	// Lapin maakunnallinen Arktisen erikoistumisen osaamiskeskittymä - Arctic Smartness Excellence -ASE
	// 1551280 euros granted
	// 2016-02-13 – 2018-03-15
	// 0 problems
}

// A value that cannot be read is a problem with its place and field, and
// the field is null (not valid) in the model.
func ExampleParse_problem() {
	src := []byte("1 Hanke\n\nHankekoodi: A72213\n\n5 Projektin julkinen rahoitus, euroa\n\nMyönnetty EU- ja valtion rahoitus: 1 5S1 280\n")
	res, err := parser.Parse("x.txt", src, parser.Options{})
	if err != nil {
		panic(err)
	}
	for _, p := range res.Problems {
		fmt.Printf("%d:%d %s %s: %s\n", p.Pos.Line, p.Pos.Col, p.Rule, p.Field, p.Msg)
	}
	fmt.Println(res.Doc.Funding.EUStateGranted.Valid, res.Doc.Funding.EUStateGranted.Raw)
	// Output:
	// 7:36 invalid-number funding.eu_state_granted: cannot read the amount "1 5S1 280": unexpected character
	// false 1 5S1 280
}
