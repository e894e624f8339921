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
