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
		got, err := readFile(fifo, limit, nil)
		if limit < int64(len(want)) {
			assert.True(t, errors.As(err, new(errTooLarge)), "pipe over the limit: %v", err)
			<-done // the writer sees a broken pipe
		} else {
			require.NoError(t, err)
			assert.True(t, bytes.Equal(want, got), "pipe read whole")
			require.NoError(t, <-done)
		}
	}

	_, err := readFile(dir, 1<<20, nil)
	assert.EqualError(t, err, "is a directory")
	_, err = readFile(filepath.Join(dir, "missing.txt"), 1<<20, nil)
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
