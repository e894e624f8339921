package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/asectl/asectl/model"
)

// TestEachDoc: only a file of two documents or more, all readable, is read
// a document at a time; anything else is left to readDocs (its messages,
// its in-place decode of one document), whatever each saw before.
func TestEachDoc(t *testing.T) {
	doc := func(src string) string { return `{"version":1,"kind":"description","source":"` + src + `"}` }
	tests := []struct {
		name, body string
		ok         bool
		sources    string // the documents each saw, when ok
	}{
		{"jsonl", doc("a") + "\n" + doc("b") + "\n", true, "a b"},
		{"jsonl with blank lines and CRLF", "\r\n" + doc("a") + "\r\n\r\n" + doc("b"), true, "a b"},
		{"array", "[\n" + doc("a") + ",\n" + doc("b") + "\n]\n", true, "a b"},
		{"one document", doc("a") + "\n", false, ""},
		{"one document, blank lines", "\n" + doc("a") + "\n\n \n", false, ""},
		{"array of one", "[" + doc("a") + "]", false, ""},
		{"empty array", "[]", false, ""},
		{"laid out", "{\n\"version\": 1,\n\"source\": \"a\"\n}\n{\n\"version\": 1\n}\n", false, ""},
		{"bad line", doc("a") + "\n{oops\n" + doc("c") + "\n", false, ""},
		{"another version", doc("a") + "\n" + `{"version":2}` + "\n", false, ""},
		{"two on a line", doc("a") + " " + doc("b") + "\n" + doc("c") + "\n", false, ""},
		{"array without ]", "[" + doc("a") + "," + doc("b"), false, ""},
		{"not JSON", "Projektin nimi\n", false, ""},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, "x.jsonl")
			if err := os.WriteFile(path, []byte(tt.body), 0o644); err != nil {
				t.Fatal(err)
			}
			var seen []string
			ok, err := eachDoc(path, func(d *model.Description) error {
				seen = append(seen, d.Source)
				return nil
			})
			if err != nil || ok != tt.ok {
				t.Fatalf("eachDoc = %v, %v; want %v", ok, err, tt.ok)
			}
			if got := manyDocs(input{Name: path}, 1<<20); got != tt.ok {
				t.Errorf("manyDocs = %v", got)
			}
			if tt.ok && strings.Join(seen, " ") != tt.sources {
				t.Errorf("documents %q, want %q", seen, tt.sources)
			}
			if tt.ok {
				// readDocs reads the same documents.
				docs, err := readDocs([]byte(tt.body))
				if err != nil || len(docs) != len(seen) {
					t.Fatalf("readDocs = %d, %v", len(docs), err)
				}
			}
		})
	}
	// A file over the size limit, standard input and a .txt are read whole.
	path := filepath.Join(dir, "two.json")
	if err := os.WriteFile(path, []byte(tests[0].body), 0o644); err != nil {
		t.Fatal(err)
	}
	if manyDocs(input{Name: path}, 10) {
		t.Error("a file over --max-size is streamed")
	}
	txt := filepath.Join(dir, "two.txt")
	if err := os.WriteFile(txt, []byte(tests[0].body), 0o644); err != nil {
		t.Fatal(err)
	}
	if manyDocs(input{Name: txt}, 1<<20) || manyDocs(input{Name: "-"}, 1<<20) {
		t.Error("a .txt or standard input is streamed")
	}
}
