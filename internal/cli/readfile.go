package cli

import (
	"errors"
	"os"
)

// readFile reads the named file into buf (growing it as needed), refusing
// one over limit bytes before reading it. A pipe, a device or a socket is
// read to its end, as standard input is. reserve (if not nil) is told how
// many bytes are about to be read before the read (limit when unknown):
// the batch runner bounds the bytes in flight with it.
func readFile(name string, limit int64, buf []byte, reserve func(int64)) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, cleanPathError(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, cleanPathError(err)
	}
	switch {
	case st.IsDir():
		return nil, errors.New("is a directory")
	case st.Mode().IsRegular():
		if st.Size() > limit {
			return nil, errTooLarge{st.Size(), limit}
		}
		// Size 0 may be a file that is generated as it is read (/proc):
		// read it to its end.
		if reserve != nil {
			reserve(st.Size())
		}
		return readAll(f, st.Size(), limit, buf, st.Size() > 0)
	}
	if reserve != nil {
		reserve(limit)
	}
	return readAll(f, 0, limit, buf, false)
}
