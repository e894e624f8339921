package validate

import (
	"os"
	"testing"

	"github.com/asectl/asectl/parser"
)

func BenchmarkValidateSample(b *testing.B) {
	src, err := os.ReadFile("../testdata/A72213.txt")
	if err != nil {
		b.Fatal(err)
	}
	res, err := parser.Parse("x", src, parser.Options{})
	if err != nil {
		b.Fatal(err)
	}
	Check(res, Config{Today: today}) // load the embedded data once
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		Check(res, Config{Today: today})
	}
}
