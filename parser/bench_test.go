package parser

import (
	"os"
	"testing"
	"unicode/utf8"
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

// BenchmarkScanUTF8 is the decoder's one pass over every byte (UTF-8
// validity and the clean flag), next to utf8.Valid, its floor.
func BenchmarkScanUTF8(b *testing.B) {
	src, err := os.ReadFile(sample)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("scanUTF8", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			if valid, _ := scanUTF8(src); !valid {
				b.Fatal("invalid")
			}
		}
	})
	b.Run("utf8.Valid", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			if !utf8.Valid(src) {
				b.Fatal("invalid")
			}
		}
	})
}
