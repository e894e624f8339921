package sqlitedb

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/asectl/asectl/model"
	"github.com/asectl/asectl/parser"
	"github.com/asectl/asectl/programme"
	"github.com/asectl/asectl/projectlist"
	"github.com/asectl/asectl/validate"
)

// Options adjust an export.
type Options struct {
	// Append adds to the database at the path, if there is one, instead of
	// replacing it. A description already there with the same source and
	// project code is replaced, never duplicated.
	Append bool
	// Version is asectl's version, for the meta table.
	Version string
	// Inputs are the inputs as named on the command line, for the meta
	// table (appended to those of earlier exports into the same file).
	Inputs []string
	// Now is the export's time; zero means time.Now().
	Now time.Time
	// Message renders a finding's message; nil means English.
	Message func(validate.Finding) string
	// Text renders other messages (why a list row could not be split);
	// nil means English.
	Text func(parser.Message) string
	// Checks says how the findings were made, for the meta table.
	Checks Checks
}

// Checks says how an export's findings were made: the meta table keeps it
// (today, config, rules, lang), and the list of every export into the file
// (exports), so that a database says which settings its findings were
// checked with, export by export.
type Checks struct {
	// Today is the date the date rules took as today.
	Today model.Date
	// Config is the configuration file the settings came from ("" for
	// none), and Rules its rule settings: a rule ID's severity (error,
	// warning, info) or off.
	Config string
	Rules  map[string]string
	// Lang is the language of the messages: en or fi ("" is en).
	Lang string
}

// Writer streams descriptions into a database file. Rows go straight into
// prepared statements of one transaction, so memory does not grow with
// the number of descriptions. Call Commit to finish the file, or Abort to
// drop it; a Writer is for one goroutine.
type Writer struct {
	name string // the database as messages name it
	file string // the file being written
	// For Create: the target the file is renamed to on Commit, and its mode.
	target string
	mode   os.FileMode
	// unlock releases the lock Snapshot holds on the target (Append).
	unlock func()

	c  *conn
	st struct{ del, desc, hasList, delList, listRow *stmt }
	// deletes are the statements that delete a description's or a list
	// row's rows from one table, by table and key.
	deletes map[[2]string]*stmt
	// indexed: the indexes built at the end are there already.
	indexed  bool
	descArgs []value
	ids      []int64
	// lastDesc is the id of the description Add wrote last (0: none, or
	// its Add failed), for AddFindings.
	lastDesc int64
	// The list tables' rows of one description go in with one statement
	// each: a statement's fixed cost is most of a small row's.
	partners, areas, scores, indicators, gender, sections, findings *batch

	opt     Options
	inputs  []string          // every export's inputs, for meta
	exports []json.RawMessage // every earlier export's record, for meta
	created string
	regions *programme.Regions
	counts  Counts
	// the first description and list row this Writer wrote (0: none yet)
	firstDesc, firstListRow int64
	done                    bool
}

// Counts are the rows a Writer has added and left in the file: a row it
// wrote and then replaced (an input of the same source and code given
// twice) is counted once, with the findings of the row that stays.
type Counts struct {
	Descriptions int // descriptions written, including inputs that could not be read
	Replaced     int // descriptions that replaced one of the same source and code
	Findings     int
	ListRows     int // project-list rows written
}

// Open starts writing the database into file, which the caller made and
// puts in place after Commit (asectl's -o does, atomically). An empty file
// gets the schema; a file that is not empty must be a database asectl
// wrote, of this SchemaVersion, and is added to (Options.Append says
// nothing here). name is how error messages call the database.
func Open(file, name string, opt Options) (*Writer, error) {
	w := newWriter(file, name, opt)
	st, err := os.Stat(file)
	if err == nil {
		err = w.open(st.Size() > 0)
	}
	if err != nil {
		w.close()
		if !strings.HasPrefix(err.Error(), name+": ") {
			err = fmt.Errorf("%s: %w", name, err)
		}
		return nil, err
	}
	return w, nil
}

// Create starts a database that replaces (or, with Options.Append,
// extends) the file at path: it is built in a temporary file beside path
// (for Append, a copy of the old one), which Commit renames into place.
// The file at path is not touched before that; an SQLite database there
// is held (see Snapshot and Replace) until the rename.
//
// Without Append, Create does not ask what the file at path is: Commit
// replaces whatever is there, a text file or a database another program
// wrote as well. It is the caller's path to give; asectl export refuses
// such a file first (Replace, which also holds the old database; Open
// then writes the temporary file). Call Replaceable before Create for the
// same check. With Append, the file must be a database asectl wrote.
//
// Errors: the temporary file cannot be made; another program holds the
// database at path; with Append, the file at path is not a database
// asectl wrote or has another SchemaVersion.
func Create(path string, opt Options) (*Writer, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return nil, err
	}
	w := newWriter(f.Name(), path, opt)
	w.target, w.mode = path, 0o644
	if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() {
		w.mode = st.Mode().Perm()
	}
	appending := false
	if opt.Append {
		w.unlock, appending, err = Snapshot(f, path)
	} else if _, isDB, serr := sqliteFile(path); serr == nil && isDB {
		// Held until the rename, as for Append: neither another
		// program's transaction nor the old file's journal or WAL may be
		// left to meet the new file.
		var h *held
		if h, err = hold(path); err == nil {
			w.unlock = h.release
		}
	}
	if err != nil {
		err = fmt.Errorf("%s: %w", path, err)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = w.open(appending)
	}
	if err != nil {
		w.Abort()
		return nil, err
	}
	return w, nil
}

func newWriter(file, name string, opt Options) *Writer {
	if opt.Now.IsZero() {
		opt.Now = time.Now()
	}
	if opt.Message == nil {
		opt.Message = func(f validate.Finding) string { return f.Message() }
	}
	if opt.Text == nil {
		opt.Text = parser.Message.String
	}
	return &Writer{file: file, name: name, opt: opt, regions: programme.GetRegions()}
}

// fileURI names the file as an SQLite URI, so that a path with ? or # in
// it stays one path.
func fileURI(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}
	return u.String(), nil
}

// writePragmas: the journal is off and nothing is synced: the file is new
// (or a copy) and is dropped on any failure, and the rename puts it in
// place only once it is complete. Pages of 16 KiB take a quarter of the
// write calls of 4 KiB (measured: 20 % less CPU for an export) and keep
// the summaries on one page; the page cache stays at SQLite's default
// 2 MiB (8 and 16 MiB took more memory and no less time). The writer makes
// the keys itself (see deleteRows).
var writePragmas = []string{"page_size = 16384", "foreign_keys = 0", "journal_mode = off", "synchronous = off"}

func (w *Writer) open(appending bool) error {
	uri, err := fileURI(w.file)
	if err != nil {
		return err
	}
	w.created = w.opt.Now.UTC().Format(time.RFC3339)
	if appending {
		if err := w.readMeta(uri); err != nil {
			return err
		}
	}
	w.c, err = openConn(uri, writePragmas)
	if err != nil {
		return fmt.Errorf("%s: %w", w.name, err)
	}
	if err := w.c.exec("BEGIN"); err != nil {
		return fmt.Errorf("%s: %w", w.name, err)
	}
	if !appending {
		if err := w.createSchema(); err != nil {
			return err
		}
	}
	return w.prepare()
}

// readMeta checks that the existing file is an asectl database of this
// schema version and reads its creation time and inputs.
func (w *Writer) readMeta(uri string) error {
	db, err := sql.Open("sqlite", uri)
	if err != nil {
		return err
	}
	defer db.Close()
	rows, err := db.Query(`SELECT "key", value FROM meta`)
	if err != nil {
		return fmt.Errorf("%s: not a database asectl export wrote: %v", w.name, err)
	}
	defer rows.Close()
	meta := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return fmt.Errorf("%s: %w", w.name, err)
		}
		meta[k] = v
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("%s: %w", w.name, err)
	}
	if v := meta["schema_version"]; v != strconv.Itoa(SchemaVersion) {
		return fmt.Errorf("%s: schema version %q, but this asectl writes version %d; export into a new file", w.name, v, SchemaVersion)
	}
	if c := meta["created"]; c != "" {
		w.created = c
	}
	if in := meta["inputs"]; in != "" {
		if err := json.Unmarshal([]byte(in), &w.inputs); err != nil {
			return fmt.Errorf("%s: meta inputs: %w", w.name, err)
		}
	}
	if ex := meta["exports"]; ex != "" {
		if err := json.Unmarshal([]byte(ex), &w.exports); err != nil {
			return fmt.Errorf("%s: meta exports: %w", w.name, err)
		}
	}
	return nil
}

func (w *Writer) createSchema() error {
	for _, s := range createStatements(false) {
		if err := w.c.exec(s); err != nil {
			return fmt.Errorf("schema: %w (in %.60q)", err, s)
		}
	}
	for _, t := range tables {
		if err := w.c.exec(`INSERT INTO schema_tables VALUES (?, ?)`, vText(t.name), vText(t.doc)); err != nil {
			return err
		}
		for _, c := range t.cols {
			if err := w.c.exec(`INSERT INTO schema_columns VALUES (?, ?, ?, ?, ?)`, vText(t.name), vText(c.name), vText(c.typ), vNullable(c.json), vText(c.doc)); err != nil {
				return err
			}
		}
	}
	for _, v := range views {
		if err := w.c.exec(`INSERT INTO schema_tables VALUES (?, ?)`, vText(v.name), vText(v.doc)); err != nil {
			return err
		}
	}
	return nil
}

func (w *Writer) prepare() error {
	placeholders := "?" + strings.Repeat(", ?", len(tableCols("descriptions"))-2)
	stmts := []struct {
		dst **stmt
		sql string
	}{
		{&w.st.del, `DELETE FROM descriptions WHERE source = ? AND coalesce(code, '') = coalesce(?, '') RETURNING id`},
		{&w.st.desc, `INSERT INTO descriptions VALUES (NULL, ` + placeholders + `) ON CONFLICT DO NOTHING`},
		{&w.st.hasList, `SELECT EXISTS (SELECT 1 FROM list_rows WHERE source = ?)`},
		{&w.st.delList, `DELETE FROM list_rows WHERE source = ? RETURNING id`},
		{&w.st.listRow, `INSERT INTO list_rows VALUES (NULL` + strings.Repeat(", ?", len(tableCols("list_rows"))-1) + `)`},
	}
	w.partners = w.newBatch("partners")
	w.areas = w.newBatch("areas")
	w.scores = w.newBatch("sustainability")
	w.indicators = w.newBatch("indicators")
	w.gender = w.newBatch("gender_equality")
	w.sections = w.newBatch("other_sections")
	w.findings = w.newBatch("findings")
	for _, s := range stmts {
		st, err := w.c.prepare(s.sql)
		if err != nil {
			return fmt.Errorf("prepare %.40q: %w", s.sql, err)
		}
		*s.dst = st
	}
	return nil
}

// Counts reports the rows added so far.
func (w *Writer) Counts() Counts { return w.counts }

// Add writes one description and its findings. A description of the same
// source and project code already in the database is replaced. Strings are
// copied: d may be reused once Add returns.
func (w *Writer) Add(d *model.Description, findings []validate.Finding) error {
	if w.done {
		return errors.New("sqlitedb: Add after Commit or Abort")
	}
	w.lastDesc = 0
	if err := w.add(d, findings); err != nil {
		// Nothing of this description may linger for the next one.
		w.resetBatches()
		return fmt.Errorf("%s: %w", d.Source, err)
	}
	return nil
}

// AddFindings adds more findings of the description the last Add wrote,
// in the same transaction: an input with more findings than can be held
// at once (validate.CheckStream) gives them chunk by chunk. The rows are
// the ones Add would have written for all of them at once.
func (w *Writer) AddFindings(findings []validate.Finding) error {
	if w.done {
		return errors.New("sqlitedb: AddFindings after Commit or Abort")
	}
	if w.lastDesc == 0 {
		return errors.New("sqlitedb: AddFindings without a description written by Add")
	}
	if err := w.addFindings(vInt(w.lastDesc), value{}, findings); err != nil {
		w.resetBatches()
		w.lastDesc = 0
		return err
	}
	return nil
}

// addFindings inserts findings of a description (descID) or of a list row
// (rowID), a batch at a time.
func (w *Writer) addFindings(descID, rowID value, findings []validate.Finding) error {
	for i := range findings {
		f := &findings[i]
		w.findings.add(descID, rowID, vText(f.Rule), vText(f.Severity.String()), vText(w.opt.Message(*f)),
			positive(f.Pos.Line), positive(f.Pos.Col), vNullable(f.Field))
	}
	w.counts.Findings += len(findings)
	return w.findings.flush()
}

func (w *Writer) add(d *model.Description, findings []validate.Finding) error {
	p, a := &d.Project, &d.Applicant
	failed := d.Error.Valid
	lang, fund := vText(string(d.Language)), text(d.Fund)
	if failed {
		lang = value{}
	}
	args := w.descArgs[:0]
	args = append(args,
		vText(d.Source), text(d.Error), lang, fund,
		text(p.Code), text(p.Name),
		text(p.PriorityAxis.Number), text(p.PriorityAxis.Name),
		text(p.SpecificObjective.Number), text(p.SpecificObjective.Name),
		date(p.Period.Start), date(p.Period.End),
		text(p.Status), text(p.State), text(p.Authority),
		text(a.Name), text(a.OrganisationType), text(a.BusinessID),
		text(a.Address.Street), text(a.Address.PostalCode), text(a.Address.City),
		text(a.Phone), text(a.Website),
		text(a.Contact.Name), text(a.Contact.Title), text(a.Contact.Email), text(a.Contact.Phone),
		text(a.Applicants),
		text(d.Summary), text(d.TargetGroups.Primary), text(d.TargetGroups.Indirect),
		cents(d.Funding.EUStateGranted), cents(d.Funding.EUStateRealised),
		cents(d.Funding.PublicPlanned), cents(d.Funding.PublicRealised),
		text(d.Area.Site.Street), text(d.Area.Site.PostalCode), text(d.Area.Site.City),
		text(d.FinalReport),
	)
	args = appendFieldArgs(args, d) // values the field table gained since (fields.go)
	w.descArgs = args
	defer clear(args)
	// A description of the same source and code is rare: the insert tries
	// first, and only when it meets one is that deleted (with its rows)
	// and the insert made again.
	n, err := w.st.desc.exec(args)
	if err != nil {
		return err
	}
	if n == 0 {
		if err := w.ensureIndexes(); err != nil {
			return err
		}
		w.ids, err = w.st.del.ints(w.ids[:0], []value{vText(d.Source), text(p.Code)})
		if err != nil {
			return err
		}
		if len(w.ids) != 1 {
			return fmt.Errorf("sqlitedb: %d descriptions of the same source and code", len(w.ids))
		}
		nf, err := w.deleteRows("description_id", w.ids[0])
		if err != nil {
			return err
		}
		w.counts.Replaced++
		w.uncount(w.ids[0], w.firstDesc, &w.counts.Descriptions, nf)
		if n, err = w.st.desc.exec(args); err != nil {
			return err
		}
		if n != 1 {
			return errors.New("sqlitedb: the description was not inserted again")
		}
	}
	id := w.c.lastInsertID()
	w.counts.Descriptions++
	if w.firstDesc == 0 {
		w.firstDesc = id
	}

	if !failed {
		w.addLists(id, d)
	}
	for _, b := range w.listBatches() {
		if err := b.flush(); err != nil {
			return err
		}
	}
	// addFindings flushes the findings' batch.
	if err := w.addFindings(vInt(id), value{}, findings); err != nil {
		return err
	}
	w.lastDesc = id
	return nil
}

// listBatches are the batches of a description's list tables.
func (w *Writer) listBatches() []*batch {
	return []*batch{w.partners, w.areas, w.scores, w.indicators, w.gender, w.sections}
}

// batches are every batch: the list tables' and the findings'.
func (w *Writer) batches() []*batch {
	return append(w.listBatches(), w.findings)
}

// resetBatches drops gathered rows after a failure: nothing of one
// description may linger for the next.
func (w *Writer) resetBatches() {
	for _, b := range w.batches() {
		b.reset()
		b.err = nil
	}
}

// BeginList starts the rows of the project list named source: the rows an
// earlier export of the same source wrote (and their findings) are
// deleted, so that exporting a list again replaces it.
func (w *Writer) BeginList(source string) error {
	if w.done {
		return errors.New("sqlitedb: BeginList after Commit or Abort")
	}
	var err error
	w.ids, err = w.st.hasList.ints(w.ids[:0], []value{vText(source)})
	if err == nil && len(w.ids) == 1 && w.ids[0] == 1 {
		if err = w.ensureIndexes(); err == nil {
			err = w.deleteList(source)
		}
	}
	if err != nil {
		return fmt.Errorf("%s: %w", source, err)
	}
	return nil
}

// The file is written with foreign_keys off: checking each list row's
// parent took a tenth of an export's time, and the writer makes the keys
// itself. So the rows of a replaced description or list row are deleted
// here rather than by the schema's ON DELETE CASCADE (which holds for
// whoever opens the file with foreign_keys on).

// deleteRows deletes the rows of the list tables that belong to the
// description or list row id (key: description_id or list_row_id), and
// says how many of them were findings.
func (w *Writer) deleteRows(key string, id int64) (findings int, err error) {
	for _, t := range tables {
		for _, c := range t.cols {
			if c.name == key && t.name != "descriptions" {
				st := w.deletes[[2]string{t.name, key}]
				if st == nil {
					if st, err = w.c.prepare(`DELETE FROM ` + t.name + ` WHERE ` + key + ` = ?`); err != nil {
						return 0, err
					}
					if w.deletes == nil {
						w.deletes = map[[2]string]*stmt{}
					}
					w.deletes[[2]string{t.name, key}] = st
				}
				n, err := st.exec([]value{vInt(id)})
				if err != nil {
					return 0, err
				}
				if t.name == "findings" {
					findings = int(n)
				}
			}
		}
	}
	return findings, nil
}

// deleteList deletes the rows of the list source and their findings.
func (w *Writer) deleteList(source string) error {
	ids, err := w.st.delList.ints(nil, []value{vText(source)})
	if err != nil {
		return err
	}
	for _, id := range ids {
		nf, err := w.deleteRows("list_row_id", id)
		if err != nil {
			return err
		}
		w.uncount(id, w.firstListRow, &w.counts.ListRows, nf)
	}
	return nil
}

// uncount takes a deleted row (id) and its findings (nf) out of the counts
// when this Writer wrote it (ids from first on: a new row's id is one more
// than the largest in the table, so every row written before the first
// has a smaller one): the counts are of the rows the export leaves, and
// an input that replaced one of the same export was counted once.
func (w *Writer) uncount(id, first int64, rows *int, nf int) {
	if first != 0 && id >= first {
		*rows--
		w.counts.Findings -= nf
	}
}

// ensureIndexes builds the indexes an export leaves to its end: they are
// needed before rows are replaced (deleteRows deletes by description_id
// and list_row_id) and by the finished file.
func (w *Writer) ensureIndexes() error {
	if w.indexed {
		return nil
	}
	for _, ix := range laterIndexes() {
		if err := w.c.exec(ix); err != nil {
			return fmt.Errorf("%s: %w", ix, err)
		}
	}
	w.indexed = true
	return nil
}

// AddListRow writes one project-list row and its findings (as
// projectlist.Checker gives them). Strings are copied: r may be reused once
// it returns.
func (w *Writer) AddListRow(r *projectlist.Row, findings []validate.Finding) error {
	if w.done {
		return errors.New("sqlitedb: AddListRow after Commit or Abort")
	}
	w.lastDesc = 0
	if err := w.addListRow(r, findings); err != nil {
		w.resetBatches()
		return fmt.Errorf("%s:%d: %w", r.Source, r.Line, err)
	}
	return nil
}

func (w *Writer) addListRow(r *projectlist.Row, findings []validate.Finding) error {
	var errText, raw, repairs value
	if r.Err != nil {
		errText, raw = vText(w.opt.Text(*r.Err)), vText(r.Raw)
	}
	if len(r.Repairs) > 0 {
		repairs = vText(strings.Join(r.Repairs, ","))
	}
	p, f := &r.Project, &r.Funding
	if _, err := w.st.listRow.exec([]value{vText(r.Source), vInt(int64(r.Line)), vText(string(r.Programme)), errText, raw, text(r.Fund),
		text(p.Code), text(p.Name), text(p.PriorityAxis.Number),
		date(p.Period.Start), date(p.Period.End), text(p.Status), text(p.State), text(p.Authority),
		text(r.Part), text(r.Applicant.Name),
		cents(f.EUStateGranted), cents(f.EUStateRealised), cents(f.PublicPlanned), cents(f.PublicRealised),
		repairs}); err != nil {
		return err
	}
	id := w.c.lastInsertID()
	w.counts.ListRows++
	if w.firstListRow == 0 {
		w.firstListRow = id
	}
	return w.addFindings(value{}, vInt(id), findings)
}

// addLists gathers the list tables' rows of a description that was read.
func (w *Writer) addLists(id int64, d *model.Description) {
	for i, o := range d.Applicant.CoImplementers {
		w.partners.add(vInt(id), vText("co_implementer"), vInt(int64(i+1)), text(o.Name), text(o.BusinessID))
	}
	for i, o := range d.Applicant.TransferRecipients {
		w.partners.add(vInt(id), vText("transfer_recipient"), vInt(int64(i+1)), text(o.Name), text(o.BusinessID))
	}
	w.addAreas(id, d)
	for i, s := range d.Horizontal.Sustainability {
		var ref value
		if s.Ref != 0 {
			ref = vInt(int64(s.Ref))
		}
		w.scores.add(vInt(id), vInt(int64(i+1)), text(s.Group), text(s.Criterion), ref,
			integer(s.Direct), integer(s.Indirect), text(s.Justification))
	}
	for _, in := range []struct {
		key string
		v   *model.Indicator
	}{{"new_jobs", &d.Indicators.NewJobs}, {"new_companies", &d.Indicators.NewCompanies}} {
		w.indicators.add(vInt(id), vText(in.key), value{}, value{}, value{}, number(in.v.Planned.Total), number(in.v.Planned.Women),
			number(in.v.Realised.Total), number(in.v.Realised.Women))
	}
	for i, o := range d.Indicators.Other {
		w.indicators.add(vInt(id), vText("other"), vInt(int64(i+1)), text(o.Number), text(o.Title), number(o.Planned.Total), number(o.Planned.Women),
			number(o.Realised.Total), number(o.Realised.Women))
	}
	for i, o := range d.OtherSections {
		w.sections.add(vInt(id), vInt(int64(i+1)), text(o.Number), text(o.Title), text(o.Text))
	}
	g := &d.Horizontal.GenderEquality
	for _, q := range []struct {
		key string
		a   *model.Answer
	}{{"context_analysis", &g.ContextAnalysis}, {"mainstreamed", &g.Mainstreamed}, {"main_goal", &g.MainGoal}} {
		w.gender.add(vInt(id), vText(q.key), boolean(q.a.Answer), text(q.a.Justification))
	}
}

// addAreas gathers the regions, sub-regions and municipalities with their
// codes in the classification of the project's years.
func (w *Writer) addAreas(id int64, d *model.Description) {
	ys := validate.ProjectYears(d)
	var buf, buf2 [8]string
	var ms [4]programme.Municipality
	for i, t := range d.Area.Regions {
		code := only(w.regions.Region(buf[:0], t.Value, ys))
		w.areas.add(vInt(id), vText("region"), vInt(int64(i+1)), text(t), code, value{}, code)
	}
	for i, t := range d.Area.SubRegions {
		code := only(w.regions.SubRegion(buf[:0], t.Value, ys))
		var region value
		if code.kind == kText {
			region = only(w.regions.RegionOfSubRegion(buf2[:0], code.s, ys))
		}
		w.areas.add(vInt(id), vText("sub_region"), vInt(int64(i+1)), text(t), code, value{}, region)
	}
	for i, t := range d.Area.Municipalities {
		code := only(w.regions.MunicipalityCode(buf[:0], t.Value, ys))
		found := w.regions.Municipality(ms[:0], t.Value, ys)
		subs, regs := buf[:0], buf2[:0]
		for _, m := range found {
			subs = append(subs, m.SubRegion)
			regs = append(regs, m.Region)
		}
		w.areas.add(vInt(id), vText("municipality"), vInt(int64(i+1)), text(t), code, only(subs), only(regs))
	}
}

// batch gathers rows of one table and inserts them with one statement per
// up to maxBatchRows rows, prepared once for each number of rows.
type batch struct {
	c     *conn
	table string
	cols  int // values a row, after its id
	args  []value
	stmts map[int]*stmt
	// err is the first error of an insert add made (see flushRows); flush
	// returns it.
	err error
}

// flushRows is how many rows a batch gathers before add inserts them: a
// row's values take 40 bytes each, and one input's 900,000 unknown
// municipalities and as many findings, gathered whole, took 500 MB.
const flushRows = 1024

// maxBatchRows bounds a statement's rows (and so its parameters, far
// below SQLite's limit of 32,766).
const maxBatchRows = 64

func (w *Writer) newBatch(table string) *batch {
	return &batch{c: w.c, table: table, cols: len(tableCols(table)) - 1, stmts: map[int]*stmt{}}
}

// tableCols returns a table's columns.
func tableCols(table string) []column {
	for _, t := range tables {
		if t.name == table {
			return t.cols
		}
	}
	panic("sqlitedb: no table " + table)
}

func (b *batch) add(values ...value) {
	b.args = append(b.args, values...)
	switch {
	case len(b.args) < flushRows*b.cols:
	case b.err == nil:
		b.err = b.insert()
	default:
		b.reset() // flush reports the error; the rows are lost with it
	}
}

// flush inserts the gathered rows; it returns the first error of an
// insert since the last flush.
func (b *batch) flush() error {
	err := b.insert()
	if b.err != nil {
		err = b.err
	}
	b.err = nil
	return err
}

// insert inserts the gathered rows and drops them.
func (b *batch) insert() error {
	args := b.args
	defer b.reset()
	for len(args) > 0 {
		n := min(len(args)/b.cols, maxBatchRows)
		st, err := b.stmt(n)
		if err != nil {
			return err
		}
		if _, err := st.exec(args[:n*b.cols]); err != nil {
			return fmt.Errorf("%s: %w", b.table, err)
		}
		args = args[n*b.cols:]
	}
	return nil
}

// reset drops the gathered rows.
func (b *batch) reset() {
	clear(b.args)
	b.args = b.args[:0]
}

func (b *batch) stmt(rows int) (*stmt, error) {
	if st, ok := b.stmts[rows]; ok {
		return st, nil
	}
	row := "(NULL" + strings.Repeat(", ?", b.cols) + ")"
	q := "INSERT INTO " + b.table + " VALUES " + row + strings.Repeat(", "+row, rows-1)
	st, err := b.c.prepare(q)
	if err != nil {
		return nil, fmt.Errorf("prepare %s: %w", b.table, err)
	}
	b.stmts[rows] = st
	return st, nil
}

// only returns the one distinct code, or NULL for none or several.
func only(codes []string) value {
	if len(codes) == 0 {
		return value{}
	}
	for _, c := range codes[1:] {
		if c != codes[0] {
			return value{}
		}
	}
	return vText(codes[0])
}

func text(t model.Text) value {
	if !t.Valid {
		return value{}
	}
	return vText(t.Value)
}

func positive(n int) value {
	if n <= 0 {
		return value{}
	}
	return vInt(int64(n))
}

func cents(f model.Field[model.Fixed2]) value {
	if !f.Valid {
		return value{}
	}
	return vInt(int64(f.Value))
}

// number is an exact figure: an integer when whole, else a REAL with at
// most two fraction digits.
func number(f model.Field[model.Fixed2]) value {
	if !f.Valid {
		return value{}
	}
	if f.Value.Whole() {
		return vInt(int64(f.Value / 100))
	}
	v, _ := strconv.ParseFloat(f.Value.String(), 64)
	return vReal(v)
}

func integer(f model.Field[int]) value {
	if !f.Valid {
		return value{}
	}
	return vInt(int64(f.Value))
}

func date(f model.Field[model.Date]) value {
	if !f.Valid {
		return value{}
	}
	return vText(f.Value.String())
}

func boolean(f model.Field[bool]) value {
	if !f.Valid {
		return value{}
	}
	if f.Value {
		return vInt(1)
	}
	return vInt(0)
}

// Commit writes the meta table, ends the transaction and closes the
// database; for Create it also renames the file into place. The Writer is
// finished either way; on an error the file is dropped (for Create; for
// Open, it is the caller's) and the target is left as it was.
func (w *Writer) Commit() error {
	if w.done {
		return errors.New("sqlitedb: Commit after Commit or Abort")
	}
	if err := w.commit(); err != nil {
		w.Abort()
		return err
	}
	w.done = true
	return nil
}

func (w *Writer) commit() error {
	all := append(slices.Clip(w.inputs), w.opt.Inputs...)
	if all == nil {
		all = []string{}
	}
	inputs, err := json.Marshal(all)
	if err != nil {
		return err
	}
	ch := w.opt.Checks
	rules := ch.Rules
	if rules == nil {
		rules = map[string]string{}
	}
	rulesJSON, err := json.Marshal(rules) // keys sorted
	if err != nil {
		return err
	}
	lang := ch.Lang
	if lang == "" {
		lang = "en"
	}
	today := ""
	if ch.Today != (model.Date{}) {
		today = ch.Today.String()
	}
	updated := w.opt.Now.UTC().Format(time.RFC3339)
	this, err := json.Marshal(struct {
		Updated string            `json:"updated"`
		Version string            `json:"asectl_version"`
		Inputs  []string          `json:"inputs"`
		Today   string            `json:"today"`
		Config  string            `json:"config"`
		Rules   map[string]string `json:"rules"`
		Lang    string            `json:"lang"`
	}{updated, w.opt.Version, append([]string{}, w.opt.Inputs...), today, ch.Config, rules, lang})
	if err != nil {
		return err
	}
	exports, err := json.Marshal(append(slices.Clip(w.exports), this))
	if err != nil {
		return err
	}
	for _, kv := range [][2]string{
		{"asectl_version", w.opt.Version},
		{"schema_version", strconv.Itoa(SchemaVersion)},
		{"created", w.created},
		{"updated", updated},
		{"inputs", string(inputs)},
		{"today", today},
		{"config", ch.Config},
		{"rules", string(rulesJSON)},
		{"lang", lang},
		{"exports", string(exports)},
	} {
		if err := w.c.exec(`INSERT OR REPLACE INTO meta VALUES (?, ?)`, vText(kv[0]), vText(kv[1])); err != nil {
			return err
		}
	}
	if err := w.ensureIndexes(); err != nil {
		return err
	}
	if err := w.c.exec("COMMIT"); err != nil {
		return err
	}
	err = w.c.close()
	w.c = nil
	if err != nil || w.target == "" {
		return err
	}
	// Create does not sync the file to disk (asectl's -o, which uses Open,
	// does): the rename is what makes it appear, whole, in place of the
	// old one.
	if err := os.Chmod(w.file, w.mode); err != nil {
		return err
	}
	err = os.Rename(w.file, w.target)
	w.release()
	return err
}

// release lets go of the target's lock, once the copy is in place (or
// dropped).
func (w *Writer) release() {
	if w.unlock != nil {
		w.unlock()
		w.unlock = nil
	}
}

// Abort stops writing; for Create it removes the temporary file, and the
// target is left as it was. It may be called after Commit, when it does
// nothing.
func (w *Writer) Abort() {
	if w.done {
		return
	}
	w.done = true
	w.close()
	if w.target != "" {
		os.Remove(w.file)
	}
	w.release()
}

// close ends the connection; the transaction's rows are dropped.
func (w *Writer) close() {
	if w.c != nil {
		_ = w.c.close()
		w.c = nil
	}
}
