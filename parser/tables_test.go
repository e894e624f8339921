package parser

import (
	"slices"
	"testing"
)

// TestTablesAreCopies: the exported lists are handed out as fresh slices, so
// a caller that changes one cannot change the parser's own (issue 14).
func TestTablesAreCopies(t *testing.T) {
	for _, c := range []struct {
		name  string
		list  func() []string
		first string
	}{
		{"Encodings", Encodings, "auto"},
		{"Rules", Rules, RuleInvalidNumber},
	} {
		a := c.list()
		if len(a) == 0 || a[0] != c.first {
			t.Fatalf("%s()[0] = %v, want %q", c.name, a, c.first)
		}
		want := slices.Clone(a)
		a[0] = "changed"
		_ = append(a[:1], "appended")
		if got := c.list(); !slices.Equal(got, want) {
			t.Errorf("%s() after the caller changed its copy: %v, want %v", c.name, got, want)
		}
	}
	// Every listed encoding is accepted.
	for _, enc := range Encodings() {
		if _, _, err := Decode([]byte("Koodi: A1\n"), enc); err != nil {
			t.Errorf("encoding %q: %v", enc, err)
		}
	}
}
