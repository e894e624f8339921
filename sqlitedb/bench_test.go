//go:build unix

package sqlitedb

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/asectl/asectl/internal/gen"
)

// BenchmarkAdd measures the export of generated descriptions into a new
// database, per description (parse and validate are not timed).
func BenchmarkAdd(b *testing.B) {
	tmpl, err := os.ReadFile("../testdata/A72213.txt")
	if err != nil {
		b.Fatal(err)
	}
	g := gen.New(tmpl, 5)
	var ins []input
	for i := range 500 {
		ins = append(ins, input{name: filepath.Join("gen", string(rune('a'+i%26)), string(rune('0'+i))), src: g.Description(i)})
	}
	entries := prepare(b, ins)
	dir := b.TempDir()
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		path := filepath.Join(dir, "b.db")
		w, err := Create(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		for _, e := range entries {
			if err := w.Add(e.doc, e.findings); err != nil {
				b.Fatal(err)
			}
		}
		if err := w.Commit(); err != nil {
			b.Fatal(err)
		}
	}
	// CPU time, not wall: on a shared machine the wall time says more about
	// the neighbours than about the export.
	b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/float64(b.N*len(entries)), "cpu-ns/description")
}

// cpuTime is the process's user and system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
