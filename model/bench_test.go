package model

import (
	"os"
	"testing"
)

// BenchmarkAppendString: JSON-quoting a description's worth of free text.
func BenchmarkAppendString(b *testing.B) {
	src, err := os.ReadFile("../testdata/A72213.txt")
	if err != nil {
		b.Fatal(err)
	}
	s := string(src)
	b.SetBytes(int64(len(s)))
	var dst []byte
	for b.Loop() {
		dst = appendString(dst[:0], s)
	}
}
