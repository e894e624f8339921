package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/asectl/asectl/internal/vary"
)

// TestValidateStreamed: an input with more findings than streamChunk is
// written a chunk at a time with the same bytes as when it is held whole,
// in every format and several at once, with --list's mismatches merged in
// and with other files before and after it.
func TestValidateStreamed(t *testing.T) {
	src, err := os.ReadFile("../../testdata/A72213.txt")
	if err != nil {
		t.Fatal(err)
	}
	many := string(vary.WithNames(src, 300))
	list, err := os.ReadFile("../../testdata/projectlist/crosscheck_2014-2020.csv")
	if err != nil {
		t.Fatal(err)
	}
	// Two of the list's values differ from the page: two list-mismatch
	// findings among the others.
	list = []byte(strings.NewReplacer("A72213,EAKR,", "A72213,ESR,", "LAPIN YLIOPISTO,1551280", "LAPIN AMK,1551281").Replace(string(list)))
	dir := t.TempDir()
	for name, data := range map[string][]byte{"a.txt": src, "b.txt": []byte(many), "c.txt": src, "list.csv": list} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o666); err != nil {
			t.Fatal(err)
		}
	}
	run := func(chunk int, args ...string) string {
		defer func(c int) { streamChunk = c }(streamChunk)
		streamChunk = chunk
		var out, errOut bytes.Buffer
		ios := &IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut,
			Getenv: func(string) string { return "" }, Getwd: func() (string, error) { return dir, nil }}
		args = append([]string{"validate", "--today", "2026-11-27", "--list", filepath.Join(dir, "list.csv")}, args...)
		args = append(args, filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt"), filepath.Join(dir, "c.txt"))
		if code := Run(args, ios); code > 1 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut.String())
		}
		return out.String()
	}
	for _, format := range []string{"text", "json", "sarif", "junit", "github", "markdown"} {
		whole := run(100000, "--format", format)
		if !strings.Contains(whole, "list-mismatch") || !strings.Contains(whole, "Eik299") {
			t.Fatalf("%s: the findings are not all there:\n%s", format, whole)
		}
		for _, chunk := range []int{1, 7, 100} {
			if got := run(chunk, "--format", format); got != whole {
				t.Errorf("%s in chunks of %d differs from the whole", format, chunk)
			}
		}
	}
	several := func(chunk int) string {
		out := run(chunk, "--format", "text", "--format", "sarif="+filepath.Join(dir, "x.sarif"), "--format", "junit="+filepath.Join(dir, "x.xml"))
		for _, name := range []string{"x.sarif", "x.xml"} {
			b, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			out += string(b)
		}
		return out
	}
	if whole := several(100000); several(7) != whole {
		t.Error("several outputs in chunks of 7 differ from the whole")
	}
}

// TestReportStreamed: report on an input with more findings than
// streamChunk and than report.MaxShownFindings gives, in both formats and
// as one page or in a portfolio, the bytes it gives with the findings held
// whole, the page listing report.MaxShownFindings and counting every one.
func TestReportStreamed(t *testing.T) {
	src, err := os.ReadFile("../../testdata/A72213.txt")
	if err != nil {
		t.Fatal(err)
	}
	many := string(vary.WithNames(src, 1500))
	dir := t.TempDir()
	for name, data := range map[string][]byte{"a.txt": src, "b.txt": []byte(many)} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o666); err != nil {
			t.Fatal(err)
		}
	}
	run := func(chunk int, args ...string) string {
		defer func(c int) { streamChunk = c }(streamChunk)
		streamChunk = chunk
		var out, errOut bytes.Buffer
		ios := &IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut,
			Getenv: func(string) string { return "" }, Getwd: func() (string, error) { return dir, nil }}
		args = append([]string{"report", "--today", "2026-11-27"}, args...)
		if code := Run(args, ios); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut.String())
		}
		return out.String()
	}
	b, a := filepath.Join(dir, "b.txt"), filepath.Join(dir, "a.txt")
	for _, args := range [][]string{{"--format", "html", b}, {"--format", "md", b}, {"--format", "md", "--lang", "fi", b}, {"--format", "html", a, b}} {
		whole := run(100000, args...)
		want := "1,501 warnings"
		switch {
		case slices.Contains(args, "fi"):
			want = "1\u00a0501 varoitusta"
		case len(args) > 3:
			want = "1,500 findings in 1 file" // area-unknown-name, the most frequent
		}
		if !strings.Contains(whole, want) {
			t.Fatalf("%v: no %q in the page:\n%.3000s", args, want, whole)
		}
		if len(args) == 3 && !strings.Contains(whole, "more findings not shown") && !strings.Contains(whole, "havaintoa lisää ei näy tässä") {
			t.Errorf("%v: the page does not say findings were left out", args)
		}
		for _, chunk := range []int{1, 999, 1000} {
			if got := run(chunk, args...); got != whole {
				t.Errorf("%v in chunks of %d differs from the whole", args, chunk)
			}
		}
	}
}
