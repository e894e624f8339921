package golden

import (
	"os"
	"path/filepath"
	"testing"
)

// recorder is a testing.TB that keeps whether the check failed.
type recorder struct {
	testing.TB
	failed bool
}

func (r *recorder) Errorf(string, ...any) { r.failed = true }
func (r *recorder) Fatalf(string, ...any) { r.failed = true }
func (r *recorder) Helper()               {}

func TestCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "want.txt")
	if err := os.WriteFile(path, []byte("a\nb\n\n\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		got  string
		fail bool
	}{
		{"a\nb\n\n\n", false},
		{"a\nc\n\n\n", true},
		{"a\nb\n", true}, // only trailing newlines lost: passed before
		{"a\nb\n\n\n\n", true},
		{"a\nb\n\n", true},
	} {
		r := &recorder{TB: t}
		Check(r, path, []byte(c.got), false)
		if r.failed != c.fail {
			t.Errorf("Check(%q): failed %v, want %v", c.got, r.failed, c.fail)
		}
	}
}
