// Package cli holds asectl's commands, one file per command.
package cli

import (
	"errors"
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// Exit codes shared by every command.
const (
	ExitOK       = 0
	ExitFindings = 1 // parse: an input is not a description; validate: findings reach --fail-on
	ExitUsage    = 2 // bad flags or arguments, or an input that could not be read
)

// exitError carries an exit code out of a command. Its message, if any, has
// already been printed.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit %d", e.code) }

// usageError is a mistake in the command line.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// version is set with -ldflags "-X github.com/asectl/asectl/internal/cli.version=v1.2.3";
// otherwise it comes from the module's build info.
var version = ""

// Version reports asectl's version.
func Version() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		v := bi.Main.Version
		if v != "" && v != "(devel)" {
			return v
		}
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				return "devel-" + s.Value[:12]
			}
		}
	}
	return "devel"
}

// NewRoot builds the command tree over the given streams.
func NewRoot(ios *IOStreams) *cobra.Command {
	root := &cobra.Command{
		Use:   "asectl",
		Short: "Parse and validate EURA 2014 project descriptions",
		Long: `asectl reads the public project descriptions ("hankkeen kuvaus") of Finnish
ERDF (EAKR) and ESF (ESR) projects of the 2014–2020 programme Kestävää kasvua
ja työtä, as the EURA 2014 service publishes them, and turns them into typed
JSON or checks them against the programme's rules.`,
		Version:       Version(),
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(ios.In)
	root.SetOut(ios.Out)
	root.SetErr(ios.ErrOut)
	root.SetVersionTemplate("asectl {{.Version}}\n")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(newParseCmd(ios), newValidateCmd(ios), newRulesCmd(ios))
	return root
}

// Run executes asectl with args and returns the process exit code.
func Run(args []string, ios *IOStreams) int {
	root := NewRoot(ios)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return ExitOK
	}
	var ee exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	// Anything else is a mistake in the command line: cobra's own argument
	// errors ("unknown command") are not typed, so they land here too.
	fmt.Fprintf(ios.ErrOut, "asectl: %v\n", err)
	fmt.Fprintln(ios.ErrOut, "Run 'asectl --help' for usage.")
	return ExitUsage
}
