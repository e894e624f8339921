package report

import (
	"encoding/json"
	"io"
)

// JSONVersion is the version of the findings document.
const JSONVersion = 1

// jsonWriter streams {"version", "files": [...], "summary"}: one file at a
// time, so memory stays flat on large batches.
type jsonWriter struct {
	w     io.Writer
	o     Options
	n     int
	err   error
	begun bool
}

func newJSON(w io.Writer, o Options) Writer { return &jsonWriter{w: w, o: o} }

// JSONFinding is one finding in the JSON document.
type JSONFinding struct {
	Rule     string  `json:"rule"`
	Severity string  `json:"severity"`
	Message  string  `json:"message"`
	Line     int     `json:"line"`
	Column   int     `json:"column"`
	Field    *string `json:"field"` // null when the finding is about the whole file
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
}

// ToJSON converts a file's outcome to its JSON form.
func ToJSON(f File, o Options) JSONFile {
	jf := JSONFile{Source: f.Source, Findings: []JSONFinding{}}
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

func (j *jsonWriter) File(f File) error {
	j.begin()
	b, err := json.MarshalIndent(ToJSON(f, j.o), "    ", "  ")
	if err != nil {
		return err
	}
	if j.n > 0 {
		j.write(",")
	}
	j.write("\n    ")
	j.write(string(b))
	j.n++
	return j.err
}

func (j *jsonWriter) Finish(s Summary) error {
	j.begin()
	if j.n > 0 {
		j.write("\n  ")
	}
	b, _ := json.Marshal(JSONSummary{Files: s.Files, Errors: s.Errors, Warnings: s.Warnings, Infos: s.Infos})
	j.write("],\n  \"summary\": ")
	j.write(string(b))
	j.write("\n}\n")
	return j.err
}
