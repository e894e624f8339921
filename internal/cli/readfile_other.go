//go:build !unix

package cli

import (
	"errors"
	"os"
)

// readFile reads the named file through package os.
func readFile(name string, limit int64, buf []byte) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, cleanPathError(err)
	}
	defer f.Close()
	size := int64(0)
	if st, err := f.Stat(); err == nil {
		if st.IsDir() {
			return nil, errors.New("is a directory")
		}
		if st.Size() > limit {
			return nil, errTooLarge{st.Size(), limit}
		}
		size = st.Size()
	}
	return readAll(f, size, limit, buf, false)
}
