// Package golden compares test output with files under testdata/golden,
// and rewrites them when the test runs with -update.
package golden

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// Check compares got with the file at path, or writes it when update is
// set. A difference reports the first differing line, not the whole files.
func Check(t testing.TB, path string, got []byte, update bool) {
	t.Helper()
	if update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v; run the test with -update to create it", err)
	}
	if bytes.Equal(want, got) {
		return
	}
	wl, gl := bytes.Split(want, []byte("\n")), bytes.Split(got, []byte("\n"))
	for i := 0; i < max(len(wl), len(gl)); i++ {
		var w, g []byte
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if !bytes.Equal(w, g) {
			t.Errorf("%s differs at line %d (run the test with -update and review the diff):\nwant %.300q\ngot  %.300q", path, i+1, w, g)
			return
		}
	}
	// Only empty lines differ: a missing line compares equal to an empty one
	// above, so a page that lost its trailing newlines would have passed.
	t.Errorf("%s differs in its trailing newlines: want %d lines, got %d (run the test with -update and review the diff)", path, len(wl), len(gl))
}
