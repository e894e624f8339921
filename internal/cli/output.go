package cli

import (
	"errors"
	"os"

	"github.com/asectl/asectl/internal/output"
)

// openOutput opens -o (or stdout for "") through internal/output, checked
// against the batch's inputs before any work: a missing directory, a
// directory, or one of the inputs is a usage error.
func (g *globals) openOutput(path string, b *batch) (*output.File, error) {
	return g.openOutputAs("-o "+termName(path), path, b)
}

// openOutputAs is openOutput for an output named by flag in messages
// ("--format sarif=x" rather than "-o x").
func (g *globals) openOutputAs(flag, path string, b *batch) (*output.File, error) {
	var inputs []string
	if b != nil {
		inputs = b.names()
	}
	if output.IsStdout(path) {
		if err := g.stdoutNotInput(inputs); err != nil {
			return nil, err
		}
	}
	f, err := output.Open(path, g.ios.Out, output.Options{Inputs: inputs})
	if err != nil {
		var oe *output.Error
		if errors.As(err, &oe) {
			return nil, usagef("%s: %v", flag, oe.Err)
		}
		return nil, usagef("%s: %v", flag, err)
	}
	return f, nil
}

// stdoutNotInput refuses standard output that is one of the inputs
// (asectl parse x >> x, or 1<>x), as cat does: the output would go into
// a file while it is read.
func (g *globals) stdoutNotInput(inputs []string) error {
	if g.ios.StdoutStat == nil || len(inputs) == 0 {
		return nil
	}
	st, err := g.ios.StdoutStat()
	if err != nil || !st.Mode().IsRegular() {
		return nil
	}
	for _, in := range inputs {
		if in == "-" {
			continue
		}
		if ist, err := os.Stat(in); err == nil && os.SameFile(st, ist) {
			return usagef("standard output is also an input (%s); asectl will not write over what it reads", termName(in))
		}
	}
	return nil
}

// finish ends a command: it puts the output in place if the run went well
// (or drops it if not), and turns the outcome into the exit code.
func finish(ios *IOStreams, o *output.File, err error, code int) error {
	if err == nil {
		err = o.Commit()
	} else {
		o.Abort()
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
// file's mode and owner.
func writeAtomically(path string, data []byte) error {
	err := output.WriteFile(path, data)
	if oe := (*output.Error)(nil); errors.As(err, &oe) {
		return oe.Err // the caller names the file already
	}
	return err
}
