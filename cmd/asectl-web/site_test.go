package main

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// build writes files into dir as Build does, after its check.
func build(dir string, files map[string][]byte) error {
	old, err := earlierSite(dir)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return writeSite(dir, files, old)
}

func list(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	slices.Sort(names)
	return names
}

// TestSiteHoldsThisBuildsFiles: -o DIR gives the files of this build
// (regression: a second engine module from an earlier build stayed in the
// directory), leaves a file the user put there, never deletes or writes
// through anything outside the directory, and refuses a directory that is
// not a site it wrote.
func TestSiteHoldsThisBuildsFiles(t *testing.T) {
	files := map[string][]byte{}
	for _, name := range []string{"index.html", "app.js", "worker.js", "style.css", "wasm_exec.js", "asectl.wasm", "asectl.html"} {
		files[name] = []byte("new " + name)
	}
	want := append([]string{manifest}, "app.js", "asectl.html", "asectl.wasm", "index.html", "style.css", "wasm_exec.js", "worker.js")
	slices.Sort(want)

	t.Run("new, then again with a file fewer and one of the user's", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "site")
		require.NoError(t, build(dir, files))
		assert.Equal(t, want, list(t, dir))
		require.NoError(t, os.WriteFile(filepath.Join(dir, ".htaccess"), []byte("mine"), 0o644))
		fewer := maps.Clone(files)
		delete(fewer, "style.css")
		require.NoError(t, build(dir, fewer))
		assert.NotContains(t, list(t, dir), "style.css")
		assert.Contains(t, list(t, dir), ".htaccess")
		b, err := os.ReadFile(filepath.Join(dir, "app.js"))
		require.NoError(t, err)
		assert.Equal(t, "new app.js", string(b))
	})

	t.Run("a site of a build before the manifest: its second module goes", func(t *testing.T) {
		dir := t.TempDir()
		for _, name := range knownFiles {
			require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte("old"), 0o644))
		}
		require.NoError(t, build(dir, files))
		assert.Equal(t, want, list(t, dir))
	})

	t.Run("links are replaced or removed, never followed", func(t *testing.T) {
		outside := t.TempDir()
		target := filepath.Join(outside, "precious")
		require.NoError(t, os.WriteFile(target, []byte("keep"), 0o644))
		dir := filepath.Join(t.TempDir(), "site")
		require.NoError(t, build(dir, files))
		require.NoError(t, os.Remove(filepath.Join(dir, "app.js")))
		require.NoError(t, os.Symlink(target, filepath.Join(dir, "app.js")))
		require.NoError(t, os.Symlink(target, filepath.Join(dir, "asectl-report.wasm")))
		m, err := os.ReadFile(filepath.Join(dir, manifest))
		require.NoError(t, err)
		// A hand-edited manifest naming a file outside, and the link.
		m = append(m, "../precious\nasectl-report.wasm\n"...)
		require.NoError(t, os.WriteFile(filepath.Join(dir, manifest), m, 0o644))
		require.NoError(t, os.WriteFile(filepath.Join(filepath.Dir(dir), "precious"), []byte("keep"), 0o644))
		require.NoError(t, build(dir, files))
		for _, p := range []string{target, filepath.Join(filepath.Dir(dir), "precious")} {
			b, err := os.ReadFile(p)
			require.NoError(t, err)
			assert.Equal(t, "keep", string(b), p)
		}
		st, err := os.Lstat(filepath.Join(dir, "app.js"))
		require.NoError(t, err)
		assert.True(t, st.Mode().IsRegular(), "app.js is a file again")
		assert.Equal(t, want, list(t, dir))
	})

	t.Run("a directory that is not a site is refused and left alone", func(t *testing.T) {
		dir := t.TempDir()
		require.NoError(t, os.WriteFile(filepath.Join(dir, "index.html"), []byte("my page"), 0o644))
		err := build(dir, files)
		require.Error(t, err)
		assert.Contains(t, err.Error(), "is not a site asectl-web wrote")
		assert.Equal(t, []string{"index.html"}, list(t, dir))
	})
}
