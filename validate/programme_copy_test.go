package validate

import (
	"os"
	"testing"

	"github.com/asectl/asectl/parser"
	"github.com/asectl/asectl/programme"
)

// TestEmbeddedProgrammeCannotBeChanged: changing what programme.Get
// returned changes no Check (regression: objective 4.1's NewJobs set
// through programme.Get() silenced indicator-not-applicable everywhere).
func TestEmbeddedProgrammeCannotBeChanged(t *testing.T) {
	src, err := os.ReadFile("../testdata/A72213.txt")
	if err != nil {
		t.Fatal(err)
	}
	res, err := parser.Parse("A72213.txt", src, parser.Options{})
	if err != nil {
		t.Fatal(err)
	}
	before := len(Check(res, Config{}))
	if before == 0 {
		t.Fatal("the reference sample has no finding to lose")
	}
	o := programme.Get().Objective("4.1")
	o.NewJobs, o.NewCompanies = true, true
	if after := len(Check(res, Config{})); after != before {
		t.Errorf("%d findings after changing programme.Get()'s copy, %d before", after, before)
	}
}
