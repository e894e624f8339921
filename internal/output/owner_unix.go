//go:build unix

package output

import (
	"io/fs"
	"os"
	"syscall"
)

// keepAttrs gives the temporary file the replaced file's owner, group and
// mode (owner first: chown clears set-user-ID bits). Only root may give a
// file away; for anyone else a differing owner stays as the rename makes
// it, as with any editor's save.
func keepAttrs(f *os.File, old fs.FileInfo) error {
	if st, ok := old.Sys().(*syscall.Stat_t); ok {
		if err := f.Chown(int(st.Uid), int(st.Gid)); err != nil && os.Geteuid() == 0 {
			return err
		}
		return f.Chmod(fs.FileMode(st.Mode&0o777) | goModeBits(uint32(st.Mode)))
	}
	return f.Chmod(old.Mode() & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky))
}

func goModeBits(m uint32) fs.FileMode {
	var b fs.FileMode
	if m&syscall.S_ISUID != 0 {
		b |= fs.ModeSetuid
	}
	if m&syscall.S_ISGID != 0 {
		b |= fs.ModeSetgid
	}
	if m&syscall.S_ISVTX != 0 {
		b |= fs.ModeSticky
	}
	return b
}

// writable reports whether the user may write the existing file at path
// (access(2) with W_OK: root may write any).
func writable(path string) error {
	if err := syscall.Access(path, 2 /* W_OK */); err != nil {
		return &fs.PathError{Op: "write", Path: path, Err: err}
	}
	return nil
}
