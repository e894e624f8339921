// Package projectlist reads the project-list exports of the EURA services:
// one CSV line per funded project of a programme (code, fund, name, priority
// axis number, authority, status, start and end dates, beneficiary and the
// four funding figures of a description's section 5), as the EURA 2014 and
// EURA 2007 services offered them for download.
//
// The exports are broken in ways every analyst meets (see
// testdata/projectlist/SOURCE.md): commas inside names are not quoted, lines
// carry spreadsheet debris (";", ",,;"), some rows are wrapped whole in
// quotes with the inner quotes doubled, a spreadsheet pass left " |" marks
// and moved name parts, and copies come in UTF-8 and Windows-1252. Rows are
// repaired by their column shape, never by guessing: the code and fund open
// a row; the axis number, the status, the two dates and the four amounts
// anchor the rest; the free-text columns take what lies between. A row that
// cannot be split in exactly one way is kept as raw text with the reason
// (rule list-row), never split silently one way of several.
package projectlist

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/asectl/asectl/model"
	"github.com/asectl/asectl/parser"
)

// Programmes, as Row.Programme names them.
const (
	Programme2014 = "2014-2020"
	Programme2007 = "2007-2013"
)

// Kind is the "kind" of a row in JSON output, telling it from a
// description ("description") in mixed output.
const Kind = "list_row"

// Version is the version of a row's JSON object. It changes only when a key
// is renamed or removed or changes meaning.
const Version = 1

// Row is one data row of a project-list export. It uses the description's
// model types and, in JSON, the description's keys where the two mean the
// same thing (project.code, fund, project.name,
// project.priority_axis.number, project.authority, project.status and
// state, project.period, applicant.name, funding.*). Every Field's Pos is
// the row's line and the column (in characters of the decoded line, 1-based)
// where the value starts.
//
// A row that could not be split has Err set and Raw holding the line; of its
// values only those read before the failure (code, fund) may be set.
type Row struct {
	Source string
	// Line is the row's 1-based line in the file (the header is line 1).
	Line int
	// Programme is Programme2014 or Programme2007, from the header line.
	Programme string
	Fund      model.Text // "EAKR" or "ESR" as printed
	// Project uses Code, Name, PriorityAxis.Number (a string, "1"), Period,
	// Status (as printed), State ("running", "ended" or invalid) and
	// Authority; SpecificObjective and PriorityAxis.Name are never set (the
	// list has no such columns).
	Project model.Project
	// Part is the 2007–2013 list's "Ohjelma / osio" column (the regional or
	// national programme part, "Itä-Suomen suuralueosio"); never set for
	// 2014–2020 rows.
	Part      model.Text
	Applicant Applicant
	// Funding holds the four amounts in euros, exact to the cent; a blank
	// cell is Present but not Valid.
	Funding model.Funding
	// Repairs names the repairs made to read the row, in order: "quoted"
	// (the row was wrapped whole in quotes), "name-mark" (" |" in the name
	// turned back into a comma), "moved-name-part" (a part of the name that
	// stood before the authority moved back), "authority-comma" (the comma in
	// "elinkeino-, liikenne- ja ympäristökeskus" restored), "serial-date" (a
	// spreadsheet day number read as a date). Nil when none was needed.
	Repairs []string
	// Problems are values that could not be read although the row split
	// (a date that does not exist); rule IDs as the parser's.
	Problems []parser.Problem
	// Err says why the row could not be split; nil when it was.
	Err *parser.Message
	// ErrCol is the column the problem was found at (1 when unknown).
	ErrCol int
	// Raw is the decoded line, set when Err is.
	Raw string
}

// Applicant is the beneficiary ("Toteuttajan nimi").
type Applicant struct {
	Name model.Text
}

// Layout is one known export layout: its header's columns.
type layout struct {
	programme string
	columns   []string
}

var layouts = []layout{
	{Programme2014, []string{"Koodi", "Rahasto", "Hankkeen nimi", "Tl", "Viranomainen", "Tila", "Aloituspvm", "Päättymispvm", "Toteuttajan nimi",
		"Myönnetty EU- ja valtion rahoitus", "Toteutunut EU- ja valtion rahoitus", "Suunniteltu julkinen rahoitus yhteensä", "Toteutunut julkinen rahoitus yhteensä"}},
	{Programme2007, []string{"Koodi", "Rahasto", "Projektin nimi", "Ohjelma / osio", "Tl", "Viranomainen", "Toiminnan tila", "Aloituspvm", "Päättymispvm", "Toteuttajan nimi",
		"Myönnetty EU- ja valtion rahoitus", "Toteutunut EU- ja valtion rahoitus", "Suunniteltu julkinen rahoitus yhteensä", "Toteutunut julkinen rahoitus yhteensä"}},
}

// ErrNotList means the input does not start with a known project-list
// header. Such an error also matches parser.ErrNotDescription: the input is
// neither.
var ErrNotList = errors.New("not a project-list export")

// CheckHeader decodes src as Scan does and checks its header line, so that
// an input can be classified before its rows are read.
func CheckHeader(src []byte, enc string) (programme string, err error) {
	lr, err := newLineReader(src, enc)
	if err != nil {
		return "", err
	}
	header, _ := lr.next()
	lay, err := readHeader(header)
	if err != nil {
		return "", err
	}
	return lay.programme, nil
}

// IsList reports whether src starts with a project-list header line
// ("Koodi,Rahasto,…"), in any of the encodings asectl reads (a UTF-8 or
// UTF-16 byte order mark aside). It looks at the first bytes only.
func IsList(src []byte) bool {
	const head = "Koodi,Rahasto,"
	src = bytes.TrimPrefix(src, []byte{0xEF, 0xBB, 0xBF})
	if bytes.HasPrefix(src, []byte(head)) {
		return true
	}
	// A copy whose header cells are quoted or spaced: "Koodi", "Rahasto", …
	var b [len(head)]byte
	n := 0
	for _, c := range src[:min(len(src), 64)] {
		if c == '"' || c == ' ' {
			continue
		}
		if n == len(b) {
			break
		}
		b[n] = c
		n++
	}
	if n == len(b) && string(b[:]) == head {
		return true
	}
	if len(src) >= 2 && (src[0] == 0xFF && src[1] == 0xFE || src[0] == 0xFE && src[1] == 0xFF) {
		n := min(len(src), 2+2*len(head))
		text, _, err := parser.Decode(src[:n&^1], "auto")
		return err == nil && strings.HasPrefix(text, head)
	}
	return false
}

// List is what Scan found besides the rows.
type List struct {
	Source    string
	Programme string
	Encoding  string // the encoding the bytes were read as
	Rows      int    // data lines (non-blank lines after the header)
	Failed    int    // rows with Err set
}

// Scan decodes src (enc one of parser.Encodings(); "" or "auto" detects), checks
// its header line and calls fn with each data row in order. The Row passed
// is reused for the next row: copy what is kept. Its strings never share
// memory with src (the decoded text is a string of its own). Blank lines are not rows. Scan stops at fn's first
// error and returns it. It returns ErrNotList (wrapped) when the header is
// not one of the known layouts and parser.ErrEncoding (wrapped) when the
// bytes do not fit a forced encoding.
func Scan(source string, src []byte, enc string, fn func(*Row) error) (*List, error) {
	lr, err := newLineReader(src, enc)
	if err != nil {
		return nil, err
	}
	header, _ := lr.next()
	lay, err := readHeader(header)
	if err != nil {
		return nil, err
	}
	l := &List{Source: source, Programme: lay.programme, Encoding: lr.enc}
	sp := splitter{lay: lay}
	var row Row
	for ln := 2; ; ln++ {
		line, ok := lr.next()
		if !ok {
			break
		}
		if strings.TrimLeft(line, " \t;,") == "" {
			continue
		}
		l.Rows++
		row = Row{Source: source, Line: ln, Programme: lay.programme, Repairs: row.Repairs[:0], Problems: row.Problems[:0]}
		sp.split(&row, line)
		if len(row.Repairs) == 0 {
			row.Repairs = nil
		}
		if row.Err != nil {
			l.Failed++
		}
		if err := fn(&row); err != nil {
			return l, err
		}
	}
	return l, nil
}

// Read returns every row of src; see Scan. The rows are copies, safe to
// keep.
func Read(source string, src []byte, enc string) (*List, []Row, error) {
	var rows []Row
	l, err := Scan(source, src, enc, func(r *Row) error {
		c := *r
		c.Repairs = append([]string(nil), r.Repairs...)
		c.Problems = append([]parser.Problem(nil), r.Problems...)
		if len(c.Repairs) == 0 {
			c.Repairs = nil
		}
		if len(c.Problems) == 0 {
			c.Problems = nil
		}
		rows = append(rows, c)
		return nil
	})
	return l, rows, err
}

// readHeader matches the header line against the known layouts.
func readHeader(h string) (*layout, error) {
	h = strings.TrimRight(h, "\r ;,")
	cols := strings.Split(h, ",")
	if len(cols) < 2 || trimCell(cols[0]) != "Koodi" || trimCell(cols[1]) != "Rahasto" {
		return nil, fmt.Errorf("%w: %w: the first line is not a header starting \"Koodi,Rahasto,\"", parser.ErrNotDescription, ErrNotList)
	}
	for i := range layouts {
		lay := &layouts[i]
		if len(cols) != len(lay.columns) {
			continue
		}
		ok := true
		for j, c := range cols {
			ok = ok && strings.EqualFold(trimCell(c), lay.columns[j])
		}
		if ok {
			return lay, nil
		}
	}
	return nil, fmt.Errorf("%w: %w: the header's columns are not those of a known EURA export (2014–2020: %s)", parser.ErrNotDescription, ErrNotList, strings.Join(layouts[0].columns, ","))
}

func trimCell(s string) string { return strings.Trim(strings.TrimSpace(s), `"`) }

// lineReader yields a list's lines (without their line ends) as strings of
// their own. UTF-8 and Windows-1252, the encodings the exports come in, are
// decoded one line at a time: a row's text that no finding refers to can be
// collected as soon as the row is done, so that memory holds the input and
// what is reported, not a decoded copy of the whole file besides. Anything
// else (a UTF-16 copy, a UTF-8 copy cut inside its last character, another
// forced encoding) is decoded whole by parser.Decode, as every input is.
type lineReader struct {
	enc    string // the encoding's name, as parser.Decode names them
	rest   []byte // per line: what is left to read
	cp1252 bool   // per line: Windows-1252, not UTF-8
	sniff  bool   // per line, guessed Windows-1252: a line that is valid UTF-8 is read as UTF-8
	text   string // whole: what is left to read
	whole  bool
	buf    []byte
}

func newLineReader(src []byte, enc string) (*lineReader, error) {
	auto := enc == "" || strings.EqualFold(enc, "auto")
	noBOM16 := !(len(src) >= 2 && (src[0] == 0xFF && src[1] == 0xFE || src[0] == 0xFE && src[1] == 0xFF))
	switch e := strings.ToLower(enc); {
	case (auto || e == "utf-8" || e == "utf8") && noBOM16 && bytes.IndexByte(src, 0) < 0 && utf8.Valid(src):
		// UTF-8 (no NUL: not UTF-16 without its byte order mark).
		return &lineReader{enc: "utf-8", rest: bytes.TrimPrefix(src, []byte{0xEF, 0xBB, 0xBF})}, nil
	case auto && noBOM16 && !bytes.HasPrefix(src, []byte{0xEF, 0xBB, 0xBF}) && !(len(src) > 4 && utf8.Valid(src[:len(src)-4])),
		e == "windows-1252" || e == "cp1252":
		// Guessed, not forced: a UTF-8 export with rows added by a
		// Windows-1252 program is read line by line in each line's own
		// encoding (Finnish Windows-1252 text is never valid UTF-8: ä, ö
		// are single bytes followed by ASCII).
		return &lineReader{enc: "windows-1252", rest: src, cp1252: true, sniff: auto}, nil
	}
	text, name, err := parser.Decode(src, enc)
	if err != nil {
		return nil, err
	}
	return &lineReader{enc: name, text: strings.TrimPrefix(text, "\ufeff"), whole: true}, nil
}

// next returns the next line without its "\n" or "\r\n"; false at the end.
func (lr *lineReader) next() (string, bool) {
	var line string
	if lr.whole {
		if lr.text == "" {
			return "", false
		}
		line, lr.text, _ = strings.Cut(lr.text, "\n")
		return strings.TrimSuffix(line, "\r"), true
	}
	if len(lr.rest) == 0 {
		return "", false
	}
	b := lr.rest
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		b, lr.rest = b[:i], b[i+1:]
	} else {
		lr.rest = nil
	}
	b = bytes.TrimSuffix(b, []byte{'\r'})
	if !lr.cp1252 || lr.sniff && utf8.Valid(b) {
		return string(b), true
	}
	lr.buf = lr.buf[:0]
	for _, c := range b {
		if c < utf8.RuneSelf {
			lr.buf = append(lr.buf, c)
			continue
		}
		lr.buf = append(lr.buf, cp1252[c]...)
	}
	return string(lr.buf), true
}

// cp1252 is each Windows-1252 byte in UTF-8.
var cp1252 = func() (t [256]string) {
	for i := range t {
		t[i] = string(charmap.Windows1252.DecodeByte(byte(i)))
	}
	return t
}()
