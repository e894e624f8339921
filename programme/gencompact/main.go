// Command gencompact writes programme/data/regions_compact.csv from the
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
		var compact []byte
		if compact, err = programme.CompactRegions(full); err == nil {
			err = os.WriteFile("data/regions_compact.csv", compact, 0o644)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencompact:", err)
		os.Exit(1)
	}
}
