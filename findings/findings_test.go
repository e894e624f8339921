package findings

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	goldenfile "github.com/asectl/asectl/internal/golden"
	"github.com/asectl/asectl/internal/i18n"
	"github.com/asectl/asectl/model"
	"github.com/asectl/asectl/parser"
	"github.com/asectl/asectl/validate"
)

var update = flag.Bool("update", false, "rewrite golden files")

var today = model.Date{Year: 2026, Month: time.November, Day: 27}

// results: the sample (one warning), a broken copy (errors, with hostile
// characters in values), and an unreadable file.
func results(t *testing.T) []File {
	t.Helper()
	src, err := os.ReadFile("../testdata/A72213.txt")
	require.NoError(t, err)
	broken := strings.NewReplacer(
		"Hankekoodi: A72213", "Hankekoodi: S72213",
		"Y-tunnus: 0292800-5", "Y-tunnus: 0292800-4",
		"Kunnat: Rovaniemi, Tornio, Ranua, Kemi", `Kunnat: Rovaniemi, Tornio, Ranua, Ke<mi>,"x":1%0A, =cmd|'/C calc'!A0`,
	).Replace(string(src))
	var out []File
	for _, in := range []struct {
		name string
		src  []byte
	}{{"testdata/A72213.txt", src}, {"sub dir/broken, copy.txt", []byte(broken)}} {
		res, err := parser.Parse(in.name, in.src, parser.Options{})
		require.NoError(t, err)
		out = append(out, File{Source: in.name, Findings: validate.Check(res, validate.Config{Today: today})})
	}
	out = append(out, File{Source: "missing.txt", Error: "cannot read: no such file or directory"})
	return out
}

func options() Options {
	return Options{Version: "v1.0.0-test", Rules: validate.Rules(), FailOn: int(validate.Error), Cwd: "/work/repo"}
}

func render(t *testing.T, format string, o Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := New(format, &buf, o)
	require.NoError(t, err)
	var sum Summary
	for _, f := range results(t) {
		sum.Add(f)
		require.NoError(t, w.File(f))
	}
	sum.ExitCode = 2
	require.NoError(t, w.Finish(sum))
	return buf.Bytes()
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	goldenfile.Check(t, filepath.Join("../testdata/golden/findings", name), got, *update)
}

func TestGoldenWriters(t *testing.T) {
	for _, f := range Formats() {
		t.Run(f, func(t *testing.T) { golden(t, "findings."+f, render(t, f, options())) })
	}
	o := options()
	o.L = i18n.New("fi")
	golden(t, "findings.fi.text", render(t, "text", o))
	o = options()
	o.Color = true
	golden(t, "findings.color.text", render(t, "text", o))
}

func TestUnknownFormat(t *testing.T) {
	_, err := New("yaml", &bytes.Buffer{}, options())
	require.Error(t, err)
	assert.Contains(t, err.Error(), `unknown format "yaml" (valid: github, json, junit, markdown, sarif, text)`)
}

func TestSARIFIsValid(t *testing.T) {
	b := render(t, "sarif", options())
	log, err := sarif.FromBytes(b)
	require.NoError(t, err)
	// go-sarif validates its own re-encoding, which writes the absent
	// newlineSequences as [] (the schema wants at least one; absent means
	// the default).
	for _, r := range log.Runs {
		if len(r.NewlineSequences) == 0 {
			r.NewlineSequences = []string{"\r\n", "\n"}
		}
	}
	require.NoError(t, log.Validate(), "against the official SARIF 2.1.0 schema")

	var doc struct {
		Runs []struct {
			ColumnKind string `json:"columnKind"`
			Tool       struct {
				Driver struct {
					Name, Version string
					Rules         []struct {
						ID                   string `json:"id"`
						DefaultConfiguration struct {
							Level string `json:"level"`
						} `json:"defaultConfiguration"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Invocations []struct {
				ExitCode int `json:"exitCode"`
			} `json:"invocations"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex int    `json:"ruleIndex"`
				Level     string `json:"level"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine   int `json:"startLine"`
							StartColumn int `json:"startColumn"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	require.NoError(t, json.Unmarshal(b, &doc))
	run := doc.Runs[0]
	assert.Equal(t, "asectl", run.Tool.Driver.Name)
	assert.Equal(t, "v1.0.0-test", run.Tool.Driver.Version)
	assert.Equal(t, "unicodeCodePoints", run.ColumnKind)
	require.Len(t, run.Tool.Driver.Rules, len(validate.Rules()))
	assert.Equal(t, 2, run.Invocations[0].ExitCode)
	require.NotEmpty(t, run.Results)
	first := run.Results[0]
	assert.Equal(t, "indicator-not-applicable", first.RuleID)
	assert.Equal(t, "warning", first.Level)
	assert.Equal(t, "indicator-not-applicable", run.Tool.Driver.Rules[first.RuleIndex].ID)
	loc := first.Locations[0].PhysicalLocation
	assert.Equal(t, "testdata/A72213.txt", loc.ArtifactLocation.URI)
	assert.Equal(t, 108, loc.Region.StartLine)
	assert.Equal(t, 14, loc.Region.StartColumn)
	for _, r := range run.Results {
		if strings.Contains(r.Locations[0].PhysicalLocation.ArtifactLocation.URI, "broken") {
			assert.Equal(t, "sub%20dir/broken,%20copy.txt", r.Locations[0].PhysicalLocation.ArtifactLocation.URI)
		}
	}
}

// junitSuites reads a JUnit document back.
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

func TestJUnitCounts(t *testing.T) {
	var doc junitSuites
	require.NoError(t, xml.Unmarshal(render(t, "junit", options()), &doc))
	require.Len(t, doc.Suites, 3)
	n := len(validate.Rules())
	sample, broken, missing := doc.Suites[0], doc.Suites[1], doc.Suites[2]
	assert.Equal(t, n, sample.Tests)
	assert.Equal(t, 0, sample.Failures, "a warning does not fail at --fail-on error")
	assert.Equal(t, n, broken.Tests)
	assert.Equal(t, 2, broken.Failures, "project-code and business-id")
	assert.Equal(t, 1, missing.Errors)
	assert.Equal(t, 2*n+1, doc.Tests)
	assert.Equal(t, 2, doc.Failures)
	assert.Equal(t, 1, doc.Errors)
	names := map[string]bool{}
	for _, c := range broken.Testcases {
		assert.False(t, names[c.Name], "one case per rule")
		names[c.Name] = true
		assert.NotNil(t, validate.Lookup(c.Name), "case names are rule IDs")
		if c.Name == "business-id" {
			require.NotNil(t, c.Failure)
			assert.Contains(t, c.Failure.Message, "27:11:")
		}
		assert.Equal(t, "sub dir/broken, copy\u2024txt", c.Classname, "no dot for Jenkins to split at")
		assert.Equal(t, "sub dir/broken, copy.txt", c.File)
	}

	// Only the failing cases: the suites without one are left out.
	o := options()
	o.JUnitFailuresOnly = true
	doc = junitSuites{}
	require.NoError(t, xml.Unmarshal(render(t, "junit", o), &doc))
	require.Len(t, doc.Suites, 2, "broken and missing")
	assert.Len(t, doc.Suites[0].Testcases, 2)
	assert.Equal(t, 3, doc.Tests)
	assert.Equal(t, 2, doc.Failures)
	assert.Equal(t, 1, doc.Errors)
}

func TestGitHubEscaping(t *testing.T) {
	assert.Equal(t, "a%25b%0D%0Ac", escapeData("a%b\r\nc"))
	assert.Equal(t, "dir%2Ca%3Ab%25%0A", escapeProperty("dir,a:b%\n"))
	out := string(render(t, "github", options()))
	assert.Contains(t, out, "::warning file=testdata/A72213.txt,line=108,col=14,title=indicator-not-applicable::6 new jobs given")
	assert.Contains(t, out, "::error file=sub dir/broken%2C copy.txt,line=27,col=11,title=business-id::")
	assert.Contains(t, out, "::error file=missing.txt,title=unreadable::cannot read: no such file or directory")
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		assert.True(t, strings.HasPrefix(line, "::"), "every line is a command: %q", line)
	}
}

func TestTextIsSafeOnATerminal(t *testing.T) {
	f := File{Source: "evil\x1b[2J.txt", Findings: []validate.Finding{{
		Rule: "unknown-field", Severity: validate.Warning, Pos: model.Pos{Line: 1, Col: 1},
		Msg: parser.Msg("unknown field %q in section %s", "x\x1b]0;pwned\x07\r", "1"),
	}}}
	var buf bytes.Buffer
	w, _ := New("text", &buf, options())
	require.NoError(t, w.File(f))
	assert.NotContains(t, buf.String(), "\x1b")
	assert.NotContains(t, buf.String(), "\r")
	assert.Contains(t, buf.String(), `evil\u001b[2J.txt:1:1: warning:`)
}

func TestCSV(t *testing.T) {
	src, err := os.ReadFile("../testdata/A72213.txt")
	require.NoError(t, err)
	res, err := parser.Parse("testdata/A72213.txt", src, parser.Options{})
	require.NoError(t, err)
	hostile := model.New("=HYPERLINK(\"x\")")
	hostile.Project.Name.Set("+SUM(1,2), \"quoted\"\nnewline", model.Pos{Line: 1, Col: 1})
	hostile.Applicant.Name.Set("@evil", model.Pos{Line: 1, Col: 1})
	hostile.Applicant.Phone.Set("-1+1", model.Pos{Line: 1, Col: 1})

	for _, excel := range []bool{false, true} {
		var buf bytes.Buffer
		w := NewCSV(&buf, excel)
		require.NoError(t, w.Write(res.Doc))
		require.NoError(t, w.Write(hostile))
		// Issue 19's shapes: other indicators and unknown subsections.
		for _, name := range []string{"testdata/S22213-esf.txt", "testdata/A72213-subsections.txt"} {
			b, err := os.ReadFile("../" + name)
			require.NoError(t, err)
			r, err := parser.Parse(name, b, parser.Options{})
			require.NoError(t, err)
			require.NoError(t, w.Write(r.Doc))
		}
		require.NoError(t, w.Close())
		assert.Contains(t, buf.String(), "7.1 Osallistujien määrä: planned 120 (women 60), realised 98 (women 41); 7.2 Osallistuneiden yritysten määrä: planned 15, realised 12; ")
		// By the column's name, not its place: a field added to the
		// table adds a column at the end.
		rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), "\ufeff"))).ReadAll()
		require.NoError(t, err)
		col := slices.Index(rows[0], "other_sections")
		require.GreaterOrEqual(t, col, 0, "other_sections column")
		assert.Equal(t, "4.3 Muut kohderyhmät; 8.3 Yhdenvertaisuus", rows[len(rows)-1][col])
		name := "parse.csv"
		if excel {
			name = "parse.excel.csv"
			assert.True(t, bytes.HasPrefix(buf.Bytes(), []byte("\ufeff")), "BOM")
			assert.Contains(t, buf.String(), `"'=HYPERLINK(""x"")"`)
			assert.Contains(t, buf.String(), "'@evil")
			assert.Contains(t, buf.String(), "'-1+1")
			assert.Contains(t, buf.String(), `"'+SUM(1,2), ""quoted""`+"\r\nnewline\"")
		} else {
			assert.Contains(t, buf.String(), `"=HYPERLINK(""x"")"`)
		}
		golden(t, name, buf.Bytes())
	}
}

// A file name's control characters lead back to the file in every output:
// written \u001b (as on the terminal), never dropped, turned into a space or
// into U+FFFD.
func TestPathsLeadBackToTheFile(t *testing.T) {
	for _, name := range []string{"evil\x1b[2J.txt", "new\nline.txt"} {
		f := File{Source: name, Findings: []validate.Finding{{
			Rule: "unknown-field", Severity: validate.Error, Pos: model.Pos{Line: 1, Col: 1},
			Msg: parser.Msg("unknown field %q in section %s", "x", "1"),
		}}}
		want := strings.NewReplacer("\x1b", `\u001b`, "\n", `\u000a`).Replace(name)
		for _, format := range []string{"markdown", "junit"} {
			var buf bytes.Buffer
			w, err := New(format, &buf, options())
			require.NoError(t, err)
			require.NoError(t, w.File(f))
			require.NoError(t, w.Finish(Summary{Files: 1, Errors: 1}))
			out := buf.String()
			assert.NotContains(t, out, "\uFFFD", format)
			assert.NotContains(t, out, "\x1b", format)
			switch format {
			case "markdown":
				assert.Contains(t, out, "| "+MarkdownEscape(want)+" |", format)
			case "junit":
				var doc junitSuites
				require.NoError(t, xml.Unmarshal(buf.Bytes(), &doc), format)
				assert.Equal(t, want, doc.Suites[0].Name, format)
			}
		}
	}
}
