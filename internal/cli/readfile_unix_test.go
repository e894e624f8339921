//go:build unix

package cli

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A named pipe has no size and comes in pieces: readFile reads it to its
// end, as it does stdin, and still keeps the limit. A directory and a
// missing file are refused with the system's words, without the path.
func TestReadFileSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	want := bytes.Repeat([]byte("Hankekoodi: A72213\n"), 3000) // larger than a pipe's buffer
	fifo := filepath.Join(dir, "pipe.txt")
	require.NoError(t, syscall.Mkfifo(fifo, 0o600))
	for _, limit := range []int64{1 << 20, int64(len(want) - 1)} {
		done := make(chan error, 1)
		go func() {
			f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
			if err == nil {
				_, err = f.Write(want)
				if cerr := f.Close(); err == nil {
					err = cerr
				}
			}
			done <- err
		}()
		got, err := readFile(fifo, limit, nil, nil)
		if limit < int64(len(want)) {
			assert.True(t, errors.As(err, new(errTooLarge)), "pipe over the limit: %v", err)
			<-done // the writer sees a broken pipe
		} else {
			require.NoError(t, err)
			assert.True(t, bytes.Equal(want, got), "pipe read whole")
			require.NoError(t, <-done)
		}
	}

	_, err := readFile(dir, 1<<20, nil, nil)
	assert.EqualError(t, err, "is a directory")
	_, err = readFile(filepath.Join(dir, "missing.txt"), 1<<20, nil, nil)
	assert.EqualError(t, err, "no such file or directory")
}

// Regression: a named pipe called *.txt in a directory hung the batch (its
// open waits for a writer). Under a directory only regular files and links
// to them are read; anything else is an input with an error, in its place.
func TestExpandSpecialEntries(t *testing.T) {
	dir := t.TempDir()
	j := func(n string) string { return filepath.Join(dir, n) }
	require.NoError(t, os.WriteFile(j("a.txt"), []byte("x"), 0o644))
	require.NoError(t, os.Mkdir(j("sub"), 0o755))
	require.NoError(t, os.Symlink("a.txt", j("b-link.txt")))
	require.NoError(t, os.Symlink("nowhere.txt", j("c-broken.txt")))
	require.NoError(t, os.Symlink("sub", j("d-dirlink.txt")))
	require.NoError(t, syscall.Mkfifo(j("e-fifo.txt"), 0o644))

	inputs, dirs := expandInputs([]string{dir})
	assert.True(t, dirs)
	var got []string
	for _, in := range inputs {
		s := filepath.Base(in.Name)
		if in.Err != nil {
			s += ": " + in.Err.Error()
		}
		got = append(got, s)
	}
	assert.Equal(t, []string{
		"a.txt",
		"b-link.txt",
		"c-broken.txt: no such file or directory",
		"e-fifo.txt: not a regular file (a named pipe); name it on the command line to read it",
	}, got)
}

// Regression: fmt -w and -o replaced a symbolic link with a regular file
// and left the file it named as it was. They write through links now, as a
// shell's > does, keeping the target's mode; a dangling link gets its file.
func TestWriteThroughLinks(t *testing.T) {
	dir := t.TempDir()
	j := func(n string) string { return filepath.Join(dir, n) }
	require.NoError(t, os.Mkdir(j("real"), 0o755))
	require.NoError(t, os.WriteFile(j("real/a.txt"), []byte("old"), 0o640))
	require.NoError(t, os.Symlink("real/a.txt", j("link.txt")))
	require.NoError(t, os.Symlink("link.txt", j("chain.txt")))
	require.NoError(t, os.Symlink(j("real/new.txt"), j("dangling.txt")))
	require.NoError(t, os.Symlink("loop2.txt", j("loop1.txt")))
	require.NoError(t, os.Symlink("loop1.txt", j("loop2.txt")))

	for _, name := range []string{"link.txt", "chain.txt"} {
		require.NoError(t, writeAtomically(j(name), []byte(name)))
		fi, err := os.Lstat(j(name))
		require.NoError(t, err)
		assert.NotZero(t, fi.Mode()&os.ModeSymlink, "%s is still a link", name)
		b, err := os.ReadFile(j("real/a.txt"))
		require.NoError(t, err)
		assert.Equal(t, name, string(b))
		st, err := os.Stat(j("real/a.txt"))
		require.NoError(t, err)
		assert.Equal(t, os.FileMode(0o640), st.Mode().Perm(), "the target keeps its mode")
	}
	require.NoError(t, writeAtomically(j("dangling.txt"), []byte("new")))
	b, err := os.ReadFile(j("real/new.txt"))
	require.NoError(t, err)
	assert.Equal(t, "new", string(b))

	// A loop of links is not followed forever.
	require.NoError(t, writeAtomically(j("loop1.txt"), []byte("x")))
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		assert.NotContains(t, e.Name(), ".tmp-", "no temporary file is left behind")
	}
}
