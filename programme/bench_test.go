package programme

import "testing"

// BenchmarkMunicipality: one lookup of the area rules (the key itself is
// generated data: nothing to load).
func BenchmarkMunicipality(b *testing.B) {
	r := GetRegions()
	ys := Span(2016, 2019)
	var buf [4]Municipality
	b.ReportAllocs()
	for b.Loop() {
		if len(r.Municipality(buf[:0], "Rovaniemi", ys)) == 0 {
			b.Fatal("Rovaniemi not found")
		}
	}
}
