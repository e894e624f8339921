package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/asectl/asectl/parser"
	"github.com/asectl/asectl/report"
)

// commonFlags are the input flags that parse and validate share.
type commonFlags struct {
	encoding string
	jobs     int
	maxSize  int64
}

func (c *commonFlags) register(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&c.encoding, "encoding", "auto", "text encoding of the inputs: "+strings.Join(parser.Encodings, ", "))
	f.IntVarP(&c.jobs, "jobs", "j", 0, "inputs read in parallel (default: the number of CPUs)")
	f.Int64Var(&c.maxSize, "max-size", 16<<20, "refuse inputs larger than this many bytes")
}

func (c *commonFlags) check() error {
	ok := false
	for _, e := range parser.Encodings {
		ok = ok || strings.EqualFold(e, c.encoding)
	}
	if !ok {
		return usagef("unknown --encoding %q (valid: %s)", c.encoding, strings.Join(parser.Encodings, ", "))
	}
	if c.jobs < 0 {
		return usagef("--jobs must be 0 (all CPUs) or more")
	}
	if c.maxSize <= 0 {
		return usagef("--max-size must be positive")
	}
	return nil
}

// parsed is the outcome for one input.
type parsed struct {
	name   string
	res    *parser.Result
	err    error
	unread bool // the input could not be read at all (exit 2), not merely unrecognised (exit 1)
}

func parseInput(in input, ios *IOStreams, c *commonFlags) parsed {
	src, err := readInput(in, ios.In, c.maxSize)
	if err != nil {
		return parsed{name: in.Name, err: err, unread: true}
	}
	res, err := parser.Parse(in.Name, src, parser.Options{Encoding: c.encoding})
	return parsed{name: in.Name, res: res, err: err}
}

func newParseCmd(ios *IOStreams) *cobra.Command {
	var (
		common commonFlags
		format string
		out    string
	)
	cmd := &cobra.Command{
		Use:   "parse FILE|DIR|- ...",
		Short: "Parse descriptions into JSON",
		Long: `Parse reads project descriptions and prints them as JSON.

A directory stands for the .txt files beneath it, sorted by path; "-" reads
standard input. Problems met while reading go to standard error as
FILE:LINE:COL: warning: MESSAGE [RULE].

Exit status: 0 when every input parsed; 1 when some input is not a
description at all (the others are still printed); 2 for usage errors and
unreadable inputs.`,
		Example: `  asectl parse testdata/A72213.txt
  asectl parse --format jsonl descriptions/ > all.jsonl
  asectl parse testdata/A72213.txt | jq '.funding'
  cat page.txt | asectl parse -`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := common.check(); err != nil {
				return err
			}
			if format != "json" && format != "jsonl" {
				return usagef("unknown --format %q (valid: json, jsonl)", format)
			}
			inputs, dirs := expandInputs(args)
			array := format == "json" && (len(args) > 1 || dirs)
			o, err := openOutput(out, ios.Out)
			if err != nil {
				return usagef("cannot write %s: %v", out, cleanPathError(err))
			}
			code := ExitOK
			wrote := 0
			var buf bytes.Buffer
			if array {
				o.WriteString("[")
			}
			err = runOrdered(len(inputs), common.jobs,
				func(i int) parsed { return parseInput(inputs[i], ios, &common) },
				func(_ int, p parsed) error {
					if p.err != nil {
						fmt.Fprintf(ios.ErrOut, "%s: error: %s\n", p.name, errText(p.err))
						if p.unread || errors.Is(p.err, parser.ErrEncoding) && !strings.EqualFold(common.encoding, "auto") {
							code = max(code, ExitUsage)
						} else {
							code = max(code, ExitFindings)
						}
						return nil
					}
					for _, pr := range p.res.Problems {
						fmt.Fprintf(ios.ErrOut, "%s:%d:%d: warning: %s [%s]\n", p.name, pr.Pos.Line, pr.Pos.Col, report.Safe(pr.Msg.String()), pr.Rule)
					}
					buf.Reset()
					enc := json.NewEncoder(&buf)
					enc.SetEscapeHTML(false)
					if format == "json" {
						enc.SetIndent(indentFor(array), "  ")
					}
					if err := enc.Encode(p.res.Doc); err != nil {
						return err
					}
					b := bytes.TrimRight(buf.Bytes(), "\n")
					switch {
					case array && wrote > 0:
						o.WriteString(",\n  ")
					case array:
						o.WriteString("\n  ")
					}
					o.Write(b)
					if !array {
						o.WriteByte('\n')
					}
					wrote++
					return nil
				})
			if err != nil {
				o.abort()
				return err
			}
			if array {
				if wrote > 0 {
					o.WriteString("\n")
				}
				o.WriteString("]\n")
			}
			if err := o.commit(); err != nil {
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
	cmd.Flags().StringVar(&format, "format", "json", "output format: json (an object, or an array for several inputs) or jsonl (one object a line)")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write the output to this file, atomically")
	return cmd
}

func indentFor(array bool) string {
	if array {
		return "  "
	}
	return ""
}

// errText renders an input error for a terminal.
func errText(err error) string { return report.Safe(err.Error()) }
