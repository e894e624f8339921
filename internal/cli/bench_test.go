package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/asectl/asectl/internal/gen"
)

// corpus writes n generated descriptions into a temporary directory and
// returns it with its size in bytes.
func corpus(b *testing.B, n int) (string, int64) {
	b.Helper()
	tmpl, err := os.ReadFile("../../testdata/A72213.txt")
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	g := gen.New(tmpl, 1)
	var size int64
	for i := 0; i < n; i++ {
		d := g.Description(i)
		size += int64(len(d))
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%05d.txt", i)), d, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir, size
}

func benchBatch(b *testing.B, args ...string) {
	dir, size := corpus(b, 500)
	ios := &IOStreams{In: &bytes.Buffer{}, Out: io.Discard, ErrOut: io.Discard,
		Getenv: func(string) string { return "" }, Getwd: os.Getwd}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		if code := Run(append(args, dir), ios); code > 1 {
			b.Fatalf("exit %d", code)
		}
	}
}

// BenchmarkValidateBatch: asectl validate --format json over 500 files.
func BenchmarkValidateBatch(b *testing.B) {
	benchBatch(b, "validate", "--format", "json", "--today", "2026-11-27")
}

// BenchmarkParseBatch: asectl parse --format jsonl over 500 files.
func BenchmarkParseBatch(b *testing.B) { benchBatch(b, "parse", "--format", "jsonl") }
