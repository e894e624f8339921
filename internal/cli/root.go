// Package cli holds asectl's commands, one file per command.
package cli

import (
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"github.com/asectl/asectl/internal/config"
	"github.com/asectl/asectl/internal/i18n"
	"github.com/asectl/asectl/internal/output"
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

// globals are the flags every command has.
type globals struct {
	ios    *IOStreams
	lang   string
	config string
}

// localizer returns the message language: --lang, else LC_ALL/LANG.
func (g *globals) localizer() (*i18n.Localizer, error) {
	lang := g.lang
	if lang == "" {
		lang = i18n.FromEnv(g.ios.Getenv)
	}
	if !i18n.Valid(lang) {
		return nil, usagef("unknown --lang %q (valid: %s)", lang, strings.Join(i18n.Languages, ", "))
	}
	return i18n.New(lang), nil
}

// begin checks the input flags every batch command shares and picks the
// message language.
func (g *globals) begin(c *commonFlags) (*i18n.Localizer, error) {
	if err := c.check(); err != nil {
		return nil, err
	}
	return g.localizer()
}

// loadConfig reads --config, or .asectl.yaml in the working directory.
func (g *globals) loadConfig() (*config.Config, error) {
	dir := ""
	if g.ios.Getwd != nil {
		dir, _ = g.ios.Getwd()
	}
	c, err := config.Load(g.config, dir)
	if err != nil {
		return nil, usageError{fmt.Errorf("config: %w", err)}
	}
	return c, nil
}

// NewRoot builds the command tree over the given streams.
func NewRoot(ios *IOStreams) *cobra.Command {
	g := &globals{ios: ios}
	root := &cobra.Command{
		Use:   "asectl",
		Short: "Parse and validate EURA 2014 project descriptions",
		Long: `asectl reads the public project descriptions ("hankkeen kuvaus") of Finnish
ERDF (EAKR) and ESF (ESR) projects of the 2014–2020 programme Kestävää kasvua
ja työtä, as the EURA 2014 service publishes them, and turns them into typed
JSON or checks them against the programme's rules.`,
		Example: `  asectl parse testdata/A72213.txt | jq .funding
  asectl validate --format sarif -o asectl.sarif descriptions/
  asectl rules`,
		Version:       Version(),
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(ios.In)
	root.SetOut(ios.Out)
	root.SetErr(ios.ErrOut)
	root.SetVersionTemplate("asectl {{.Version}}\n")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	pf := root.PersistentFlags()
	pf.StringVar(&g.lang, "lang", "", "message language: en or fi (default: from LC_ALL, LC_MESSAGES or LANG)")
	pf.StringVar(&g.config, "config", "", "configuration file (default: "+config.FileName+" in the working directory, if there is one)")
	root.AddCommand(newParseCmd(g), newValidateCmd(g), newFmtCmd(g), newReportCmd(g), newRulesCmd(g), newSchemaCmd(g), newFetchCmd(g))
	return root
}

// Run executes asectl with args and returns the process exit code.
func Run(args []string, ios *IOStreams) int {
	// Temporary files of -o are removed on SIGINT and SIGTERM (exit 130,
	// 143), and a progress bar is cleared.
	defer output.Catch()()
	// Every write to stdout goes through one writer that keeps the first
	// error: a full disk or a closed stdout fails the run (exit 2),
	// whatever wrote (help, rules, a report).
	sys := *ios
	out := &checkedWriter{w: ios.Out}
	sys.Out = out
	ios = &sys
	root := NewRoot(ios)
	root.SetArgs(args)
	err := root.Execute()
	code := ExitOK
	var ee exitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		code = ee.code
	default:
		// Anything else is a mistake in the command line: cobra's own
		// argument errors ("unknown command") are not typed, so they land
		// here too.
		fmt.Fprintf(ios.ErrOut, "asectl: %v\n", err)
		fmt.Fprintln(ios.ErrOut, "Run 'asectl --help' for usage.")
		code = ExitUsage
	}
	if out.err != nil && code != ExitUsage {
		fmt.Fprintf(ios.ErrOut, "asectl: cannot write the output: %v\n", cleanPathError(out.err))
		code = ExitUsage
	}
	return code
}

// checkedWriter remembers the first write error; later writes are dropped.
type checkedWriter struct {
	w   io.Writer
	err error
}

func (c *checkedWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	if err == nil && n < len(p) {
		err = io.ErrShortWrite
	}
	c.err = err
	return n, err
}
