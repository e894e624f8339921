package findings

import (
	"slices"
	"strings"
	"testing"

	"github.com/asectl/asectl/model"
)

// Every column comes from one row of the field table, with as many names
// as its value has cells; the published columns keep their order.
func TestCSVColumnsFromTheTable(t *testing.T) {
	if !slices.Equal(CSVColumns()[:len(csvPublished)], csvPublished) {
		t.Fatalf("the published columns moved: %v", CSVColumns())
	}
	named := map[string]int{}
	d := model.New("x")
	for _, id := range model.Fields() {
		names := csvNames(id)
		if len(names) == 0 {
			continue
		}
		for _, n := range names {
			named[n]++
		}
		if cells := csvCells(nil, id.In(d)); len(cells) != len(names) {
			t.Errorf("%s: %d column names (%s) for %d cells", id.Path(), len(names), strings.Join(names, ","), len(cells))
		}
	}
	for _, c := range CSVColumns() {
		if named[c] != 1 {
			t.Errorf("column %q is named by %d rows of the field table", c, named[c])
		}
	}
	cols := CSVColumns()
	cols[0] = "changed"
	if CSVColumns()[0] != "source" {
		t.Error("CSVColumns hands out its own slice")
	}
	if len(named) != len(CSVColumns()) {
		t.Errorf("%d names in the table, %d columns", len(named), len(CSVColumns()))
	}
}
