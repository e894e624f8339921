package cli

import (
	"errors"
	"io/fs"
	"strings"

	"github.com/asectl/asectl/findings"
	"github.com/asectl/asectl/internal/output"
)

// formatSpec is one --format: a writer and where it goes ("" is -o, or
// standard output).
type formatSpec struct {
	name, path string
	explicit   bool // the file came with the format (sarif=FILE), not from -o
}

// formatAliases are other names the --format flags take.
var formatAliases = map[string]string{"md": "markdown"}

// parseFormatSpecs reads repeated --format flags, golangci-lint's way:
// "text", "sarif=asectl.sarif". At most one goes without a file (to -o or
// standard output). Two that go to one file are distinctOutputs' to find,
// by the file rather than its spelling (a device such as /dev/null takes
// several).
func parseFormatSpecs(flags []string, out string) ([]formatSpec, error) {
	var specs []formatSpec
	toMain := 0
	for _, f := range flags {

		name, path, hasPath := strings.Cut(strings.TrimSpace(f), "=")
		name = strings.ToLower(name)
		if a, ok := formatAliases[name]; ok {
			name = a
		}
		if !validFormat(name) {
			return nil, usagef("unknown --format %q (valid: %s; md for markdown)", name, strings.Join(findings.Formats(), ", "))
		}
		if hasPath && path == "" {
			return nil, usagef("--format %s=: the file name is missing", name)
		}
		if !hasPath {
			toMain++
			path = out
		}
		specs = append(specs, formatSpec{name, path, hasPath})
	}
	if toMain == 0 && out != "" && out != "-" {
		return nil, usagef("-o %s: every --format names its own file, so nothing would go to -o; drop -o or a format's =FILE", termName(out))
	}
	if toMain > 1 {
		return nil, usagef("--format: %d formats would go to the same output; give the others a file (--format sarif=asectl.sarif)", toMain)
	}
	return specs, nil
}

func validFormat(name string) bool {
	for _, f := range findings.Formats() {
		if f == name {
			return true
		}
	}
	return false
}

// sinks are a run's outputs: one writer per --format, each on its own file
// (or standard output), all opened and checked before any work.
type sinks struct {
	files   []*output.File
	writers []findings.Writer
}

func (g *globals) openSinks(specs []formatSpec, b *batch, opt findings.Options, color bool) (*sinks, error) {
	if err := g.distinctOutputs(specs); err != nil {
		return nil, err
	}
	s := &sinks{}
	for _, sp := range specs {
		f, err := g.openOutputAs(sp.flag(), sp.path, b)
		if err != nil {
			s.abort()
			return nil, err
		}
		o := opt
		o.Color = color && sp.name == "text" && (sp.path == "" || sp.path == "-")
		w, err := findings.New(sp.name, f, o)
		if err != nil {
			f.Abort()
			s.abort()
			return nil, usageError{err}
		}
		s.files = append(s.files, f)
		s.writers = append(s.writers, w)
	}
	return s, nil
}

// flag is how the user named the spec's file, for messages: "-o x" or
// "--format sarif=x".
func (sp formatSpec) flag() string {
	if sp.explicit {
		return "--format " + sp.name + "=" + termName(sp.path)
	}
	return "-o " + termName(sp.path)
}

// distinctOutputs refuses two outputs that are one file however spelled
// (./x and x, a link, /dev/stdout and standard output): the second would
// overwrite the first or interleave with it.
func (g *globals) distinctOutputs(specs []formatSpec) error {
	var stdout fs.FileInfo
	if g.ios.StdoutStat != nil {
		stdout, _ = g.ios.StdoutStat()
	}
	targets := make([]output.Target, len(specs))
	for i, sp := range specs {
		targets[i] = output.TargetOf(sp.path, stdout)
		for j := range i {
			if targets[j].Same(targets[i]) {
				name := sp.path
				if name == "" || name == "-" {
					name = specs[j].path
				}
				if name == "" || name == "-" {
					name = "standard output"
				}
				return usagef("--format: two outputs go to %s (%s and %s)", termName(name), specs[j].name, sp.name)
			}
		}
	}
	return nil
}

func (s *sinks) abort() {
	for _, f := range s.files {
		f.Abort()
	}
}

// writer fans each file (or part of one) and the summary out to every
// writer.
func (s *sinks) writer() multiWriter { return multiWriter(s.writers) }

type multiWriter []findings.Writer

func (m multiWriter) File(f findings.File) error {
	var errs []error
	for _, w := range m {
		errs = append(errs, w.File(f))
	}
	return errors.Join(errs...)
}

func (m multiWriter) FilePart(f findings.File, last bool) error {
	var errs []error
	for _, w := range m {
		errs = append(errs, w.(findings.PartWriter).FilePart(f, last))
	}
	return errors.Join(errs...)
}

func (m multiWriter) Finish(sum findings.Summary) error {
	var errs []error
	for _, w := range m {
		errs = append(errs, w.Finish(sum))
	}
	return errors.Join(errs...)
}

// finish commits every output (or drops them all after an error) and turns
// the outcome into the exit code.
func (s *sinks) finish(ios *IOStreams, err error, code int) error {
	if err != nil {
		s.abort()
		return writeFailed(ios, err)
	}
	var errs []error
	for _, f := range s.files {
		errs = append(errs, f.Commit())
	}
	if err := errors.Join(errs...); err != nil {
		return writeFailed(ios, err)
	}
	if code != ExitOK {
		return exitError{code}
	}
	return nil
}
