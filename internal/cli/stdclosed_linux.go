//go:build linux

package cli

import (
	"syscall"
)

// stdoutClosed reports whether the process was started with its standard
// output closed ('asectl parse x >&-'). The Go runtime opens /dev/null
// read-write in place of a closed standard descriptor, so writes would
// vanish without an error; a shell's >/dev/null opens it write-only, so
// read-write /dev/null on fd 1 is taken as closed.
func stdoutClosed() bool {
	fl, _, errno := syscall.Syscall(syscall.SYS_FCNTL, 1, syscall.F_GETFL, 0)
	if errno != 0 || fl&syscall.O_ACCMODE != syscall.O_RDWR {
		return false
	}
	var st, null syscall.Stat_t
	if syscall.Fstat(1, &st) != nil || syscall.Stat("/dev/null", &null) != nil {
		return false
	}
	return st.Mode&syscall.S_IFMT == syscall.S_IFCHR && st.Rdev == null.Rdev
}
