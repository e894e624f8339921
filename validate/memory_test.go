package validate

import (
	"os"
	"runtime"
	"testing"

	"github.com/asectl/asectl/internal/vary"
	"github.com/asectl/asectl/parser"
)

// TestFindingBytes bounds what each finding keeps alive until it is
// written: one input with many findings (900,000 unknown municipalities)
// holds all of them at once. A finding is the struct (96 bytes, and the
// slice's spare capacity), its field path and its message arguments; the
// year span is shared, not copied into every finding, and the findings grow
// once, not one by one.
func TestFindingBytes(t *testing.T) {
	if testing.Short() {
		t.Skip("parses a 200 KB description")
	}
	src, err := os.ReadFile("../testdata/A72213.txt")
	if err != nil {
		t.Fatal(err)
	}
	const n = 20000
	src = vary.WithNames(src, n)
	res, err := parser.Parse("many.txt", src, parser.Options{})
	if err != nil {
		t.Fatal(err)
	}
	src = nil
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	fs := Check(res, Config{Today: today})
	runtime.GC()
	runtime.ReadMemStats(&after)
	got := 0
	for _, f := range fs {
		if f.Rule == "area-unknown-name" {
			got++
		}
	}
	if got != n {
		t.Fatalf("%d area-unknown-name findings, want %d", got, n)
	}
	per := float64(after.HeapAlloc-before.HeapAlloc) / n
	alloc := float64(after.TotalAlloc-before.TotalAlloc) / n
	t.Logf("%.0f bytes live, %.0f allocated per finding", per, alloc)
	// Measured: 174 live and 216 allocated (177 and 409 under -race);
	// 216 and 624 when each finding had its own year span and the
	// findings grew one by one.
	if per > 195 {
		t.Errorf("%.0f bytes live per finding, want at most 195", per)
	}
	if alloc > 500 {
		t.Errorf("%.0f bytes allocated per finding, want at most 500", alloc)
	}
	runtime.KeepAlive(fs)
	runtime.KeepAlive(res)
}
