package validate

import (
	"strings"
	"testing"

	"github.com/asectl/asectl/internal/vary"
	"github.com/asectl/asectl/parser"
)

// FuzzCheckValue runs every rule on the reference description with any
// text in place of one of its values: no panic, and every finding lies on a
// line of the file (or is about the whole file, at 0:0).
func FuzzCheckValue(f *testing.F) {
	s := vary.ForFuzz(f, "../testdata/A72213.txt")
	f.Fuzz(func(t *testing.T, which uint8, value string) {
		src := s.With(int(which), value)
		res, err := parser.Parse("x.txt", []byte(src), parser.Options{})
		if err != nil {
			return
		}
		lines := strings.Count(src, "\n") + strings.Count(src, "\r") + 1
		for _, x := range Check(res, Config{Today: today}) {
			if x.Pos.Line < 0 || x.Pos.Line > lines || x.Pos.Line > 0 && x.Pos.Col < 1 {
				t.Fatalf("finding outside the file (%d lines): %+v", lines, x)
			}
		}
	})
}
