//go:build !linux

package cli

// stdoutClosed: only Linux is checked (see stdclosed_linux.go).
func stdoutClosed() bool { return false }
