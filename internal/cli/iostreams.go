package cli

import (
	"errors"
	"io"
	"os"

	"golang.org/x/term"
)

// IOStreams is where a command reads and writes, and what it knows about
// the terminal. Tests build one over buffers; main builds it over the
// process's files.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	StdoutTTY bool
	StderrTTY bool
	// Getenv reads the environment (NO_COLOR, LANG); tests replace it.
	Getenv func(string) string
	// Getwd is the working directory for relative paths in reports.
	Getwd func() (string, error)
	// TermWidth is stderr's terminal width in columns (0: unknown), for
	// the progress bar.
	TermWidth func() int
	// StdoutStat describes the file behind Out (nil: not a file), so that
	// an output named by path can be told to be the same file as Out.
	StdoutStat func() (os.FileInfo, error)
	// StdinStat describes the file behind In (nil: not a file), so that a
	// pipe named both "-" and /dev/stdin is read only once.
	StdinStat func() (os.FileInfo, error)

	tty *ttyOut // stdout, when it is the terminal stderr is (set by Run)
}

// System returns the process's streams.
func System() *IOStreams {
	var out io.Writer = os.Stdout
	if stdoutClosed() {
		out = failingWriter{errors.New("standard output is closed")}
	}
	return &IOStreams{
		In:         os.Stdin,
		Out:        out,
		ErrOut:     os.Stderr,
		StdoutTTY:  term.IsTerminal(int(os.Stdout.Fd())),
		StderrTTY:  term.IsTerminal(int(os.Stderr.Fd())),
		Getenv:     os.Getenv,
		Getwd:      os.Getwd,
		StdoutStat: os.Stdout.Stat,
		StdinStat:  os.Stdin.Stat,
		TermWidth: func() int {
			w, _, err := term.GetSize(int(os.Stderr.Fd()))
			if err != nil {
				return 0
			}
			return w
		},
	}
}

// failingWriter fails every write.
type failingWriter struct{ err error }

func (f failingWriter) Write([]byte) (int, error) { return 0, f.err }
