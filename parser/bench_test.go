package parser

import (
	"os"
	"testing"
)

func BenchmarkParseSample(b *testing.B) {
	src, err := os.ReadFile(sample)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("x", src, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
