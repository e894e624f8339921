package web_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/asectl/asectl/internal/cli"
	. "github.com/asectl/asectl/internal/web"
	"github.com/asectl/asectl/internal/web/core"
)

// testInputs are every test description: the samples, the real pages
// (SOURCES.md among them, as an input that is not a description) and the
// HTML pages.
func testInputs(t testing.TB) []Input {
	t.Helper()
	paths, err := filepath.Glob("../../testdata/*.txt")
	if err != nil {
		t.Fatal(err)
	}
	real, err := filepath.Glob("../../testdata/real/*")
	if err != nil {
		t.Fatal(err)
	}
	paths = append(paths, real...)
	// HTML pages, as saved from the service and from the web archive.
	for _, pattern := range []string{"../../testdata/html/*.htm*", "../../testdata/html/*/*.htm*"} {
		html, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, html...)
	}
	if len(paths) < 10 {
		t.Fatalf("only %d test descriptions found", len(paths))
	}
	var ins []Input
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		ins = append(ins, Input{Name: p, Src: b})
	}
	return ins
}

// runCLI runs asectl in-process and returns its standard output.
func runCLI(t testing.TB, args ...string) []byte {
	t.Helper()
	var out, errOut bytes.Buffer
	ios := &cli.IOStreams{In: &bytes.Buffer{}, Out: &out, ErrOut: &errOut, Getenv: func(string) string { return "" }}
	if code := cli.Run(args, ios); code > 1 {
		t.Fatalf("asectl %v: exit %d: %s", args, code, errOut.String())
	}
	return out.Bytes()
}

// TestSameAsCLI holds every output the page offers byte-equal to the CLI's,
// one input at a time (as the JS API gives them) and all at once (as the
// page's downloads do).
func TestSameAsCLI(t *testing.T) {
	ins := testInputs(t)
	const today = "2026-11-27"
	d, err := ParseDate(today)
	if err != nil {
		t.Fatal(err)
	}
	names := func(ins []Input) []string {
		var out []string
		for _, in := range ins {
			out = append(out, in.Name)
		}
		return out
	}
	for _, lang := range []string{"en", "fi"} {
		o := Options{Lang: lang, Today: d, Version: cli.Version()}
		for _, in := range ins {
			one := []Input{in}
			same(t, in.Name+" parse "+lang, ParseJSON(one, o), runCLI(t, "--lang", lang, "parse", in.Name))
			got, err := core.Findings(one, "json", o)
			if err != nil {
				t.Fatal(err)
			}
			same(t, in.Name+" validate json "+lang, got, runCLI(t, "--lang", lang, "validate", "--today", today, "--format", "json", in.Name))
		}
		args := names(ins)
		same(t, "parse all "+lang, ParseJSON(ins, o), runCLI(t, append([]string{"--lang", lang, "parse"}, args...)...))
		got, err := core.CSV(ins, o)
		if err != nil {
			t.Fatal(err)
		}
		same(t, "csv "+lang, got, runCLI(t, append([]string{"--lang", lang, "parse", "--format", "csv"}, args...)...))
		for _, format := range []string{"json", "sarif"} {
			got, err := core.Findings(ins, format, o)
			if err != nil {
				t.Fatal(err)
			}
			same(t, format+" all "+lang, got, runCLI(t, append([]string{"--lang", lang, "validate", "--today", today, "--format", format}, args...)...))
		}
		for _, set := range [][]Input{ins[:1], ins} {
			got, err := core.Report(set, o)
			if err != nil {
				t.Fatal(err)
			}
			same(t, "report "+lang, got, runCLI(t, append([]string{"--lang", lang, "report", "--today", today}, names(set)...)...))
		}
	}
}

func same(t *testing.T, what string, got, want []byte) {
	t.Helper()
	if !bytes.Equal(got, want) {
		i := 0
		for i < len(got) && i < len(want) && got[i] == want[i] {
			i++
		}
		t.Errorf("%s: differs from the CLI at byte %d:\ngot  %q\nwant %q", what, i, clip(got, i), clip(want, i))
	}
}

func clip(b []byte, i int) []byte {
	lo, hi := max(0, i-60), min(len(b), i+60)
	return b[lo:hi]
}

// TestView checks the page's view of the reference description: its one
// warning at 108:14, its text and its parse document.
func TestView(t *testing.T) {
	src, err := os.ReadFile("../../testdata/A72213.txt")
	if err != nil {
		t.Fatal(err)
	}
	d, _ := ParseDate("2026-11-27")
	v := core.ViewOf(Input{Name: "A72213.txt", Src: src}, Options{Lang: "en", Today: d})
	if v.Error != nil || len(v.Findings) != 1 {
		t.Fatalf("error %v, findings %+v", v.Error, v.Findings)
	}
	f := v.Findings[0]
	if f.Rule != "indicator-not-applicable" || f.Line != 108 || f.Column != 14 || f.Severity != "warning" {
		t.Errorf("finding %+v, want indicator-not-applicable warning at 108:14", f)
	}
	if v.Text != string(src) || v.Encoding == "" {
		t.Errorf("text not the input (encoding %q)", v.Encoding)
	}
	var doc struct {
		Project struct{ Code string }
	}
	if err := json.Unmarshal(v.Doc, &doc); err != nil || doc.Project.Code != "A72213" {
		t.Errorf("doc: %v, code %q", err, doc.Project.Code)
	}
	if _, err := json.Marshal(v); err != nil {
		t.Fatal(err)
	}

	// Not a description, and too large: located reasons, no text.
	v = core.ViewOf(Input{Name: "x", Src: []byte("hello\n")}, Options{})
	if len(v.Findings) != 1 || v.Findings[0].Rule != "not-a-description" {
		t.Errorf("not a description: %+v", v.Findings)
	}
	v = core.ViewOf(Input{Name: "big", Src: make([]byte, MaxSize+1)}, Options{})
	if v.Error == nil || v.Text != "" {
		t.Errorf("too large: error %v", v.Error)
	}
}

// TestParseLang: a language the command's --lang refuses is an error for
// asectl.validate too, not English in silence.
func TestParseLang(t *testing.T) {
	for _, c := range []struct {
		in, want string
		bad      bool
	}{
		{"", "en", false}, {"en", "en", false}, {"fi", "fi", false},
		{"sv", "", true}, {"FI", "", true}, {"fi-FI", "", true},
	} {
		got, err := ParseLang(c.in)
		if (err != nil) != c.bad || got != c.want {
			t.Errorf("ParseLang(%q) = %q, %v; want %q, error %v", c.in, got, err, c.want, c.bad)
		}
	}
}
