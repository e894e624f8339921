package cli

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/asectl/asectl/findings"
	"github.com/asectl/asectl/format"
	"github.com/asectl/asectl/parser"
)

// lossy are the parser problems whose text the canonical form drops: -w
// will not rewrite such a file without --force.
var lossy = map[string]bool{
	parser.RuleUnknownField: true, parser.RuleUnexpectedText: true,
	parser.RuleMultipleDocs: true, parser.RuleDuplicateField: true,
}

func newFmtCmd(g *globals) *cobra.Command {
	ios := g.ios
	var (
		common commonFlags
		check  bool
		write  bool
		force  bool
		labels string
	)
	cmd := &cobra.Command{
		Use:   "fmt FILE|DIR|- ...",
		Short: "Rewrite descriptions in the canonical layout",
		Long: `Fmt prints each description in the canonical layout: the reference
description's (banner, header line, numbered headings, one "Label: value" a
line with a blank line between, amounts as 1 551 280), in the description's
own language or the one --labels names. Parsing the canonical text gives the
same JSON as parsing the original; a value that could not be read is kept as
it was printed.

--check lists the files that are not in canonical form and exits 1 if there
are any. -w rewrites them in place, atomically; it refuses a file whose
rewrite would drop text the parser did not place (an unknown field, stray
text, a second description) unless --force is given.`,
		Example: `  asectl fmt testdata/real/altformat_A70027.txt
  asectl fmt --check descriptions/
  asectl fmt -w descriptions/
  asectl fmt --labels fi en_S20515.txt`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			l, err := g.begin(cmd, &common)
			if err != nil {
				return err
			}
			if labels != "" && parser.LanguageByCode(labels) == nil {
				return usagef("unknown --labels %q (valid: en, fi)", labels)
			}
			if check && write {
				return usagef("--check and -w do not go together")
			}
			b, err := g.newBatch(args, &common, l)
			if err != nil {
				return err
			}
			if write {
				for _, in := range b.inputs {
					if in.Name == "-" {
						return usagef("-w cannot rewrite standard input")
					}
				}
			}
			o, err := g.openOutput("", b)
			if err != nil {
				return err
			}
			code := ExitOK
			type result struct {
				parsed
				canon []byte
			}
			err = runBatch(b,
				func(in input) (result, outcome, error) {
					p, o, err := parseDescription(in, ios, &common)
					r := result{parsed: p}
					if o == outRead {
						if labels != "" {
							r.res.Doc.Language = labels
						}
						r.canon = format.Render(r.res.Doc)
					}
					return r, o, err
				},
				func(it *item[result]) error {
					r := it.R
					defer r.release()
					if it.Outcome != outRead {
						return nil // named on stderr by the runner
					}
					name := termName(r.name)
					canonical := bytes.Equal(bytes.TrimRight(r.src, "\n"), bytes.TrimRight(r.canon, "\n"))
					switch {
					case check:
						if !canonical {
							fmt.Fprintln(o, name)
							code = max(code, ExitFindings)
						}
					case write:
						if canonical {
							return nil
						}
						if r.res.HTML {
							// Its text in place of the page would lose the page.
							fmt.Fprintf(ios.ErrOut, "%s: not rewritten: it is an HTML page; write its canonical text elsewhere (asectl fmt %s > NAME.txt)\n", name, name)
							code = max(code, ExitFindings)
							return nil
						}
						if lost := lostText(r.res); lost != "" && !force {
							b.bar.errorf("%s: not rewritten: the canonical form would drop %s; fix it or use --force\n", name, lost)
							code = max(code, ExitFindings)
							return nil
						}
						if err := writeAtomically(r.name, r.canon); err != nil {
							b.bar.errorf("%s: error: cannot write: %v\n", name, findings.Safe(cleanPathError(err).Error()))
							code = max(code, ExitUsage)
						}
					default:
						_, err := o.Write(r.canon)
						return err
					}
					return nil
				})
			return finish(ios, o, err, max(code, b.exitFor()))
		},
	}
	common.register(cmd)
	f := cmd.Flags()
	f.BoolVar(&check, "check", false, "list the files that are not in canonical form; exit 1 if any")
	f.BoolVarP(&write, "write", "w", false, "rewrite files in place (atomically)")
	f.BoolVar(&force, "force", false, "with -w: rewrite even where text the parser did not place would be dropped")
	f.StringVar(&labels, "labels", "", "the language of the labels: fi or en (default: the description's)")
	_ = cmd.RegisterFlagCompletionFunc("labels", fixedCompletion("fi", "en"))
	return cmd
}

// lostText describes the parser problems whose text the canonical form
// drops, "" if none.
func lostText(res *parser.Result) string {
	var where []string
	for _, p := range res.Problems {
		if lossy[p.Rule] {
			where = append(where, fmt.Sprintf("line %d (%s)", p.Pos.Line, p.Rule))
		}
	}
	switch len(where) {
	case 0:
		return ""
	case 1, 2, 3:
		return strings.Join(where, ", ")
	}
	return strings.Join(where[:3], ", ") + fmt.Sprintf(" and %d more", len(where)-3)
}
