package programme

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

//go:generate go run ./gencompact

// CompactRegions folds the year-by-year key (one row per year and
// municipality, 2,500 rows) into one row per distinct row with the years
// it holds in, as a bit set (bit 0 = 2014): the same facts in a seventh of
// the rows, which is what a one-file check has to read at start-up.
func CompactRegions(full []byte) ([]byte, error) {
	lines := strings.Split(strings.TrimSpace(string(full)), "\n")
	if len(lines) < 2 {
		return nil, fmt.Errorf("no rows")
	}
	header := strings.Split(strings.TrimSpace(lines[0]), ",")
	if header[0] != "year" {
		return nil, fmt.Errorf("the first column is %q, not year", header[0])
	}
	years := map[string]uint16{}
	var order []string
	for _, l := range lines[1:] {
		l = strings.TrimRight(l, "\r")
		if strings.ContainsRune(l, '"') {
			return nil, fmt.Errorf("quoted fields are not expected: %q", l)
		}
		year, rest, ok := strings.Cut(l, ",")
		if !ok {
			return nil, fmt.Errorf("bad row %q", l)
		}
		y, err := strconv.Atoi(year)
		if err != nil || y < FirstYear || y > LastYear {
			return nil, fmt.Errorf("bad year in %q", l)
		}
		if _, seen := years[rest]; !seen {
			order = append(order, rest)
		}
		years[rest] |= 1 << (y - FirstYear)
	}
	sort.Strings(order)
	var b bytes.Buffer
	b.WriteString("years_mask," + strings.Join(header[1:], ",") + "\n")
	for _, rest := range order {
		fmt.Fprintf(&b, "%d,%s\n", years[rest], rest)
	}
	return b.Bytes(), nil
}
