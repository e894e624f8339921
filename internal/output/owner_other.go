//go:build !unix

package output

import (
	"io/fs"
	"os"
)

// keepAttrs gives the temporary file the replaced file's mode.
func keepAttrs(f *os.File, old fs.FileInfo) error {
	return f.Chmod(old.Mode() & fs.ModePerm)
}
