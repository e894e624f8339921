package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/asectl/asectl/model"
	"github.com/asectl/asectl/parser"
	"github.com/asectl/asectl/report"
	"github.com/asectl/asectl/validate"
)

// failOn values: the weakest severity that makes the run fail.
var failOnValues = []string{"error", "warning", "never"}

func newValidateCmd(ios *IOStreams) *cobra.Command {
	var (
		common commonFlags
		format string
		out    string
		failOn string
		today  string
		color  string
	)
	cmd := &cobra.Command{
		Use:   "validate FILE|DIR|- ...",
		Short: "Check descriptions against the programme's rules",
		Long: `Validate checks project descriptions against the programme's rules and prints
one line per finding, sorted by line and column within each file:

  FILE:LINE:COL: SEVERITY: MESSAGE [RULE]

then a summary line. Files are reported in input order; a directory stands for
the .txt files beneath it, sorted by path. 'asectl rules' lists the rules.

Exit status: 0 when no finding reaches --fail-on; 1 when one does; 2 for usage
errors or an input that could not be read (every readable input is still
reported).`,
		Example: `  asectl validate testdata/A72213.txt
  asectl validate --today 2026-01-01 descriptions/
  asectl validate --format json --fail-on warning submitted/ > findings.json`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := common.check(); err != nil {
				return err
			}
			cfg := validate.Config{}
			if today != "" {
				d, err := model.ParseISODate(today)
				if err != nil {
					return usagef("--today: %v", err)
				}
				cfg.Today = d
			}
			threshold, err := parseFailOn(failOn)
			if err != nil {
				return err
			}
			useColor, err := colorMode(color, ios)
			if err != nil {
				return err
			}
			o, err := openOutput(out, ios.Out)
			if err != nil {
				return usagef("cannot write %s: %v", out, cleanPathError(err))
			}
			w, err := report.New(format, o, report.Options{Version: Version(), Color: useColor && out == "", Rules: validate.Rules()})
			if err != nil {
				o.abort()
				return usageError{err}
			}

			inputs, _ := expandInputs(args)
			var sum report.Summary
			unreadable := false
			failed := false
			err = runOrdered(len(inputs), common.jobs,
				func(i int) report.File { return validateInput(inputs[i], ios, &common, cfg) },
				func(_ int, f report.File) error {
					if f.Error != "" {
						unreadable = true
						if format != "text" || out != "" {
							// The text writer prints it on stdout already.
							fmt.Fprintf(ios.ErrOut, "%s: error: %s\n", report.Safe(f.Source), report.Safe(f.Error))
						}
					}
					for _, x := range f.Findings {
						failed = failed || threshold >= 0 && x.Severity >= validate.Severity(threshold)
					}
					sum.Add(f)
					return w.File(f)
				})
			code := ExitOK
			switch {
			case unreadable:
				code = ExitUsage
			case failed:
				code = ExitFindings
			}
			sum.ExitCode = code
			if err == nil {
				err = w.Finish(sum)
			}
			if err == nil {
				err = o.commit()
			} else {
				o.abort()
			}
			if err != nil {
				fmt.Fprintf(ios.ErrOut, "asectl: cannot write the output: %v\n", cleanPathError(err))
				return exitError{ExitUsage}
			}
			if code != ExitOK {
				return exitError{code}
			}
			return nil
		},
	}
	common.register(cmd)
	f := cmd.Flags()
	f.StringVar(&format, "format", "text", "output format: "+strings.Join(report.Formats(), ", "))
	f.StringVarP(&out, "output", "o", "", "write the report to this file, atomically")
	f.StringVar(&failOn, "fail-on", "error", "exit 1 when a finding is at least this severe: "+strings.Join(failOnValues, ", "))
	f.StringVar(&today, "today", "", "reference date YYYY-MM-DD for the date rules (default: today)")
	f.StringVar(&color, "color", "auto", "colour the text output: auto (on a terminal, unless NO_COLOR is set), always, never")
	return cmd
}

// parseFailOn returns the severity threshold, or -1 for never.
func parseFailOn(s string) (int, error) {
	switch strings.ToLower(s) {
	case "never":
		return -1, nil
	case "error":
		return int(validate.Error), nil
	case "warning":
		return int(validate.Warning), nil
	case "info":
		return int(validate.Info), nil
	}
	return 0, usagef("unknown --fail-on %q (valid: %s)", s, strings.Join(failOnValues, ", "))
}

func colorMode(mode string, ios *IOStreams) (bool, error) {
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto":
		return ios.StdoutTTY && ios.Getenv("NO_COLOR") == "", nil
	}
	return false, usagef("unknown --color %q (valid: auto, always, never)", mode)
}

// validateInput reads, parses and checks one input.
func validateInput(in input, ios *IOStreams, c *commonFlags, cfg validate.Config) report.File {
	p := parseInput(in, ios, c)
	f := report.File{Source: in.Name}
	switch {
	case p.err != nil && p.unread:
		f.Error = "cannot read: " + p.err.Error()
	case errors.Is(p.err, parser.ErrEncoding):
		f.Error = p.err.Error()
	case p.err != nil:
		if x, ok := validate.NotDescription(p.err, cfg); ok {
			f.Findings = []validate.Finding{x}
		}
	default:
		f.Findings = validate.Check(p.res, cfg)
	}
	return f
}
