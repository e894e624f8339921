package programme

import "testing"

// BenchmarkLoadRegions: what the first area check of a process pays.
func BenchmarkLoadRegions(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := loadRegions(regionsCSV); err != nil {
			b.Fatal(err)
		}
	}
}
