package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/asectl/asectl/findings"
	"github.com/asectl/asectl/internal/config"
	"github.com/asectl/asectl/model"
	"github.com/asectl/asectl/projectlist"
	"github.com/asectl/asectl/validate"
)

// ruleSettings is the effective rule configuration: the config file's, with
// flags on top.
type ruleSettings struct {
	cfg    validate.Config
	failOn int // the weakest severity that fails the run; -1: never
}

// ruleSettings merges the configuration with the flags given. failOn and
// today are the flags' values, used when the flag was given.
func (g *globals) ruleSettings(cmd *cobra.Command, failOn int, today model.Date) (*ruleSettings, error) {
	c, err := g.loadConfig()
	if err != nil {
		return nil, err
	}
	rs := &ruleSettings{failOn: int(validate.Error)}
	if c.FailOn != "" {
		rs.failOn, _ = config.ParseFailOn(c.FailOn) // checked when the file was read
	}
	if f := cmd.Flags().Lookup("fail-on"); f != nil && f.Changed {
		rs.failOn = failOn
	}
	if f := cmd.Flags().Lookup("today"); f != nil && f.Changed {
		rs.cfg.Today = today
	}
	c.Apply(&rs.cfg)
	return rs, nil
}

// severity is a rule's effective severity.
func (rs *ruleSettings) severity(r *validate.Rule) validate.Severity {
	if s, ok := rs.cfg.Severity[r.ID]; ok {
		return s
	}
	return r.Severity
}

// enabled lists the rules that run.
func (rs *ruleSettings) enabled() []*validate.Rule {
	var out []*validate.Rule
	for _, r := range validate.Rules() {
		if !rs.cfg.Off[r.ID] {
			out = append(out, r)
		}
	}
	return out
}

func newValidateCmd(g *globals) *cobra.Command {
	ios := g.ios
	var (
		common     commonFlags
		formats    []string
		out        string
		failOn     int
		today      model.Date
		listPath   string
		color      string
		junitFails bool
	)
	cmd := &cobra.Command{
		Use:   "validate FILE|DIR|- ...",
		Short: "Check descriptions against the programme's rules",
		Long: `Validate checks project descriptions against the programme's rules and prints
one line per finding, sorted by line and column within each file:

  FILE:LINE:COL: SEVERITY: MESSAGE [RULE]

then a summary line. Files are reported in input order, whatever --jobs is; a
directory stands for the .txt, .html and .htm files beneath it, sorted by
path; findings in an HTML page point into its source.

asectl's own parse JSON (one document, an array, or one a line; e.g.
'asectl parse X | asectl validate -') is checked description by description,
each under its source, with the same rules and fields as the text; the JSON
keeps no positions, so each finding is located by its field instead:
FILE:FIELD: SEVERITY: MESSAGE [RULE].

A project-list export (a CSV whose header starts "Koodi,Rahasto,") is checked
row by row, each finding at the row's line and the field's column; a code on
a second row is list-duplicate. With --list LIST.csv each description is also
compared with the list's row of its project code (list-mismatch; the first row
if the code is on several, which list-duplicate says at the page's code), and
the summary counts the pages without a row, the rows without a page and the
duplicate rows.

Formats: text (default), json, markdown (or md; a pull-request comment), sarif
(GitHub code scanning), junit (Jenkins, GitLab), github (workflow annotations);
--format sarif=FILE sends one to a file, so that several go out in one run.
'asectl rules' lists the rules;
.asectl.yaml in the working directory (or --config) can turn rules off or
change their severity, and set fail-on and today. Flags win over the file.

Exit status: 0 when no finding reaches --fail-on; 1 when one does; 2 for usage
errors or an input that could not be read (every readable input is still
reported).`,
		Example: `  asectl validate testdata/A72213.txt
  asectl validate --today 2026-01-01 descriptions/
  asectl validate --format json --fail-on warning submitted/ > findings.json
  asectl validate --format sarif -o asectl.sarif descriptions/
  asectl validate --format github descriptions/      # in a GitHub Actions step
  asectl validate --format junit -o report.xml descriptions/
  asectl validate --today 2017-01-01 projektilista_2014-2020.csv
  asectl validate --list projektilista_2014-2020.csv descriptions/`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			l, err := g.begin(cmd, &common)
			if err != nil {
				return err
			}
			rs, err := g.ruleSettings(cmd, failOn, today)
			if err != nil {
				return err
			}
			threshold := rs.failOn
			useColor, err := colorMode(color, ios)
			if err != nil {
				return err
			}
			cwd := ""
			if ios.Getwd != nil {
				cwd, _ = ios.Getwd()
			}
			b, err := g.newBatch(args, &common, l)
			if err != nil {
				return err
			}
			b.quietND = true // a finding of its own, not-a-description
			common.acceptJSON = true
			ix, err := loadListIndex(listPath, ios, &common)
			if err != nil {
				return err
			}
			specs, err := parseFormatSpecs(formats, out)
			if err != nil {
				return err
			}
			sinks, err := g.openSinks(specs, b, findings.Options{
				Version: Version(), Rules: rs.enabled(),
				Severity: rs.severity, FailOn: threshold, Cwd: cwd, L: l,
				JUnitFailuresOnly: junitFails,
			}, useColor)
			if err != nil {
				return err
			}
			w := sinks.writer()

			var sum findings.Summary
			failed := false
			err = runBatch(b,
				func(in input) (validated, outcome, error) { return validateInput(in, ios, &common, rs.cfg, ix) },
				func(it *item[validated]) error {
					// stream writes the findings of a file with too many to
					// hold, made a chunk at a time as they are written.
					stream := func(f findings.File, st *validate.Stream, extra []validate.Finding) error {
						sum.Add(f)
						err := st.Each(extra, func(fs []validate.Finding) error {
							for _, x := range fs {
								failed = failed || threshold >= 0 && int(x.Severity) >= threshold
							}
							sum.Count(fs)
							f.Findings = fs
							return w.FilePart(f, false)
						})
						if err != nil {
							return err
						}
						f.Findings = nil
						return w.FilePart(f, true)
					}
					if st := it.R.stream; st != nil && it.Outcome == outRead {
						return stream(findings.File{Source: it.In.Name}, st, it.R.extra)
					}
					files := it.R.files
					if len(files) == 0 || it.Outcome == outUnreadable || it.Outcome == outInternal {
						files = []findings.File{{}}
					}
					for i, f := range files {
						if i < len(it.R.streams) && it.R.streams[i] != nil && it.Outcome == outRead {
							if err := stream(f, it.R.streams[i], it.R.extras[i]); err != nil {
								return err
							}
							continue
						}
						if f.Source == "" {
							f.Source = it.In.Name
						}
						if it.Outcome == outUnreadable || it.Outcome == outInternal {
							f.Error = b.reason(it.Outcome, it.Err)
							f.Findings = nil
						}
						for _, x := range f.Findings {
							failed = failed || threshold >= 0 && int(x.Severity) >= threshold
						}
						sum.Add(f)
						if err := w.File(f); err != nil {
							return err
						}
					}
					return nil
				})
			code := b.exitFor()
			if failed {
				code = max(code, ExitFindings)
			}
			sum.ExitCode = code
			if ix != nil {
				st := ix.Stats()
				sum.List = &findings.ListSummary{Rows: st.Rows, Unsplit: st.Unsplit, PagesMatched: st.PagesMatched,
					PagesWithoutRow: st.PagesWithoutRow, RowsWithoutPage: st.RowsWithoutPage, Duplicates: st.Duplicates}
			}
			if err == nil {
				err = w.Finish(sum)
			}
			return sinks.finish(ios, err, code)
		},
	}
	common.register(cmd)
	f := cmd.Flags()
	f.StringArrayVar(&formats, "format", []string{"text"}, "output format: "+strings.Join(findings.Formats(), ", ")+" (md for markdown); FORMAT=FILE writes it to FILE; repeat for several outputs")
	f.StringVarP(&out, "output", "o", "", "write the report to this file, atomically")
	f.BoolVar(&junitFails, "junit-failures-only", false, "with --format junit: write only the failing test cases (a whole programme within GitLab's limits)")
	failOnFlag(f, &failOn, "fail-on", int(validate.Error), "error", "exit 1 when a finding is at least this severe: "+strings.Join(config.FailOnValues, ", ")+" (default: fail-on in "+config.FileName+", else error)")
	dateFlag(f, &today, "today", "reference date YYYY-MM-DD for the date rules (default: today in "+config.FileName+", else today)")
	f.StringVar(&listPath, "list", "", "compare each description with its row in this project-list export (list-mismatch)")
	f.StringVar(&color, "color", "auto", "colour the text output: auto (on a terminal, unless NO_COLOR is set), always, never")
	_ = cmd.RegisterFlagCompletionFunc("format", fixedCompletion(findings.Formats()...))
	_ = cmd.RegisterFlagCompletionFunc("fail-on", fixedCompletion(config.FailOnValues...))
	_ = cmd.RegisterFlagCompletionFunc("color", fixedCompletion("auto", "always", "never"))
	return cmd
}

func fixedCompletion(values ...string) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return values, cobra.ShellCompDirectiveNoFileComp
	}
}

func colorMode(mode string, ios *IOStreams) (bool, error) {
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto":
		_, noColor := lookupEnv(ios, "NO_COLOR")
		return ios.StdoutTTY && !noColor && ios.Getenv("TERM") != "dumb", nil
	}
	return false, usagef("unknown --color %q (valid: auto, always, never)", mode)
}

// lookupEnv treats a set but empty variable as unset, as no-color.org asks
// ("when present and not an empty string").
func lookupEnv(ios *IOStreams, key string) (string, bool) {
	v := ios.Getenv(key)
	return v, v != ""
}

// validated is one input's outcome: its files, or, for an input with more
// findings than streamChunk, a stream that makes them as they are written.
type validated struct {
	files  []findings.File
	stream *validate.Stream
	extra  []validate.Finding // the stream's list comparison (--list)
	// For asectl's parse JSON, the streams of the files (descriptions)
	// with too many findings to hold, by files' index (nil: none), and
	// their list comparisons.
	streams []*validate.Stream
	extras  [][]validate.Finding
}

// streamChunk is the most findings of one input held at once (about 180
// bytes each, plus the writers' work on them); an input with more is
// checked again chunk by chunk as it is written (validate.CheckStream),
// so that 900,000 findings do not take 160 MB.
var streamChunk = 16384 // a variable for the tests

// jsonStreamChunk is streamChunk for a description read from JSON: its
// windows cost a run of every rule over the whole description (it has no
// positions to skip by), so they are fewer and larger (about 12 MB held).
func jsonStreamChunk() int { return 4 * streamChunk }

// add checks one description read from asectl's parse JSON (compared
// with its row of ix, when not nil) as the next file of v.
func (v *validated) add(d *model.Description, cfg validate.Config, ix *projectlist.Index) {
	i := len(v.files)
	v.files = append(v.files, findings.File{Source: d.Source})
	if d.Error.Valid {
		v.files[i].Findings = checkDoc(d, cfg)
		return
	}
	var extra []validate.Finding
	if ix != nil {
		extra = ix.Compare(d, cfg)
	}
	fs, st := validate.CheckDescriptionStream(d, cfg, jsonStreamChunk())
	if st != nil {
		// 900,000 findings from one document: made a chunk at a time as
		// they are written, as for a text input.
		for len(v.streams) <= i {
			v.streams, v.extras = append(v.streams, nil), append(v.extras, nil)
		}
		v.streams[i], v.extras[i] = st, extra
		return
	}
	if len(extra) > 0 {
		fs = append(fs, extra...)
		validate.SortFindings(fs)
	}
	v.files[i].Findings = fs
}

// validateInput reads, parses and checks one input; with a list index
// (--list), a description is also compared with its row.
//
// An input of asectl's parse JSON gives one file for each description in
// it, named by its source, its findings located by field alone.
func validateInput(in input, ios *IOStreams, c *commonFlags, cfg validate.Config, ix *projectlist.Index) (validated, outcome, error) {
	p, o, err := parseInput(in, ios, c)
	// Nothing parsed views the input: its buffer can serve the next file
	// while this result waits for its turn.
	defer p.release()
	if o == outRead && p.list {
		f, o, err := validateList(&p, c, cfg)
		return validated{files: []findings.File{f}}, o, err
	}
	if p.docs != nil {
		// The documents view none of the input's bytes.
		p.releaseInput()
		v := validated{files: make([]findings.File, 0, len(p.docs))}
		for _, d := range p.docs {
			v.add(d, cfg, ix)
		}
		return v, o, err
	}
	if o == outRead && p.json {
		// Several documents, read and checked one at a time (eachDoc):
		// only their findings are kept.
		var v validated
		ok, err := rereadDocs(in.Name, func(d *model.Description) error {
			v.add(d, cfg, ix)
			return nil
		})
		if !ok || err != nil {
			// parseInput read them all: the file changed since.
			return validated{}, outUnreadable, errChanged
		}
		return v, o, nil
	}
	var f findings.File
	switch o {
	case outRead:
		// The input's bytes are not needed once parsed: a large one is
		// garbage before its findings are made, not beside them.
		p.releaseInput()
		var st *validate.Stream
		f.Findings, st = validate.CheckStream(p.res, cfg, streamChunk)
		if st != nil {
			v := validated{stream: st}
			if ix != nil {
				v.extra = ix.Compare(p.res.Doc, cfg)
			}
			return v, o, err
		}
		if ix != nil {
			f.Findings = append(f.Findings, ix.Compare(p.res.Doc, cfg)...)
			validate.SortFindings(f.Findings)
		}
	case outNotDescription:
		if x, ok := validate.NotDescription(err, cfg); ok {
			f.Findings = []validate.Finding{x}
		}
	}
	return validated{files: []findings.File{f}}, o, err
}
