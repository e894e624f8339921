package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/asectl/asectl/findings"
	"github.com/asectl/asectl/internal/config"
	"github.com/asectl/asectl/internal/output"
	"github.com/asectl/asectl/model"
	"github.com/asectl/asectl/projectlist"
	"github.com/asectl/asectl/sqlitedb"
	"github.com/asectl/asectl/validate"
)

var exportFormats = []string{"sqlite"}

// exported is one input made ready for the database: its description (or
// nil for an input that could not be read) and its findings.
type exported struct {
	p        parsed
	findings []validate.Finding
	// stream makes the findings of an input with more than streamChunk
	// of them, chunk by chunk as they are written (findings is then
	// empty): 900,000 findings held at once took over 1 GB.
	stream *validate.Stream
	// json is an input of asectl's parse JSON, read a document at a time
	// as it is written (all of a 109 MB JSONL decoded at once took 450
	// MiB): the file, or p.src for an input read whole (standard input, a
	// .txt). close (if not nil) closes the file.
	json  io.Reader
	close func() error
}

// exportInput reads, parses and checks one input. A project list's rows
// are read from the input buffer as they are written, and emit releases it
// then; a description's parse result views none of it, so it goes at once.
func exportInput(in input, ios *IOStreams, c *commonFlags, cfg validate.Config) (exported, outcome, error) {
	if in.Err == nil && in.Name != "-" && !inputExt(in.Name) {
		// A file named as JSON (a directory gives only descriptions) is
		// read from the disk as it is written: memory does not grow with
		// its size.
		f, ok, err := openJSON(in.Name, c.maxSize)
		switch {
		case err != nil:
			return exported{p: parsed{name: in.Name}}, outUnreadable, err
		case ok:
			return exported{p: parsed{name: in.Name}, json: f, close: f.Close}, outRead, nil
		}
	}
	p, o, err := parseInput(in, ios, c)
	e := exported{p: p}
	switch {
	case o == outRead && p.list:
		// A project list's rows are read and checked as they are written.
	case o == outRead && p.json:
		e.json = bytes.NewReader(p.src)
	case o == outRead:
		// Nothing parsed views the input (as for validate): its bytes
		// are garbage before the findings are made, not beside them.
		e.p.releaseInput()
		e.findings, e.stream = validate.CheckStream(e.p.res, cfg, streamChunk)
	case o == outNotDescription:
		if x, ok := validate.NotDescription(err, cfg); ok {
			e.findings = []validate.Finding{x}
		}
	}
	return e, o, err
}

func newExportCmd(g *globals) *cobra.Command {
	ios := g.ios
	var (
		common   commonFlags
		format   string
		out      string
		today    model.Date
		appendTo bool
	)
	cmd := &cobra.Command{
		Use:   "export --format sqlite -o FILE.db FILE|DIR|- ...",
		Short: "Export descriptions and their findings into a SQLite database",
		Long: `Export reads project descriptions (inputs as for parse, and asectl's own parse
JSON, checked as validate checks it) and writes them into a SQLite database: a descriptions table with one row per input, and tables for
the lists of a description that join it on description_id — partners, areas
(with Statistics Finland's codes), sustainability, indicators, gender_equality
— and findings, checked as asectl validate checks them (--today, --config).
Money is integer cents (the view funding_euros shows euros), dates ISO text,
booleans 0/1. The tables schema_tables and schema_columns say what each
column holds; 'asectl schema sqlite' prints the DDL.

The database is built in a temporary file beside FILE.db and renamed into
place when complete: an export that fails or is stopped leaves the previous
file as it was. --append adds to an existing database instead, replacing a
description of the same source and project code rather than duplicating it.

Exit status: 0 when every input parsed; 1 when some input is not a
description (it has a row with its error, and its finding); 2 for usage
errors, unreadable inputs and a database that cannot be written.`,
		Example: `  asectl export --format sqlite -o programme.db testdata/real/
  asectl export --append -o programme.db new/
  sqlite3 programme.db 'SELECT fund, count(*) FROM descriptions GROUP BY fund'
  datasette programme.db`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			l, err := g.begin(cmd, &common)
			if err != nil {
				return err
			}
			if format != "sqlite" {
				return usagef("unknown --format %q (valid: sqlite)", format)
			}
			if out == "" || out == "-" {
				return usagef("export needs -o FILE: a database cannot go to standard output")
			}
			rs, err := g.ruleSettings(cmd, 0, today)
			if err != nil {
				return err
			}
			if rs.cfg.Today == (model.Date{}) {
				// Fixed once, so that every finding and the meta table
				// say the same date.
				rs.cfg.Today = model.DateOf(time.Now())
			}
			cfgFile, err := g.loadConfig()
			if err != nil {
				return err
			}
			b, err := g.newBatch(args, &common, l)
			if err != nil {
				return err
			}
			common.acceptJSON, common.streamJSON = true, true
			// Refused before it is opened: opening a FIFO waits for a reader.
			if st, err := os.Stat(out); err == nil && !st.Mode().IsRegular() && !st.IsDir() {
				return usagef("-o %s: not a regular file; a database is written to a file", termName(out))
			}
			o, err := g.openOutput(out, b)
			if err != nil {
				return err
			}
			tmp := o.TempName()
			if tmp == "" {
				o.Abort()
				return usagef("-o %s: not a regular file; a database is written to a file", termName(out))
			}
			var unlock func()
			if !appendTo {
				// Replacing is for a database export wrote: another file
				// at -o would be lost. It stays locked until the new file
				// replaces it, as for --append: another program's
				// transaction, or the old file's WAL or hot journal, would
				// otherwise meet the new file.
				unlock, err = sqlitedb.Replace(out)
				if err != nil {
					o.Abort()
					return usagef("-o %s: %v", termName(out), err)
				}
			} else {
				// The old file stays locked until the copy replaces it:
				// another program's transaction would be lost with it.
				unlock, err = copyInto(o, out)
				if err != nil {
					o.Abort()
					return writeFailed(ios, err)
				}
			}
			defer unlock()
			w, err := sqlitedb.Open(tmp, out, sqlitedb.Options{
				Version: Version(), Inputs: args,
				Message: func(f validate.Finding) string { return l.Message(f.Msg) },
				Text:    l.Message,
				Checks: sqlitedb.Checks{
					Today: rs.cfg.Today, Config: cfgFile.Path, Rules: cfgFile.Rules, Lang: l.Lang,
				},
			})
			if err != nil {
				o.Abort()
				return usagef("-o %v", err)
			}
			chk := projectlist.NewChecker(rs.cfg)
			listCode, jsonCode := ExitOK, ExitOK
			// exportList writes a project list's rows with their findings.
			exportList := func(p *parsed) error {
				source := findings.PathText(p.name)
				if err := w.BeginList(source); err != nil {
					return err
				}
				var werr error
				unsplit := 0
				err := listRows(p, &common, func(r *projectlist.Row) error {
					if r.Err != nil {
						unsplit++
					}
					werr = w.AddListRow(r, chk.Check(r))
					return werr
				})
				switch {
				case werr != nil:
					return werr
				case err != nil:
					b.bar.errorf("%s: error: %s\n", termName(p.name), findings.Safe(err.Error()))
					listCode = ExitUsage
				case unsplit > 0:
					// As parse: rows that could not be split fail the run; they
					// are in list_rows with their error and list-row finding.
					b.bar.errorf("%s: error: %s\n", termName(p.name), findings.Safe(l.Sprintf("%d rows could not be split into the list's columns [%s]", unsplit, validate.RuleListRow)))
					listCode = max(listCode, ExitFindings)
				}
				return nil
			}
			err = runBatch(b,
				func(in input) (exported, outcome, error) { return exportInput(in, ios, &common, rs.cfg) },
				func(it *item[exported]) error {
					p := it.R.p
					defer p.release()
					if it.Outcome == outRead && p.list {
						return exportList(&p)
					}
					if it.R.close != nil {
						defer it.R.close()
					}
					if it.Outcome == outRead && it.R.json != nil {
						code, err := exportDocs(w, b, it.In.Name, it.R.json, rs.cfg)
						jsonCode = max(jsonCode, code)
						return err
					}
					var doc *model.Description
					if it.Outcome == outRead {
						doc = p.res.Doc
					} else {
						// The input keeps its place, with its reason.
						doc = model.Failed(findings.PathText(it.In.Name), b.reason(it.Outcome, it.Err))
					}
					if err := w.Add(doc, it.R.findings); err != nil {
						return err
					}
					if st := it.R.stream; st != nil && it.Outcome == outRead {
						// The rest go into the same transaction, a chunk at
						// a time; p.res is needed until then.
						return st.Each(nil, w.AddFindings)
					}
					return nil
				})
			// The database is closed before the output syncs and renames it.
			if err == nil {
				err = w.Commit()
			} else {
				w.Abort()
			}
			if err == nil {
				err = o.Commit()
			} else {
				o.Abort()
			}
			unlock()
			if err != nil {
				return writeFailed(ios, err)
			}
			n := w.Counts()
			if n.ListRows > 0 {
				fmt.Fprint(ios.ErrOut, termName(out)+": "+l.Sprintf("%d descriptions", n.Descriptions)+l.Sprintf(" (%d replaced), ", n.Replaced)+l.Sprintf("%d list rows", n.ListRows)+", "+l.Sprintf("%d findings", n.Findings)+"\n")
			} else {
				fmt.Fprint(ios.ErrOut, termName(out)+": "+l.Sprintf("%d descriptions", n.Descriptions)+l.Sprintf(" (%d replaced), ", n.Replaced)+l.Sprintf("%d findings", n.Findings)+"\n")
			}
			if code := max(b.exitFor(), listCode, jsonCode); code != ExitOK {
				return exitError{code}
			}
			return nil
		},
	}
	common.register(cmd)
	f := cmd.Flags()
	f.StringVar(&format, "format", "sqlite", "output format: sqlite")
	f.StringVarP(&out, "output", "o", "", "the database file to write (required)")
	dateFlag(f, &today, "today", "reference date YYYY-MM-DD for the date rules (default: today in "+config.FileName+", else today)")
	f.BoolVar(&appendTo, "append", false, "add to the database instead of replacing it; a description of the same source and code is replaced")
	_ = cmd.RegisterFlagCompletionFunc("format", fixedCompletion(exportFormats...))
	return cmd
}

// exportDocs writes the descriptions of an input of asectl's parse JSON,
// each checked as validate checks it from JSON (located by field, not
// line), a document at a time. A document that cannot be read is a row
// of its own with its error (named on stderr), its source NAME:LINE (rows
// are keyed on source and code); the others are written. An error after
// which nothing more can be read (a syntax error in an array) is a row
// with the input's name as source, as for an input not read at all. The
// exit code is 1 for a document that records an input that was not a
// description (as for that input), 2 for one that cannot be read.
func exportDocs(w *sqlitedb.Writer, b *batch, name string, r io.Reader, cfg validate.Config) (code int, err error) {
	failed := func(err error) error {
		code = ExitUsage
		reason := b.reason(outUnreadable, err)
		b.bar.errorf("%s: error: %s\n", termName(name), findings.Safe(reason))
		source := findings.PathText(name)
		var de *docError
		if errors.As(err, &de) {
			source += ":" + strconv.Itoa(de.line)
		}
		return w.Add(model.Failed(source, reason), nil)
	}
	s, err := newDocStream(r)
	if err != nil {
		return code, failed(err)
	}
	// Documents are read and checked on a goroutine of their own while
	// the ones before them are written (one core each; the window keeps
	// memory to a few documents).
	type doc struct {
		d   *model.Description
		f   []validate.Finding
		err error
	}
	docs, stop := make(chan doc, 16), make(chan struct{})
	go func() {
		defer close(docs)
		for {
			d, err := s.next()
			if err == io.EOF {
				return
			}
			x := doc{d: d, err: err}
			if err == nil {
				x.f = checkDoc(d, cfg)
			}
			select {
			case docs <- x:
			case <-stop:
				return
			}
		}
	}()
	defer func() {
		// r is closed after return: the reader must be done with it.
		close(stop)
		for range docs {
		}
	}()
	for x := range docs {
		if x.err != nil {
			if err := failed(x.err); err != nil {
				return code, err
			}
			continue
		}
		if err := w.Add(x.d, x.f); err != nil {
			return code, err
		}
		if x.d.Error.Valid {
			// As for the input it was parsed from.
			code = max(code, ExitFindings)
		}
	}
	return code, nil
}

// copyInto copies the database at path, if there is one, into the output's
// temporary file, so that --append works on a copy: the old file stays as
// it was until the new one is renamed over it. unlock releases the lock
// the copy holds on the old file (see sqlitedb.Snapshot).
func copyInto(o *output.File, path string) (unlock func(), err error) {
	unlock, _, err = sqlitedb.Snapshot(o, path)
	if err != nil {
		return unlock, fmt.Errorf("%s: %w", path, err)
	}
	if err := o.Flush(); err != nil {
		unlock()
		return func() {}, err
	}
	return unlock, nil
}
