package findings

import (
	"encoding/json"
	"io"
	"slices"
	"strconv"

	"github.com/asectl/asectl/model"
)

// JSONVersion is the version of the findings document.
const JSONVersion = 1

// jsonWriter streams {"version", "files": [...], "summary"}: one file at a
// time, so memory stays flat on large batches.
type jsonWriter struct {
	w      io.Writer
	buf    []byte // one file's JSON, reused
	o      Options
	n      int
	err    error
	begun  bool
	part   bool // a file is open: its parts are coming (FilePart)
	inFile int  // findings written in the open file
}

func newJSON(w io.Writer, o Options) PartWriter { return &jsonWriter{w: w, o: o} }

// JSONFinding is one finding in the JSON document.
type JSONFinding struct {
	Rule     string  `json:"rule"`
	Severity string  `json:"severity"`
	Message  string  `json:"message"`
	Line     int     `json:"line"`   // 0 (null in JSON) for a finding of a description read
	Column   int     `json:"column"` // from asectl's parse JSON, located by Field alone
	Field    *string `json:"field"`  // null when the finding is about the whole file
}

// JSONFile is one input in the JSON document.
type JSONFile struct {
	Source   string        `json:"source"`
	Error    *string       `json:"error"`
	Findings []JSONFinding `json:"findings"`
}

// JSONSummary is the totals in the JSON document.
type JSONSummary struct {
	Files    int `json:"files"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos"`
	// Unreadable counts the inputs that could not be read.
	Unreadable int `json:"unreadable"`
	// List is there only with validate --list.
	List *JSONListSummary `json:"list,omitempty"`
}

// JSONListSummary counts the comparison with a project list.
type JSONListSummary struct {
	Rows            int `json:"rows"`
	Unsplit         int `json:"unsplit"`
	PagesMatched    int `json:"pages_matched"`
	PagesWithoutRow int `json:"pages_without_row"`
	RowsWithoutPage int `json:"rows_without_page"`
	Duplicates      int `json:"duplicates"`
}

// ToJSON converts a file's outcome to its JSON form.
func ToJSON(f File, o Options) JSONFile {
	jf := JSONFile{Source: PathText(f.Source), Findings: []JSONFinding{}}
	if f.Error != "" {
		e := f.Error
		jf.Error = &e
	}
	for _, x := range f.Findings {
		jx := JSONFinding{
			Rule: x.Rule, Severity: x.Severity.String(), Message: o.message(x),
			Line: x.Pos.Line, Column: x.Pos.Col,
		}
		if x.Field != "" {
			field := x.Field
			jx.Field = &field
		}
		jf.Findings = append(jf.Findings, jx)
	}
	return jf
}

func (j *jsonWriter) write(s string) {
	if j.err == nil {
		_, j.err = io.WriteString(j.w, s)
	}
}

func (j *jsonWriter) begin() {
	if !j.begun {
		j.begun = true
		j.write("{\n  \"version\": 1,\n  \"files\": [")
	}
}

func (j *jsonWriter) File(f File) error { return j.FilePart(f, true) }

// jsonChunk is how many findings are converted at a time: one input with
// 900,000 findings took a gigabyte as one JSONFile.
const jsonChunk = 4096

func (j *jsonWriter) FilePart(f File, last bool) error {
	if !j.part {
		j.begin()
		if j.n > 0 {
			j.buf = append(j.buf[:0], ",\n    "...)
		} else {
			j.buf = append(j.buf[:0], "\n    "...)
		}
		head := f
		head.Findings = nil
		j.buf = appendFileHead(j.buf, ToJSON(head, j.o))
		j.part, j.inFile = true, 0
	}
	for start := 0; start < len(f.Findings) && j.err == nil; start += jsonChunk {
		part := File{Source: f.Source, Findings: f.Findings[start:min(len(f.Findings), start+jsonChunk)]}
		j.buf = appendFindings(j.buf, ToJSON(part, j.o).Findings, j.inFile > 0)
		j.inFile += len(part.Findings)
		if len(j.buf) >= 64<<10 {
			j.flush()
		}
	}
	if last {
		if j.inFile > 0 {
			j.buf = append(j.buf, "\n      "...)
		}
		j.buf = append(j.buf, "]\n    }"...)
		j.part = false
		j.n++
	}
	// A file is written whole when it is small (one write per file, as
	// before parts), else in pieces of about 64 KiB.
	if last || len(j.buf) >= 64<<10 {
		j.flush()
	}
	return j.err
}

func (j *jsonWriter) flush() {
	if j.err == nil {
		_, j.err = j.w.Write(j.buf)
	}
	j.buf = j.buf[:0]
}

// appendFile writes f as json.MarshalIndent(f, "    ", "  ") does (a test
// holds the two equal), without reflection: a batch writes one per input.
func appendFile(b []byte, f JSONFile) []byte {
	b = appendFileHead(b, f)
	b = appendFindings(b, f.Findings, false)
	if len(f.Findings) > 0 {
		b = append(b, "\n      "...)
	}
	return append(b, "]\n    }"...)
}

// appendFileHead writes a file's object up to the findings' opening [.
func appendFileHead(b []byte, f JSONFile) []byte {
	b = append(b, "{\n      \"source\": "...)
	b = appendString(b, f.Source)
	b = append(b, ",\n      \"error\": "...)
	b = appendNullable(b, f.Error)
	return append(b, ",\n      \"findings\": ["...)
}

// appendFindings writes findings as array elements; more says some were
// written before them.
func appendFindings(b []byte, findings []JSONFinding, more bool) []byte {
	for i, x := range findings {
		if i > 0 || more {
			b = append(b, ',')
		}
		b = append(b, "\n        {\n          \"rule\": "...)
		b = appendString(b, x.Rule)
		b = append(b, ",\n          \"severity\": "...)
		b = appendString(b, x.Severity)
		b = append(b, ",\n          \"message\": "...)
		b = appendString(b, x.Message)
		b = append(b, ",\n          \"line\": "...)
		if x.Line == 0 {
			b = append(b, "null,\n          \"column\": null"...)
		} else {
			b = strconv.AppendInt(b, int64(x.Line), 10)
			b = append(b, ",\n          \"column\": "...)
			b = strconv.AppendInt(b, int64(x.Column), 10)
		}
		b = append(b, ",\n          \"field\": "...)
		b = appendNullable(b, x.Field)
		b = append(b, "\n        }"...)
	}
	return b
}

// appendString quotes s as encoding/json does by default, with <, > and &
// escaped as well (the findings document always had them so).
func appendString(b []byte, s string) []byte {
	start := len(b)
	b = model.AppendJSONString(b, s)
	n := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '<' || c == '>' || c == '&' {
			n++
		}
	}
	if n == 0 {
		return b
	}
	// Escaping never writes these three, so each one in the quoted text
	// is a character of s: it is widened to six bytes in place, from the
	// end, without a copy of the quoted text.
	r := len(b)
	b = slices.Grow(b, 5*n)[:r+5*n]
	w := len(b)
	for r > start {
		r--
		var esc string
		switch c := b[r]; c {
		case '<':
			esc = `\u003c`
		case '>':
			esc = `\u003e`
		case '&':
			esc = `\u0026`
		default:
			w--
			b[w] = c
			continue
		}
		w -= len(esc)
		copy(b[w:], esc)
	}
	return b
}

func appendNullable(b []byte, s *string) []byte {
	if s == nil {
		return append(b, "null"...)
	}
	return appendString(b, *s)
}

func (j *jsonWriter) Finish(s Summary) error {
	j.begin()
	if j.n > 0 {
		j.write("\n  ")
	}
	js := JSONSummary{Files: s.Files, Errors: s.Errors, Warnings: s.Warnings, Infos: s.Infos, Unreadable: s.Unreadable}
	if l := s.List; l != nil {
		js.List = &JSONListSummary{Rows: l.Rows, Unsplit: l.Unsplit, PagesMatched: l.PagesMatched, PagesWithoutRow: l.PagesWithoutRow, RowsWithoutPage: l.RowsWithoutPage, Duplicates: l.Duplicates}
	}
	b, _ := json.Marshal(js)
	j.write("],\n  \"summary\": ")
	j.write(string(b))
	j.write("\n}\n")
	return j.err
}

// MarshalJSON writes line and column as null when the finding has no
// position.
func (x JSONFinding) MarshalJSON() ([]byte, error) {
	type plain JSONFinding
	v := struct {
		plain
		Line   *int    `json:"line"`
		Column *int    `json:"column"`
		Field  *string `json:"field"`
	}{plain: plain(x), Field: x.Field}
	if x.Line != 0 {
		v.Line, v.Column = &x.Line, &x.Column
	}
	return json.Marshal(v)
}
