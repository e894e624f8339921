package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/asectl/asectl/parser"
)

func checkIndent(t *testing.T, src []byte) {
	t.Helper()
	for _, prefix := range []string{"", "  "} {
		var want bytes.Buffer
		if err := json.Indent(&want, src, prefix, "  "); err != nil {
			return // not valid JSON: writeIndented is only given valid JSON
		}
		var got bytes.Buffer
		if _, err := writeIndented(&got, nil, src, prefix, "  "); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Fatalf("writeIndented(%q, %q):\n%s\nwant (json.Indent):\n%s", src, prefix, got.String(), want.String())
		}
	}
}

// TestWriteIndented: the same bytes as json.Indent, for every description
// of testdata as parse writes it and for JSON's corners.
func TestWriteIndented(t *testing.T) {
	for _, s := range []string{`{}`, `[]`, `{"a":[]}`, `{"a":{},"b":[1,2,{"c":null}]}`, `"x"`, `1`,
		`{"a\"b":"c\\","d":"{[,:]}"}`, ` { "a" : [ 1 , true ] } `, `[[],[[]],{"":""}]`} {
		checkIndent(t, []byte(s))
	}
	files, _ := filepath.Glob("../../testdata/*.txt")
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		res, err := parser.Parse(name, src, parser.Options{})
		if err != nil {
			continue
		}
		checkIndent(t, res.Doc.AppendJSON(nil))
	}
}

func FuzzWriteIndented(f *testing.F) {
	for _, s := range []string{`{}`, `{"a":[1,"x\"",{"b":null}]}`, `[ 1 , 2 ]`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) { checkIndent(t, src) })
}
