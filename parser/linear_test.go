package parser

import (
	"strings"
	"testing"
	"time"
)

// Regressions: inputs that made the parse quadratic. Each ran for a minute
// or more at these sizes and takes well under a second now; the limit only
// separates the two (it is no speed target: bench/ measures speed).
func TestLinearTime(t *testing.T) {
	sample := string(readFile(t, sample))
	for _, tc := range []struct {
		name string
		src  string
	}{
		// implicitSwitchOK walked every heading for every label that
		// belongs to a later section.
		{"labels among headings", "1 Hanke\nHankekoodi: A1\n" +
			strings.Repeat("1 Hanke\nY-tunnus: 1234567-1\n", 200_000) + "2 Hakijan perustiedot\n"},
		// bufEmpty scanned the justification's blank lines for every line.
		{"blank lines in 8.2", "1 Hanke\nHankekoodi: A1\n8.2 Kestävä kehitys\nLuonnonvarojen käytön kestävyys 7 7\n" +
			strings.Repeat("\n", 200_000) + strings.Repeat("x\n", 200_000)},
		// nameList counted every name's column from the start of the line.
		{"long name list", strings.Replace(sample, "Kunnat: ", "Kunnat: "+strings.Repeat("Rovaniemi, ", 200_000), 1)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			done := make(chan error, 1)
			go func() {
				_, err := Parse("x", []byte(tc.src), Options{})
				done <- err
			}()
			select {
			case err := <-done:
				if err != nil {
					t.Fatal(err)
				}
			case <-time.After(30 * time.Second):
				t.Fatalf("%d bytes not parsed in 30 s: quadratic again?", len(tc.src))
			}
		})
	}
}
