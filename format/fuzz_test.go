package format

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/asectl/asectl/internal/vary"
	"github.com/asectl/asectl/parser"
)

// FuzzRoundTrip: for any input the parser accepts, the canonical text
// parses back to the same JSON, and formatting it again changes nothing.
func FuzzRoundTrip(f *testing.F) {
	files, _ := filepath.Glob("../testdata/real/*.txt")
	// The reference description and its variants (issue 19's shapes).
	more, _ := filepath.Glob("../testdata/*.txt")
	files = append(files, more...)
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(checkRoundTrip)
}

// checkRoundTrip: the canonical text of what src parses to parses back to
// the same JSON, and formatting it again changes nothing.
func checkRoundTrip(t *testing.T, src []byte) {
	res, err := parser.Parse("x", src, parser.Options{})
	if err != nil {
		return
	}
	want := res.Doc.AppendValuesJSON(nil)
	canon := Render(res.Doc)
	res2, err := parser.Parse("x", canon, parser.Options{})
	if err != nil {
		t.Fatalf("the canonical text does not parse: %v\n%s", err, canon)
	}
	got := res2.Doc.AppendValuesJSON(nil)
	if !bytes.Equal(want, got) {
		t.Fatalf("parse(fmt(parse(x))) != parse(x)\nwant %s\ngot  %s\ncanonical:\n%s", want, got, canon)
	}
	if again := Render(res2.Doc); !bytes.Equal(again, canon) {
		t.Fatalf("fmt is not idempotent:\n%s\n---\n%s", canon, again)
	}
}

// FuzzRoundTripValue holds the round trip for the reference description
// with any text in place of one of its values: random bytes seldom reach a
// field's own reading and writing.
func FuzzRoundTripValue(f *testing.F) {
	s := vary.ForFuzz(f, "../testdata/A72213.txt")
	f.Fuzz(func(t *testing.T, which uint8, value string) {
		checkRoundTrip(t, []byte(s.With(int(which), value)))
	})
}
