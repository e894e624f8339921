package main

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/asectl/asectl/internal/cli"
)

func sample(t *testing.T) string {
	b, err := os.ReadFile("../../testdata/A72213.txt")
	require.NoError(t, err)
	return string(b)
}

// runBounded runs asectl in-process and fails if it does not answer: a hang
// is a bug whatever the input. (Not a speed test: the bound is generous.)
func runBounded(t *testing.T, dir string, args ...string) (string, string, int) {
	t.Helper()
	type out struct {
		stdout, stderr string
		code           int
	}
	done := make(chan out, 1)
	go func() {
		o, e, c := run(t, dir, args...)
		done <- out{o, e, c}
	}()
	select {
	case r := <-done:
		return r.stdout, r.stderr, r.code
	case <-time.After(30 * time.Second):
		t.Fatalf("asectl %v did not answer", args)
	}
	return "", "", -1
}

var labelLine = regexp.MustCompile(`(?m)^([^:\n]{2,80}):[^\n]*$`)

// TestHostileInput: each case gets a defined exit code and a clear message
// naming the file, from both parse and validate; nothing panics or hangs and
// no control character reaches the output.
func TestHostileInput(t *testing.T) {
	s := sample(t)
	rng := rand.New(rand.NewPCG(1, 2))
	binary := make([]byte, 4096)
	for i := range binary {
		binary[i] = byte(rng.IntN(256))
	}
	var headings strings.Builder
	for _, h := range []string{"1 Hanke", "2 Hakijan perustiedot", "3 Suunnitelman mukainen tiivistelmä toteutuksesta", "5 Projektin julkinen rahoitus, euroa"} {
		headings.WriteString(h + "\n\n")
	}
	var many strings.Builder
	many.WriteString(s[:strings.Index(s, "4 Hankkeen kohderyhmät")])
	for i := 0; i < 200_000; i++ {
		many.WriteString("Xxxx xxxx xx xxxxx.\n")
	}

	// The second copy's header line, where the second description starts.
	twice := s + "\n\n" + s
	header := "Euroopan aluekehitysrahaston (EAKR) rahoittaman hankkeen kuvaus"
	secondHeader := strconv.Itoa(strings.Count(twice[:strings.LastIndex(twice, header)], "\n") + 1)

	cases := []struct {
		name       string
		input      []byte
		parseCode  int
		parseErr   string // a regexp stderr of parse must match
		validCode  int
		validOut   string // a regexp stdout of validate must match
		validRules []string
	}{
		{name: "empty", input: nil, parseCode: 1,
			parseErr:  `^x.txt: error: not an EURA 2014 project description: the file is empty\n$`,
			validCode: 1, validOut: `(?m)^x.txt:1:1: error: not an EURA 2014 project description: the file is empty \[not-a-description\]$`},
		{name: "whitespace", input: []byte("  \n\t\n\r\n   "), parseCode: 1,
			parseErr: `the file holds only white space`, validCode: 1, validOut: `\[not-a-description\]`},
		{name: "binary", input: binary, parseCode: 1,
			parseErr:  `^x.txt: error: not an EURA 2014 project description: the file holds binary data, not text\n$`,
			validCode: 1, validOut: `binary data`},
		{name: "html", input: []byte("<!DOCTYPE html>\n<html><body><td>Hankekoodi: A72213</td></body></html>\n"), parseCode: 1,
			parseErr: `an HTML page whose text holds no known heading, header line or field label`, validCode: 1, validOut: `\[not-a-description\]`},
		{name: "nul bytes", input: []byte(strings.Replace(s, "Lapin maakunnallinen", "Lapin\x00\x00 maakunnallinen", 1)), parseCode: 0,
			parseErr:  `(?m)^x.txt:9:1: warning: control or invisible characters were removed from this line \[control-character\]$`,
			validCode: 0, validRules: []string{"control-character", "indicator-not-applicable"}},
		{name: "escape sequences", input: []byte(strings.Replace(s, "Lapin liitto", "Lapin \x1b[2J\x1b]0;pwned\x07liitto\r", 1)), parseCode: 0,
			parseErr: `control-character`, validCode: 0, validRules: []string{"control-character", "indicator-not-applicable"}},
		{name: "a line of 5 MB", input: []byte(strings.Replace(s, "Klustereissa toimii 150", strings.Repeat("Xxxxx xx ", 600_000)+"150", 1)),
			parseCode: 0, validCode: 0, validRules: []string{"indicator-not-applicable"}},
		{name: "cut in section 2", input: []byte(s[:strings.Index(s, "Postinumero: 96101")+15]), parseCode: 0,
			validCode: 1, validOut: `sections 3–9 are missing: the text ends in section 2 \(is the copy cut short\?\) \[missing-section\]`},
		{name: "cut in section 8.2", input: []byte(s[:strings.Index(s, "Materiaalit ja jätteet 8 8")+10]), parseCode: 0,
			validCode: 1, validRules: []string{"indicator-not-applicable", "missing-section", "score-missing-criterion", "unexpected-text"}},
		{name: "the same description twice", input: []byte(twice), parseCode: 0,
			parseErr:  `(?m)^x.txt:` + secondHeader + `:1: warning: a second description starts here`,
			validCode: 1, validOut: `(?m)^x.txt:` + secondHeader + `:1: error: a second description starts here; .* \[multiple-descriptions\]$`},
		{name: "30-digit numbers and years", input: []byte(strings.NewReplacer(
			"1 551 280", "123456789012345678901234567890",
			"Alkaa 13.2.2016", "Alkaa 13.2.201600000000000000000000000000").Replace(s)), parseCode: 0,
			parseErr:  `cannot read the amount "123456789012345678901234567890": too large \[invalid-number\]`,
			validCode: 1, validRules: []string{"indicator-not-applicable", "invalid-date", "invalid-number"}},
		{name: "every label without a value", input: []byte(labelLine.ReplaceAllString(s, "$1:")), parseCode: 0,
			validCode: 1, validOut: `(?m)^x.txt:7:1: error: the project code \(Hankekoodi\) is empty \[missing-field\]$`},
		{name: "only the headings", input: []byte(headings.String()), parseCode: 0,
			validCode: 1, validOut: `the project code \(Hankekoodi\) is missing from section 1 \[missing-field\]`},
		{name: "200,000 lines", input: []byte(many.String()), parseCode: 0,
			validCode: 1, validOut: `(?m)^x.txt:\d+:\d+: error: sections 4–9 are missing`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			require.NoError(t, os.WriteFile(filepath.Join(dir, "x.txt"), c.input, 0o644))
			stdout, stderr, code := runBounded(t, dir, "parse", "--format", "jsonl", filepath.Join(dir, "x.txt"))
			stderr = strings.ReplaceAll(stderr, dir+"/", "")
			assert.Equal(t, c.parseCode, code, "parse exit code; stderr:\n%.2000s", stderr)
			if c.parseErr != "" {
				assert.Regexp(t, c.parseErr, stderr)
			}
			assert.Equal(t, 1, strings.Count(stdout, "\n"), "one JSON line for one input")
			assert.NotContains(t, stdout+stderr, "\x1b")
			assert.NotContains(t, stdout+stderr, "\x00")

			stdout, stderr, code = runBounded(t, dir, "validate", "--today", "2026-11-27", filepath.Join(dir, "x.txt"))
			stdout = strings.ReplaceAll(stdout, dir+"/", "")
			assert.Equal(t, c.validCode, code, "validate exit code; stdout:\n%.2000s", stdout)
			if c.validOut != "" {
				assert.Regexp(t, c.validOut, stdout)
			}
			if c.validRules != nil {
				rules := map[string]bool{}
				for _, m := range regexp.MustCompile(`(?m)\[([a-z-]+)\]$`).FindAllStringSubmatch(stdout, -1) {
					rules[m[1]] = true
				}
				var got []string
				for r := range rules {
					got = append(got, r)
				}
				assert.ElementsMatch(t, c.validRules, got, "rules found:\n%.2000s", stdout)
			}
			assert.NotContains(t, stdout+stderr, "\x1b")
			assert.Empty(t, stderr)
		})
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("broken pipe") }

// TestWriteErrorFails: a write error on stdout (a closed pipe) ends the run
// with a non-zero exit code and says so.
func TestWriteErrorFails(t *testing.T) {
	for _, args := range [][]string{
		{"parse", "../../testdata/A72213.txt"},
		{"validate", "--format", "json", "../../testdata/A72213.txt"},
		{"fmt", "../../testdata/A72213.txt"},
	} {
		var errOut bytes.Buffer
		ios := &cli.IOStreams{In: &bytes.Buffer{}, Out: failingWriter{}, ErrOut: &errOut,
			Getenv: func(string) string { return "" }, Getwd: os.Getwd}
		code := cli.Run(args, ios)
		assert.Equal(t, 2, code, "%v", args)
		assert.Contains(t, errOut.String(), "asectl: cannot write the output: broken pipe", "%v", args)
	}
}

// TestOutputFileIsAtomic: when -o cannot be put in place (a directory is
// refused before any work), nothing is left
// behind, not even the temporary file.
func TestOutputFileIsAtomic(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "out.json")
	require.NoError(t, os.Mkdir(target, 0o755)) // rename onto a directory fails
	_, stderr, code := run(t, dir, "parse", "-o", target, "../../testdata/A72213.txt")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "is a directory, not a file")
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	require.Len(t, entries, 1, "only the directory that was in the way")
}
