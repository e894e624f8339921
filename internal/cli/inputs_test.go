package cli

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readInput reads into a reused buffer: whatever the buffer held before and
// however the reads are cut, the bytes returned are exactly the input's, and
// the limit holds at its edge.
func TestReadInput(t *testing.T) {
	dir := t.TempDir()
	dirty := bytes.Repeat([]byte("#"), 10000)
	for _, size := range []int{0, 1, 4095, 4096, 4097, 9999, 10000, 10001, 100000} {
		want := make([]byte, size)
		for i := range want {
			want[i] = byte('a' + i%26)
		}
		name := filepath.Join(dir, "f.txt")
		require.NoError(t, os.WriteFile(name, want, 0o644))
		for _, buf := range [][]byte{nil, dirty[:0], dirty[:5]} {
			got, err := readInput(input{Name: name}, nil, 1<<20, buf)
			require.NoError(t, err)
			assert.True(t, bytes.Equal(want, got), "file of %d bytes", size)
			// Standard input has no size, and may come one byte at a time.
			got, err = readInput(input{Name: "-"}, iotest.OneByteReader(bytes.NewReader(want)), 1<<20, buf)
			require.NoError(t, err)
			assert.True(t, bytes.Equal(want, got), "stdin of %d bytes", size)
		}
		_, err := readInput(input{Name: name}, nil, int64(size), nil)
		assert.NoError(t, err, "exactly at the limit")
		_, err = readInput(input{Name: "-"}, bytes.NewReader(want), int64(size), nil)
		assert.NoError(t, err, "stdin exactly at the limit")
		if size > 0 {
			_, err = readInput(input{Name: name}, nil, int64(size-1), nil)
			assert.True(t, errors.As(err, new(errTooLarge)), "file over the limit: %v", err)
			_, err = readInput(input{Name: "-"}, bytes.NewReader(want), int64(size-1), nil)
			assert.True(t, errors.As(err, new(errTooLarge)), "stdin over the limit: %v", err)
		}
	}
}
