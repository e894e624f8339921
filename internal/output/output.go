// Package output is the one way asectl's commands write a result to a named
// file (-o, fmt -w, and the commands to come): it never damages what is at
// that path.
//
//   - A regular file (new or existing) is written atomically: a temporary
//     file in the same directory, fsync, rename over the old one. An
//     existing file keeps its mode and owner; a new one gets 0666 less the
//     umask, as a shell's > gives it.
//   - A device, named pipe, /dev/stdout, /dev/stderr, /dev/fd/N or
//     /proc/self/fd/N (process substitution) is written in place and never
//     replaced: renaming a file over /dev/null or a FIFO destroys it.
//   - Open checks what it can before any work is done: a missing
//     directory, a directory given as the file, and an output that is one of
//     the inputs (the same file, by device and inode) are *Error values that
//     callers report as usage errors.
//   - While a temporary file exists it is registered, so that Catch's signal
//     handler removes it on SIGINT or SIGTERM (exit 130 or 143).
//
// Typical use:
//
//	f, err := output.Open(path, os.Stdout, output.Options{Inputs: names})
//	if err != nil { … usage error … }
//	… write to f …
//	if err := f.Commit(); err != nil { … } // or f.Abort() on failure
package output

import (
	"bufio"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Error is a problem with the path itself, found before anything was
// written: callers report it as a usage error.
type Error struct {
	Path string
	Err  error
}

func (e *Error) Error() string { return e.Path + ": " + e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// Options are what Open may check the path against.
type Options struct {
	// Inputs are the files the run reads; an output that is one of them
	// (same device and inode, whatever the spelling) is refused.
	Inputs []string
}

// File is an open output. It buffers; Commit flushes and puts the result
// in place, Abort drops it. Exactly one of the two must be called.
type File struct {
	*bufio.Writer
	path   string   // the file replaced on Commit ("" for stdout or in place)
	tmp    *os.File // the temporary file, for an atomic write
	direct *os.File // a file written in place, closed on Commit
	keep   *fs.FileInfo
	done   bool
}

// Open prepares path for writing. "" and "-" mean stdout. Other paths are
// checked as the package comment says; nothing at path changes before
// Commit.
func Open(path string, stdout io.Writer, opt Options) (*File, error) {
	if path == "" || path == "-" {
		return &File{Writer: bufio.NewWriterSize(stdout, 64<<10)}, nil
	}
	if isStdout(path) {
		return &File{Writer: bufio.NewWriterSize(stdout, 64<<10)}, nil
	}
	if isProcFD(path) {
		// The kernel's links lead to "pipe:[…]", not to a path: stat the
		// name itself.
		st, err := os.Stat(path)
		if err != nil {
			return nil, &Error{path, cleanPathError(err)}
		}
		return openInPlace(path, st)
	}
	real := linkTarget(path)
	st, err := os.Stat(real)
	if err != nil {
		if lst, lerr := os.Lstat(real); lerr == nil && lst.Mode()&fs.ModeSymlink != 0 {
			// A loop of links, or one too long to follow: the rename
			// replaces the first link, as a new file.
			err = fs.ErrNotExist
		}
	}
	switch {
	case err == nil && st.IsDir():
		return nil, &Error{path, errors.New("is a directory, not a file")}
	case err == nil && (!st.Mode().IsRegular() || isProcFD(real)):
		if err := sameAsInput(path, st, opt.Inputs); err != nil {
			return nil, err
		}
		return openInPlace(path, st)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return nil, &Error{path, cleanPathError(err)}
	}
	dir := filepath.Dir(real)
	if dst, derr := os.Stat(dir); derr != nil {
		if errors.Is(derr, fs.ErrNotExist) {
			return nil, &Error{path, fmt.Errorf("no such directory %s", dir)}
		}
		return nil, &Error{path, cleanPathError(derr)}
	} else if !dst.IsDir() {
		return nil, &Error{path, fmt.Errorf("%s is not a directory", dir)}
	}
	var keep *fs.FileInfo
	if err == nil {
		if err := sameAsInput(path, st, opt.Inputs); err != nil {
			return nil, err
		}
		// The rename needs only the directory's permission: a file the
		// user may not write would be replaced (and become theirs). Refuse
		// it as a shell's > does.
		if err := writable(real); err != nil {
			return nil, &Error{path, cleanPathError(err)}
		}
		keep = &st
	}
	tmp, err := createTemp(dir, filepath.Base(real), keep == nil)
	if err != nil {
		return nil, &Error{path, cleanPathError(err)}
	}
	return &File{Writer: bufio.NewWriterSize(tmp, 64<<10), path: real, tmp: tmp, keep: keep}, nil
}

// WriteFile replaces path with data the way Open and Commit do: atomically
// for a regular file, keeping its mode and owner.
func WriteFile(path string, data []byte) error {
	f, err := Open(path, nil, Options{})
	if err != nil {
		return err
	}
	if f.direct == nil && f.tmp == nil {
		f.done = true
		return &Error{path, errors.New("cannot rewrite standard output")}
	}
	if _, err := f.Write(data); err != nil {
		f.Abort()
		return err
	}
	return f.Commit()
}

// IsStdout reports whether Open writes path to the standard output it is
// given: "", "-", /dev/stdout, /dev/fd/1 or /proc/self/fd/1.
func IsStdout(path string) bool {
	return path == "" || path == "-" || isStdout(path)
}

// isStdout reports the names of the process's standard output, which is
// written through the writer the caller gave (it may be buffered, or a
// test's buffer), not reopened.
func isStdout(p string) bool {
	switch filepath.Clean(p) {
	case "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1":
		return true
	}
	return false
}

// isProcFD reports the paths that name an open file descriptor: a file
// behind one is written in place (it may be the shell's redirection, or
// the other end of a process substitution).
func isProcFD(p string) bool {
	p = filepath.Clean(p)
	return strings.HasPrefix(p, "/dev/fd/") || strings.HasPrefix(p, "/proc/self/fd/") ||
		strings.HasPrefix(p, "/proc/thread-self/fd/") || p == "/dev/stderr" || p == "/dev/stdin"
}

func openInPlace(path string, st fs.FileInfo) (*File, error) {
	if st.Mode()&fs.ModeSocket != 0 {
		return nil, &Error{path, errors.New("is a socket; asectl cannot write to it")}
	}
	flag := os.O_WRONLY
	if st.Mode().IsRegular() {
		// A regular file behind /dev/fd/N: add to it, never cut what the
		// shell put there (>> stays >>).
		flag |= os.O_APPEND
	}
	f, err := os.OpenFile(path, flag, 0)
	if err != nil {
		return nil, &Error{path, cleanPathError(err)}
	}
	return &File{Writer: bufio.NewWriterSize(f, 64<<10), direct: f}, nil
}

func sameAsInput(path string, st fs.FileInfo, inputs []string) error {
	for _, in := range inputs {
		if in == "-" {
			continue
		}
		ist, err := os.Stat(in)
		if err == nil && os.SameFile(st, ist) {
			return &Error{path, fmt.Errorf("is also an input (%s); asectl will not write over what it reads", in)}
		}
	}
	return nil
}

// createTemp makes the temporary file beside the target. A new file is
// created 0666 so that the kernel applies the umask, as for any new file;
// one that replaces an existing file starts 0600 and takes that file's
// mode on Commit.
func createTemp(dir, base string, fresh bool) (*os.File, error) {
	perm := os.FileMode(0o600)
	if fresh {
		perm = 0o666
	}
	for range 100 {
		var b [6]byte
		_, _ = rand.Read(b[:])
		name := filepath.Join(dir, "."+base+".tmp-"+hex.EncodeToString(b[:]))
		track(name)
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if err == nil {
			return f, nil
		}
		untrack(name)
		if !errors.Is(err, fs.ErrExist) {
			return nil, err
		}
	}
	return nil, errors.New("cannot create a temporary file")
}

// Commit flushes the output and puts it in place: for an atomic write, the
// temporary file takes the old file's mode and owner, is synced to disk
// and renamed over the target. On error nothing at the path has changed
// (for an atomic write) and the temporary file is gone.
func (f *File) Commit() error {
	if f.done {
		return errors.New("output: Commit after Commit or Abort")
	}
	f.done = true
	err := f.Flush()
	switch {
	case f.direct != nil:
		if cerr := f.direct.Close(); err == nil {
			err = cerr
		}
		return err
	case f.tmp == nil:
		return err
	}
	name := f.tmp.Name()
	defer untrack(name)
	if err == nil && f.keep != nil {
		err = keepAttrs(f.tmp, *f.keep)
	}
	if err == nil {
		err = f.tmp.Sync()
	}
	if cerr := f.tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(name, f.path)
	}
	if err != nil {
		os.Remove(name)
		return cleanPathError(err)
	}
	syncDir(filepath.Dir(f.path))
	return nil
}

// Abort drops the output: a temporary file is removed. Output already sent
// to stdout or a device cannot be taken back. Abort after Commit does
// nothing.
func (f *File) Abort() {
	if f.done {
		return
	}
	f.done = true
	switch {
	case f.direct != nil:
		f.Flush()
		f.direct.Close()
	case f.tmp != nil:
		f.tmp.Close()
		os.Remove(f.tmp.Name())
		untrack(f.tmp.Name())
	default:
		f.Flush()
	}
}

// Atomic reports whether the output goes to a temporary file that Commit
// renames into place.
func (f *File) Atomic() bool { return f.tmp != nil }

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

func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync() // best effort: not every file system syncs a directory
		d.Close()
	}
}

// cleanPathError drops the path from an *fs.PathError: callers print the
// path before the message already.
func cleanPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
