// Command genregions writes programme/regions_table.go from the
// year-by-year key: go generate ./programme
package main

import (
	"fmt"
	"os"

	"github.com/asectl/asectl/programme"
)

func main() {
	full, err := os.ReadFile("data/fi_kunta_seutukunta_maakunta_2014_2021.csv")
	if err == nil {
		var src []byte
		if src, err = programme.RegionsSource(full); err == nil {
			err = os.WriteFile("regions_table.go", src, 0o644)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "genregions:", err)
		os.Exit(1)
	}
}
