package output

import (
	"io/fs"
	"os"
	"path/filepath"
)

// Target is the file an output path leads to, so that a run with several
// outputs can tell whether two of them are one file however they are
// spelled ("x" and "./x", a symbolic link and its target, a hard link,
// "-" and /dev/stdout): two writers on one file overwrite or interleave.
type Target struct {
	stdout bool
	info   fs.FileInfo // an existing file (or standard output's, when known)
	path   string      // a file not created yet: its absolute, link-free path
}

// TargetOf returns what path names. "" and "-" are standard output, whose
// file stdout describes (nil when unknown, e.g. a test's buffer).
func TargetOf(path string, stdout fs.FileInfo) Target {
	if path == "" || path == "-" || isStdout(path) {
		return Target{stdout: true, info: stdout}
	}
	real := path
	if !isProcFD(path) {
		real = linkTarget(path)
	}
	if st, err := os.Stat(real); err == nil {
		return Target{info: st}
	}
	dir, base := filepath.Split(real)
	if dir == "" {
		dir = "."
	}
	if d, err := filepath.EvalSymlinks(dir); err == nil {
		dir = d
	}
	if d, err := filepath.Abs(dir); err == nil {
		dir = d
	}
	return Target{path: filepath.Join(dir, base)}
}

// Same reports whether t and u are one file.
func (t Target) Same(u Target) bool {
	if t.stdout && u.stdout {
		return true
	}
	if t.info != nil && u.info != nil {
		// Writers on one device (/dev/null for one output and for
		// standard output) harm nothing there: only files and pipes mix.
		if t.info.Mode()&fs.ModeCharDevice != 0 {
			return false
		}
		return os.SameFile(t.info, u.info)
	}
	return t.path != "" && t.path == u.path
}
