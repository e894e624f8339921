// Package cli holds asectl's commands, one file per command.
package cli

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"runtime/debug"
	"strings"
	"syscall"

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
	// ExitPipe is the code of a process killed by SIGPIPE (128 + 13): standard
	// output's reader went away (asectl … | head), which is not asectl's
	// error to report.
	ExitPipe = 141
)

// stdoutPipeError is a write to standard output whose reader has gone
// (EPIPE): the run ends quietly with ExitPipe, as a process killed by
// SIGPIPE does, after its outputs are aborted.
type stdoutPipeError struct{ err error }

func (e stdoutPipeError) Error() string { return e.err.Error() }
func (e stdoutPipeError) Unwrap() error { return e.err }

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

	cfg    *config.Config // loaded once
	cfgErr error
}

// localizer returns the message language: --lang, else lang in the
// configuration, else LC_ALL/LANG. It loads the configuration: every
// command that reads it fails alike on a broken one.
func (g *globals) localizer() (*i18n.Localizer, error) {
	cfg, err := g.loadConfig()
	if err != nil {
		return nil, err
	}
	lang := g.lang
	if lang == "" {
		lang = cfg.Lang
	}
	if lang == "" {
		lang = i18n.FromEnv(g.ios.Getenv)
	}
	return i18n.New(lang), nil
}

// begin loads the configuration, takes its defaults for the input flags
// not given, checks those flags and picks the message language. Every
// command that reads inputs starts with it.
func (g *globals) begin(cmd *cobra.Command, c *commonFlags) (*i18n.Localizer, error) {
	cfg, err := g.loadConfig()
	if err != nil {
		return nil, err
	}
	if f := cmd.Flags().Lookup("encoding"); f != nil && !f.Changed && cfg.Encoding != "" {
		c.encoding = cfg.Encoding
	}
	if f := cmd.Flags().Lookup("max-size"); f != nil && !f.Changed && cfg.MaxSize != 0 {
		c.maxSize = cfg.MaxSize
	}
	if err := c.check(g.ios); err != nil {
		return nil, err
	}
	return g.localizer()
}

// loadConfig reads --config, or .asectl.yaml in the working directory,
// once. A --config that cannot be read and a broken file are usage errors
// in every command that takes settings.
func (g *globals) loadConfig() (*config.Config, error) {
	if g.cfg != nil || g.cfgErr != nil {
		return g.cfg, g.cfgErr
	}
	dir := ""
	if g.ios.Getwd != nil {
		dir, _ = g.ios.Getwd()
	}
	c, err := config.Load(g.config, dir)
	if err != nil {
		g.cfgErr = usageError{fmt.Errorf("config: %w", err)}
		return nil, g.cfgErr
	}
	g.cfg = c
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
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{flagError(err)} })
	pf := root.PersistentFlags()
	languageFlag(pf, &g.lang, "lang", "message language: en or fi (default: lang in "+config.FileName+", else from LC_ALL, LC_MESSAGES or LANG)")
	pf.StringVar(&g.config, "config", "", "configuration file (default: "+config.FileName+" in the working directory, if there is one)")
	root.AddCommand(newParseCmd(g), newValidateCmd(g), newFmtCmd(g), newReportCmd(g), newRulesCmd(g), newSchemaCmd(g), newFetchCmd(g), newExportCmd(g))
	strictHelpAndCompletion(root)
	return root
}

// strictHelpAndCompletion makes an unknown shell (asectl completion nosuch)
// or help topic (asectl help nosuch) a usage error, exit 2, as an unknown
// command is: cobra prints the help for them and exits 0.
func strictHelpAndCompletion(root *cobra.Command) {
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		switch c.Name() {
		case "completion":
			// Runnable, so that cobra checks its Args (none) rather than
			// printing its help for any argument.
			c.RunE = func(c *cobra.Command, _ []string) error { return c.Help() }
		case "help":
			run := c.Run
			c.Run = nil
			c.RunE = func(c *cobra.Command, args []string) error {
				if cmd, _, err := c.Root().Find(args); cmd == nil || err != nil {
					return usagef("unknown help topic %q ('asectl --help' lists the commands)", strings.Join(args, " "))
				}
				run(c, args)
				return nil
			}
		}
	}
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
	if ios.StdoutTTY && ios.StderrTTY {
		// One terminal for both: stdout's writes clear the progress bar.
		sys.tty = &ttyOut{w: out}
		sys.Out = sys.tty
	}
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
	if errors.As(out.err, new(stdoutPipeError)) {
		return ExitPipe
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
	if errors.Is(err, syscall.EPIPE) {
		err = stdoutPipeError{err}
	}
	c.err = err
	return n, err
}

// pflagInvalid is pflag's wording of a value its Set refused.
var pflagInvalid = regexp.MustCompile(`^invalid argument ".*" for "(.*?)" flag: (.*)$`)

// flagError words a refused flag value as a config key's is worded
// ("--today: "2026-02-30": February 2026 has 28 days"): the flag's
// name, then the value parser's message, which quotes the value.
func flagError(err error) error {
	if m := pflagInvalid.FindStringSubmatch(err.Error()); m != nil {
		name := m[1]
		if i := strings.Index(name, ", --"); i >= 0 { // "-j, --jobs"
			name = name[i+2:]
		}
		return errors.New(name + ": " + m[2])
	}
	return err
}
