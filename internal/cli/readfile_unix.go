//go:build unix

package cli

import (
	"errors"
	"io"
	"syscall"
)

// readFile reads the named file with four system calls: open, fstat, read
// (readAll stops at a regular file's short read), close. os.Open spends six
// more on a regular file (it tries, and fails, to register the file with
// the network poller, setting and clearing non-blocking mode around it);
// over a batch of thousands of small files those were a tenth of the run.
func readFile(name string, limit int64, buf []byte) ([]byte, error) {
	var fd int
	var err error
	for {
		fd, err = syscall.Open(name, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return nil, err
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := fstat(fd, &st); err != nil {
		return nil, err
	}
	switch st.Mode & syscall.S_IFMT {
	case syscall.S_IFDIR:
		return nil, errors.New("is a directory")
	case syscall.S_IFREG:
		if st.Size > limit {
			return nil, errTooLarge{st.Size, limit}
		}
		// Size 0 may be a file that is generated as it is read (/proc):
		// read it to its end.
		return readAll(fdReader(fd), st.Size, limit, buf, st.Size > 0)
	}
	// A pipe, a device, a socket: read it to its end, as stdin is.
	return readAll(fdReader(fd), 0, limit, buf, false)
}

func fstat(fd int, st *syscall.Stat_t) error {
	for {
		err := syscall.Fstat(fd, st)
		if err != syscall.EINTR {
			return err
		}
	}
}

// fdReader reads a file descriptor with read(2), retrying on EINTR.
type fdReader int

func (r fdReader) Read(p []byte) (int, error) {
	for {
		n, err := syscall.Read(int(r), p)
		switch {
		case err == syscall.EINTR:
			continue
		case err != nil:
			return 0, err
		case n == 0 && len(p) > 0:
			return 0, io.EOF
		}
		return n, nil
	}
}
