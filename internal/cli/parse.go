package cli

import (
	"errors"
	"fmt"
	"runtime"
	"strings"

	"github.com/spf13/cobra"

	"github.com/asectl/asectl/findings"
	"github.com/asectl/asectl/internal/i18n"
	"github.com/asectl/asectl/model"
	"github.com/asectl/asectl/parser"
	"github.com/asectl/asectl/projectlist"
)

// commonFlags are the input flags that parse and validate share.
type commonFlags struct {
	encoding string
	jobs     int
	maxSize  int64
	// acceptJSON: an input that is JSON is read as asectl's own parse JSON
	// (validate, report), not parsed as text.
	acceptJSON bool
	// streamJSON (with acceptJSON): such an input is not decoded but
	// marked (parsed.json), for the command to read a document at a time.
	streamJSON bool
}

func (c *commonFlags) register(cmd *cobra.Command) {
	f := cmd.Flags()
	encodingFlag(f, &c.encoding, "encoding", "auto", "text encoding of the inputs: "+strings.Join(parser.Encodings(), ", "))
	jobsFlag(f, &c.jobs, "jobs", "j", "inputs read in parallel (default: the number of CPUs, plus one; at most 4 per CPU)")
	sizeFlag(f, &c.maxSize, "max-size", 16<<20, "16MiB", "refuse inputs larger than this (bytes, or 512k, 16MiB, 1G)")
	_ = cmd.RegisterFlagCompletionFunc("encoding", fixedCompletion(parser.Encodings()...))
}

// maxJobs caps --jobs: more workers than this only cost memory (each holds
// an input and its parse; --jobs 100000 took 566 MB where the default
// took 43 MB) and cannot go faster on the machine's CPUs.
func maxJobs() int { return 4 * runtime.NumCPU() }

func (c *commonFlags) check(ios *IOStreams) error {
	if c.jobs < 0 {
		return usagef("--jobs must be 0 (all CPUs) or more")
	}
	if m := maxJobs(); c.jobs > m {
		fmt.Fprintf(ios.ErrOut, "asectl: note: --jobs %d lowered to %d (4 per CPU)\n", c.jobs, m)
		c.jobs = m
	}
	return nil
}

// parsed is one input read and parsed.
type parsed struct {
	name string
	src  []byte // the bytes read, for fmt's comparison
	res  *parser.Result
	docs []*model.Description // read from asectl's parse JSON instead (acceptJSON)
	json bool                 // src is asectl's parse JSON, not decoded (streamJSON; validate and report: the file name's documents are for eachDoc)
	buf  *[]byte              // src's pooled buffer, for release
	list bool                 // src is a project-list export whose rows are read later (list.go)
	size int                  // len(src), still known after releaseInput
}

// parseInput reads and parses one input, classifying the outcome for the
// batch runner. src is a pooled buffer (the parse result shares no memory
// with it): call release once src is not used any more, or never.
func parseInput(in input, ios *IOStreams, c *commonFlags) (parsed, outcome, error) {
	if c.acceptJSON && !c.streamJSON && manyDocs(in, c.maxSize) {
		// validate, report: several documents in a file, which the
		// command reads again a document at a time (eachDoc); all of
		// them at once would take memory growing with the file.
		return parsed{name: in.Name, json: true}, outRead, nil
	}
	buf := inputBufs.Get().(*[]byte)
	src, err := readInput(in, ios.In, c.maxSize, *buf)
	if err != nil {
		inputBufs.Put(buf)
		return parsed{name: in.Name}, outUnreadable, err
	}
	*buf = src
	fitMemoryLimit(int64(len(src)))
	p := parsed{name: in.Name, src: src, buf: buf, size: len(src)}
	if c.acceptJSON && looksJSON(src) {
		if c.streamJSON {
			p.json = true
			return p, outRead, nil
		}
		p.docs, err = readDocs(src)
		if err != nil {
			return p, outUnreadable, err
		}
		return p, outRead, nil
	}
	if projectlist.IsList(src) {
		return classifyList(p, c.encoding)
	}
	if asectlPage(src) {
		return p, outNotDescription, fmt.Errorf("%w: %s", parser.ErrNotDescription, reasonAsectlPage)
	}
	p.res, err = guard(func() (*parser.Result, error) {
		return parser.Parse(findings.PathText(in.Name), src, parser.Options{Encoding: c.encoding})
	})
	switch {
	case err == nil:
		return p, outRead, nil
	case errors.As(err, new(internalError)):
		return p, outInternal, err
	case errors.Is(err, parser.ErrEncoding):
		// A forced encoding that does not fit: the file cannot be read as asked.
		return p, outUnreadable, err
	}
	return p, outNotDescription, err
}

// internalError is a panic met while reading one input: a bug in asectl.
// It becomes that input's error, so that a batch loses no other result.
type internalError struct{ value any }

func (e internalError) Error() string {
	return fmt.Sprintf("internal error (a bug in asectl; please report it with this input): %v", e.value)
}

// guard runs f, turning a panic into an internalError.
func guard[T any](f func() (T, error)) (v T, err error) {
	defer func() {
		if r := recover(); r != nil {
			var zero T
			v, err = zero, internalError{r}
		}
	}()
	return f()
}

// release hands the input buffer back for the next input; src must not be
// used after it (the parse result may).
func (p *parsed) release() {
	if p.buf == nil {
		return
	}
	if cap(*p.buf) <= maxPooledInput {
		inputBufs.Put(p.buf)
	}
	p.buf, p.src, p.res = nil, nil, nil
}

// releaseInput gives back src (and its buffer) but keeps the parse result,
// which shares no memory with it.
func (p *parsed) releaseInput() {
	res := p.res
	p.release()
	p.res = res
}

// termName is a file name as the terminal shows it: control characters
// and bytes that are not UTF-8 escaped (findings.Safe).
func termName(name string) string { return findings.Safe(name) }

// describeErr renders an input's error in the user's language.
func describeErr(l *i18n.Localizer, err error) string {
	if reason, ok := parser.NotDescriptionReason(err); ok {
		return l.Message(parser.Msg("not an EURA 2014 project description: %s", reason))
	}
	return err.Error()
}

var parseFormats = []string{"json", "jsonl", "csv"}

func newParseCmd(g *globals) *cobra.Command {
	ios := g.ios
	var (
		common commonFlags
		format string
		out    string
		excel  bool
	)
	cmd := &cobra.Command{
		Use:   "parse FILE|DIR|- ...",
		Short: "Parse descriptions into JSON or CSV",
		Long: `Parse reads project descriptions and prints them as JSON (or CSV).

A directory stands for the .txt, .html and .htm files beneath it, sorted by
path (an HTML page is read as the text a reader sees in it); "-" reads
standard input. Output is in input order, whatever --jobs is. Problems met
while reading go to standard error as FILE:LINE:COL: warning: MESSAGE [RULE].

--format json prints one object for one file argument and an array for
several arguments or a directory; jsonl prints one object a line; csv one row
a description with stable English headers (--excel adds a byte order mark and
defuses formula-like cells). 'asectl schema parse' prints the JSON Schema.

A project-list export of the EURA services (a CSV whose header starts
"Koodi,Rahasto,") is read row by row: one object a row ("kind": "list_row";
an array of rows for --format json), or one CSV line a row with the list's
own columns. A row that cannot be split into its columns in exactly one way is
reported as FILE:LINE:COL: error: … [list-row] and kept as raw text.

Exit status: 0 when every input parsed; 1 when some input is not a
description at all, or a list row could not be split (the others are still printed); 2 for usage errors and
unreadable inputs.`,
		Example: `  asectl parse testdata/A72213.txt
  asectl parse testdata/A72213.txt | jq '.funding'
  asectl parse --format jsonl descriptions/ > all.jsonl
  asectl parse --format csv --excel -o projects.csv descriptions/
  cat page.txt | asectl parse -`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			l, err := g.begin(cmd, &common)
			if err != nil {
				return err
			}
			switch format {
			case "json", "jsonl", "csv":
			default:
				return usagef("unknown --format %q (valid: %s)", format, strings.Join(parseFormats, ", "))
			}
			if excel && format != "csv" {
				return usagef("--excel goes with --format csv")
			}
			b, err := g.newBatch(args, &common, l)
			if err != nil {
				return err
			}
			array := format == "json" && (len(args) > 1 || b.dirs)
			o, err := g.openOutput(out, b)
			if err != nil {
				return err
			}
			var csvw *findings.CSVWriter
			if format == "csv" {
				csvw = findings.NewCSV(o, excel)
			}
			wrote := 0
			var buf, compact []byte
			if array {
				o.WriteString("[")
			}
			// writeJSON writes one object: a description, or a row of a list.
			writeJSON := func(obj []byte, array bool) {
				switch {
				case array && wrote > 0:
					o.WriteString(",\n  ")
				case array:
					o.WriteString("\n  ")
				}
				if format == "json" {
					// Indented as it is written: a large description's
					// indented copy took twice its JSON's size. obj is
					// asectl's own valid JSON; a write error is
					// o's, returned by finish.
					buf, _ = writeIndented(o, buf, obj, indentFor(array), "  ")
				} else {
					o.Write(obj)
				}
				if !array {
					o.WriteByte('\n')
				}
				wrote++
			}
			// A project list's rows go out in the same formats (list.go);
			// with --format json a list given alone is an array of its rows.
			// A list and descriptions cannot share one CSV (their columns
			// differ).
			var listCSV *projectlist.CSVWriter
			descCSV, listCode := false, ExitOK
			mixedCSV := func(name string) {
				b.bar.errorf("%s: error: %s\n", termName(name), l.T("a project list and descriptions cannot share one CSV file; write them to separate files"))
				listCode = ExitUsage
			}
			emitList := func(p *parsed) error {
				if csvw != nil && descCSV {
					mixedCSV(p.name)
					return nil
				}
				if csvw != nil && listCSV == nil {
					listCSV = projectlist.NewCSV(o, excel)
				}
				rowsArray := array || format == "json"
				if rowsArray && !array {
					o.WriteString("[")
				}
				var werr error
				err := listRows(p, &common, func(r *projectlist.Row) error {
					if listParseRow(l, b.bar, p.name, r) {
						listCode = max(listCode, ExitFindings)
					}
					if listCSV != nil {
						werr = listCSV.Write(r)
						return werr
					}
					compact = r.AppendJSON(compact[:0])
					writeJSON(compact, rowsArray)
					return nil
				})
				if werr != nil {
					return werr
				}
				if err != nil {
					b.bar.errorf("%s: error: %s\n", termName(p.name), findings.Safe(err.Error()))
					listCode = ExitUsage
				}
				if rowsArray && !array {
					if wrote > 0 {
						o.WriteString("\n")
					}
					o.WriteString("]\n")
				}
				if listCSV != nil {
					return listCSV.Flush()
				}
				return nil
			}
			err = runBatch(b,
				func(in input) (parsed, outcome, error) {
					p, o, err := parseInput(in, ios, &common)
					if o == outRead && p.res != nil {
						// The result shares no memory with the input's
						// bytes: a large input's are garbage before its
						// JSON is made.
						p.releaseInput()
					}
					return p, o, err
				},
				func(it *item[parsed]) error {
					p := it.R
					defer p.release()
					if it.Outcome == outRead && p.list {
						return emitList(&p)
					}
					var doc *model.Description
					if it.Outcome != outRead {
						// The input keeps its place in the output, with its reason.
						doc = model.Failed(findings.PathText(it.In.Name), b.reason(it.Outcome, it.Err))
					} else {
						for _, pr := range p.res.Problems {
							b.bar.errorf("%s:%d:%d: warning: %s [%s]\n", termName(p.name), pr.Pos.Line, pr.Pos.Col, findings.Safe(l.Message(pr.Msg)), pr.Rule)
						}
						doc = p.res.Doc
					}
					if csvw != nil {
						if listCSV != nil {
							mixedCSV(p.name)
							return nil
						}
						descCSV = true
						return csvw.Write(doc)
					}
					// Room for the JSON at once (it is about the input's
					// size): a large one grown step by step held each
					// step's copy until the next collection.
					if need := p.size + p.size/4; cap(compact) < need {
						compact = make([]byte, 0, need)
					}
					compact = doc.AppendJSON(compact[:0])
					writeJSON(compact, array)
					return nil
				})
			if err == nil && array {
				if wrote > 0 {
					o.WriteString("\n")
				}
				o.WriteString("]\n")
			}
			switch {
			case err == nil && listCSV != nil:
				err = listCSV.Close()
			case err == nil && csvw != nil:
				err = csvw.Close()
			}
			return finish(ios, o, err, max(b.exitFor(), listCode))
		},
	}
	common.register(cmd)
	cmd.Flags().StringVar(&format, "format", "json", "output format: json, jsonl or csv")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write the output to this file, atomically")
	cmd.Flags().BoolVar(&excel, "excel", false, "with --format csv: a UTF-8 byte order mark, and cells that start with = + - @ defused for spreadsheets")
	_ = cmd.RegisterFlagCompletionFunc("format", fixedCompletion(parseFormats...))
	return cmd
}

func indentFor(array bool) string {
	if array {
		return "  "
	}
	return ""
}

// writeFailed reports that the output could not be written (a full disk, a
// closed pipe): the run fails, whatever the findings were.
func writeFailed(ios *IOStreams, err error) error {
	if errors.As(err, new(stdoutPipeError)) {
		return exitError{ExitPipe}
	}
	fmt.Fprintf(ios.ErrOut, "asectl: cannot write the output: %v\n", cleanPathError(err))
	return exitError{ExitUsage}
}
