package findings

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/asectl/asectl/model"
	"github.com/asectl/asectl/parser"
	"github.com/asectl/asectl/validate"
)

// FuzzWriters: whatever the file names, messages and fields hold, every
// writer produces a well-formed document, and the line formats cannot be
// broken into extra lines.
func FuzzWriters(f *testing.F) {
	f.Add("testdata/A72213.txt", "6 new jobs given", "indicators.new_jobs", "", 108, 14)
	f.Add("a,b:c%0A\n.txt", "x\r\n::error::injected\x1b[2J", "f\"<>&", "cannot read: \x00", 0, -1)
	f.Add("<x>&'\"", "]]><!--", "\u2028", "\xff\xfe", 1, 1)
	f.Fuzz(func(t *testing.T, source, message, field, readErr string, line, col int) {
		files := []File{
			{Source: source, Findings: []validate.Finding{{
				Rule: "unknown-field", Severity: validate.Warning, Pos: model.Pos{Line: line, Col: col},
				Msg: parser.Msg("unknown field %q in section %s", message, "1"), Field: field,
			}, {
				Rule: "business-id", Severity: validate.Error, Pos: model.Pos{Line: 1, Col: 1},
				Msg: parser.Msg("%s", message),
			}}},
			{Source: source + "2", Error: readErr},
		}
		errLines := 0
		if readErr != "" {
			errLines = 1
		}
		for _, format := range Formats() {
			var buf bytes.Buffer
			w, err := New(format, &buf, Options{Version: "v0", Rules: validate.Rules(), FailOn: int(validate.Error), Cwd: "/w"})
			if err != nil {
				t.Fatal(err)
			}
			var sum Summary
			for _, file := range files {
				sum.Add(file)
				if err := w.File(file); err != nil {
					t.Fatalf("%s: %v", format, err)
				}
			}
			if err := w.Finish(sum); err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			out := buf.Bytes()
			switch format {
			case "json", "sarif":
				if !json.Valid(out) {
					t.Fatalf("%s: invalid JSON:\n%s", format, out)
				}
			case "junit":
				dec := xml.NewDecoder(bytes.NewReader(out))
				for {
					if _, err := dec.Token(); err == io.EOF {
						break
					} else if err != nil {
						t.Fatalf("junit: invalid XML: %v\n%s", err, out)
					}
				}
			case "github":
				for _, l := range strings.Split(strings.TrimSuffix(string(out), "\n"), "\n") {
					if !strings.HasPrefix(l, "::") {
						t.Fatalf("github: a line that is not a command: %q", l)
					}
				}
				if n, want := strings.Count(string(out), "\n"), 2+errLines; n != want {
					t.Fatalf("github: %d lines for %d annotations", n, want)
				}
			case "text":
				if strings.ContainsAny(string(out), "\x1b\r\x00") {
					t.Fatalf("text: control characters reach the terminal: %q", out)
				}
				if n, want := strings.Count(string(out), "\n"), 3+errLines; n != want {
					t.Fatalf("text: %d lines, want %d:\n%s", n, want, out)
				}
			}
		}
	})
}

// FuzzCSV: any value survives a CSV round trip (without --excel), and with
// --excel no cell starts with a formula character.
func FuzzCSV(f *testing.F) {
	f.Add("name", "=cmd|' /C calc'!A0")
	f.Add("a,\"b\"\r\nc", "@SUM(1)")
	f.Fuzz(func(t *testing.T, name, phone string) {
		d := model.New("x")
		d.Project.Name.Set(name, model.Pos{})
		d.Applicant.Phone.Set(phone, model.Pos{})
		for _, excel := range []bool{false, true} {
			var buf bytes.Buffer
			w := NewCSV(&buf, excel)
			if err := w.Write(d); err != nil {
				t.Fatal(err)
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			r := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), "\ufeff")))
			rows, err := r.ReadAll()
			if err != nil {
				t.Fatalf("unreadable CSV: %v", err)
			}
			if len(rows) != 2 || len(rows[1]) != len(CSVColumns()) {
				t.Fatalf("%d rows", len(rows))
			}
			got := rows[1][2]
			if excel {
				for _, cell := range rows[1] {
					if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
						t.Fatalf("formula-like cell %q", cell)
					}
				}
				continue
			}
			// encoding/csv reads \r\n inside a quoted field back as \n.
			if want := strings.ReplaceAll(name, "\r\n", "\n"); got != want && !strings.Contains(name, "\r") {
				t.Fatalf("name %q came back as %q", name, got)
			}
		}
	})
}
