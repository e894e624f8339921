package output

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func write(t *testing.T, path string, opt Options, data string) error {
	t.Helper()
	f, err := Open(path, nil, opt)
	if err != nil {
		return err
	}
	_, _ = f.WriteString(data)
	return f.Commit()
}

func noTemps(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		assert.NotContains(t, e.Name(), ".tmp-", "a temporary file was left behind")
	}
}

// TestOpenRefuses: what Open refuses before anything is written, as
// *Error (a usage error for the caller).
func TestOpenRefuses(t *testing.T) {
	dir := t.TempDir()
	j := func(n string) string { return filepath.Join(dir, n) }
	require.NoError(t, os.WriteFile(j("in.txt"), []byte("input"), 0o644))
	require.NoError(t, os.Mkdir(j("sub"), 0o755))
	require.NoError(t, os.Symlink("in.txt", j("link.txt")))
	for _, tc := range []struct {
		name, path string
		inputs     []string
		want       string
	}{
		{"directory", j("sub"), nil, "is a directory"},
		{"missing directory", j("nodir/x.json"), nil, "no such directory"},
		{"parent is a file", j("in.txt/x.json"), nil, "not a directory"},
		{"same file", j("in.txt"), []string{j("in.txt")}, "is also an input"},
		{"same file, other spelling", j("sub/../in.txt"), []string{j("in.txt")}, "is also an input"},
		{"same file, through a link", j("link.txt"), []string{"-", j("in.txt")}, "is also an input"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Open(tc.path, nil, Options{Inputs: tc.inputs})
			var oe *Error
			require.True(t, errors.As(err, &oe), "%v", err)
			assert.Contains(t, err.Error(), tc.want)
			b, _ := os.ReadFile(j("in.txt"))
			assert.Equal(t, "input", string(b))
			noTemps(t, dir)
		})
	}
}

// TestAtomicKeepsMode: an existing file keeps its mode; a new one gets
// 0666 less the umask; Abort leaves the old content and no temporary file.
func TestAtomicKeepsMode(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "old.json")
	require.NoError(t, os.WriteFile(old, []byte("old"), 0o600))
	require.NoError(t, os.Chmod(old, 0o640))
	require.NoError(t, write(t, old, Options{}, "new"))
	st, err := os.Stat(old)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o640), st.Mode().Perm())

	mask := syscall.Umask(0o027)
	defer syscall.Umask(mask)
	fresh := filepath.Join(dir, "fresh.json")
	require.NoError(t, write(t, fresh, Options{}, "x"))
	st, err = os.Stat(fresh)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o640), st.Mode().Perm())

	f, err := Open(old, nil, Options{})
	require.NoError(t, err)
	_, _ = f.WriteString("lost")
	f.Abort()
	b, _ := os.ReadFile(old)
	assert.Equal(t, "new", string(b))
	noTemps(t, dir)
}

// TestInPlace: a device is written in place and stays a device.
func TestInPlace(t *testing.T) {
	f, err := Open("/dev/null", nil, Options{})
	require.NoError(t, err)
	assert.False(t, f.Atomic())
	_, _ = f.WriteString("x")
	require.NoError(t, f.Commit())
	st, err := os.Stat("/dev/null")
	require.NoError(t, err)
	assert.NotZero(t, st.Mode()&os.ModeCharDevice)
}

// TestCleanup: the signal path removes the temporary files that exist and
// gives the shell's exit codes.
func TestCleanup(t *testing.T) {
	dir := t.TempDir()
	f, err := Open(filepath.Join(dir, "out.json"), nil, Options{})
	require.NoError(t, err)
	ran := false
	remove := OnInterrupt(func() { ran = true })
	defer remove()
	assert.Equal(t, 143, Cleanup(syscall.SIGTERM))
	assert.True(t, ran)
	noTemps(t, dir)
	assert.Error(t, f.Commit(), "nothing is renamed into place after an interrupt")
	_, err = os.Stat(filepath.Join(dir, "out.json"))
	assert.True(t, os.IsNotExist(err))
	assert.Equal(t, 130, Cleanup(os.Interrupt))
}
