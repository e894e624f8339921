package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/asectl/asectl/model"
)

// TestDocsChangedWhileRead: a JSON lines file written to between the check
// that all its documents read and their second reading is an unreadable
// input named on stderr (exit 2), not "a bug in asectl", and report
// writes no page that lacks some of it.
func TestDocsChangedWhileRead(t *testing.T) {
	doc := func(src string) string {
		return `{"version":1,"kind":"description","source":"` + src + `"}` + "\n"
	}
	defer func(f func(string, func(*model.Description) error) (bool, error)) { rereadDocs = f }(rereadDocs)
	rereadDocs = func(path string, each func(*model.Description) error) (bool, error) {
		f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.WriteString("{\"bad\n"); err != nil {
			t.Fatal(err)
		}
		f.Close()
		return eachDoc(path, each)
	}
	for _, args := range [][]string{{"validate"}, {"report", "--format", "md"}} {
		t.Run(args[0], func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "x.jsonl")
			if err := os.WriteFile(path, []byte(doc("a")+doc("b")), 0o644); err != nil {
				t.Fatal(err)
			}
			var stdout, stderr bytes.Buffer
			ios := &IOStreams{In: strings.NewReader(""), Out: &stdout, ErrOut: &stderr,
				Getenv: func(string) string { return "" }}
			code := Run(append(args, path), ios)
			if code != ExitUsage {
				t.Errorf("exit %d, want %d; stderr %s", code, ExitUsage, stderr.String())
			}
			if e := stderr.String(); !strings.Contains(e, "changed while it was read") || strings.Contains(e, "a bug in asectl") {
				t.Errorf("stderr %q", e)
			}
			if args[0] == "report" && stdout.Len() > 0 {
				t.Errorf("report wrote a page: %.200q", stdout.String())
			}
		})
	}
}
