package cli

import (
	"bufio"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// output is where a command's main result goes: stdout, or a file written
// atomically (a temporary file beside it, renamed into place on success), so
// that -o never leaves a half-written file behind.
type output struct {
	*bufio.Writer
	tmp  *os.File
	path string
	mode os.FileMode
}

func openOutput(path string, stdout io.Writer) (*output, error) {
	if path == "" || path == "-" {
		return &output{Writer: bufio.NewWriterSize(stdout, 64<<10)}, nil
	}
	path = linkTarget(path)
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return nil, err
	}
	return &output{Writer: bufio.NewWriterSize(tmp, 64<<10), tmp: tmp, path: path, mode: 0o644}, nil
}

// linkTarget follows symbolic links from path to the file they name, which
// need not exist yet: the rename must replace that file, not the link (a
// shell's > writes through a link, and so does gofmt -w). Links that go on
// too long are left as they are, and the rename replaces the first.
func linkTarget(path string) string {
	p := path
	for range 40 {
		fi, err := os.Lstat(p)
		if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			return p
		}
		dest, err := os.Readlink(p)
		if err != nil {
			return p
		}
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(filepath.Dir(p), dest)
		}
		p = dest
	}
	return path
}

// commit flushes and, for a file, renames it into place.
func (o *output) commit() error {
	if err := o.Flush(); err != nil {
		o.abort()
		return err
	}
	if o.tmp == nil {
		return nil
	}
	if err := o.tmp.Chmod(o.mode); err != nil {
		o.abort()
		return err
	}
	if err := o.tmp.Close(); err != nil {
		os.Remove(o.tmp.Name())
		return err
	}
	if err := os.Rename(o.tmp.Name(), o.path); err != nil {
		os.Remove(o.tmp.Name())
		return err
	}
	return nil
}

// abort drops a temporary file; stdout output cannot be taken back.
func (o *output) abort() {
	if o.tmp != nil {
		o.tmp.Close()
		os.Remove(o.tmp.Name())
	}
}

// finish ends a command: it puts the output in place if the run went well
// (or drops it if not), and turns the outcome into the exit code.
func finish(ios *IOStreams, o *output, err error, code int) error {
	if err == nil {
		err = o.commit()
	} else {
		o.abort()
	}
	if err != nil {
		return writeFailed(ios, err)
	}
	if code != ExitOK {
		return exitError{code}
	}
	return nil
}

// writeAtomically replaces path with data the way -o writes, keeping the
// file's mode.
func writeAtomically(path string, data []byte) error {
	o, err := openOutput(path, nil)
	if err != nil {
		return err
	}
	if st, err := os.Stat(path); err == nil {
		o.mode = st.Mode().Perm()
	}
	if _, err := o.Write(data); err != nil {
		o.abort()
		return err
	}
	return o.commit()
}
