package config

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/asectl/asectl/validate"
)

func TestParse(t *testing.T) {
	c, err := Parse([]byte("fail-on: warning\ntoday: 2026-01-01\nrules:\n  phone: off\n  email: error\n  url:\n    severity: info\n"))
	require.NoError(t, err)
	assert.Equal(t, "warning", c.FailOn)
	assert.Equal(t, "2026-01-01", c.Today.String())
	assert.Equal(t, map[string]string{"phone": "off", "email": "error", "url": "info"}, c.Rules)

	var v validate.Config
	c.Apply(&v)
	assert.True(t, v.Off["phone"])
	assert.Equal(t, validate.Error, v.Severity["email"])
	assert.Equal(t, validate.Info, v.Severity["url"])
	assert.Equal(t, "2026-01-01", v.Today.String())
}

func TestParseErrors(t *testing.T) {
	for doc, want := range map[string]string{
		"fail_on: warning\n":                 `line 1: unknown key "fail_on" (valid: fail-on, today, encoding, max-size, lang, rules)`,
		"fail-on: sometimes\n":               `fail-on (line 1): "sometimes" is not one of error, warning, info, never`,
		"today: 1.1.2026\n":                  `today (line 1): "1.1.2026" is not a date in the form YYYY-MM-DD`,
		"today: 2026-02-30\n":                `today (line 1): "2026-02-30": February 2026 has 28 days`,
		"max-size: lots\n":                   `max-size (line 1): "lots" is not a size`,
		"encoding: ebcdic\n":                 `encoding (line 1): "ebcdic" is not one of auto, utf-8`,
		"lang: sv\n":                         `lang (line 1): "sv" is not one of en, fi`,
		"fail-on: [a]\n":                     `fail-on (line 1): expected a value, not a list`,
		"fail-on: info\nfail-on: error\n":    `fail-on (line 2): given twice`,
		"- a\n":                              `line 1: expected keys`,
		"rules:\n  phnoe: off\n  emial: x\n": `unknown rule IDs under rules: emial (line 3), phnoe (line 2)`,
		"rules:\n  phone: loud\n":            `rules.phone (line 2): "loud" is not off, error, warning or info`,
		"rules:\n  phone:\n    level: x\n":   `rules.phone (line 3): unknown key "level" (only severity)`,
		"rules: [1, 2]\n":                    `rules (line 1): expected rule IDs with off, error, warning or info, not a list`,
		"{":                                  `did not find expected node content`,
	} {
		_, err := Parse([]byte(doc))
		if assert.Error(t, err, doc) {
			assert.Contains(t, err.Error(), want, doc)
		}
	}
}

// TestParseAll: every key, case-insensitive where the value is a word.
func TestParseAll(t *testing.T) {
	c, err := Parse([]byte("fail-on: INFO\ntoday: 2026-02-28\nencoding: UTF-8\nmax-size: 16MiB\nlang: FI\nrules:\n  phone: Warning\n"))
	require.NoError(t, err)
	assert.Equal(t, "info", c.FailOn)
	assert.Equal(t, "utf-8", c.Encoding)
	assert.Equal(t, int64(16<<20), c.MaxSize)
	assert.Equal(t, "fi", c.Lang)
	assert.Equal(t, "warning", c.Rules["phone"])
	c, err = Parse(nil)
	require.NoError(t, err)
	assert.Empty(t, c.Rules)
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{
		"1": 1, "1024": 1024, "1k": 1024, "1K": 1024, "2kb": 2048, "1KiB": 1024,
		"16MiB": 16 << 20, "16M": 16 << 20, "1.5m": 3 << 19, "1 G": 1 << 30, " 7 ": 7,
	} {
		got, err := ParseSize(in)
		if assert.NoError(t, err, in) {
			assert.Equal(t, want, got, in)
		}
	}
	for _, in := range []string{"", "k", "0", "-1", "1x", "1.2.3", "1e9", "0.1", "99999999999G"} {
		_, err := ParseSize(in)
		assert.Error(t, err, in)
	}
}

func TestParseDate(t *testing.T) {
	d, err := ParseDate("2024-02-29")
	require.NoError(t, err)
	assert.Equal(t, "2024-02-29", d.String())
	for in, want := range map[string]string{
		"2026-02-30": `"2026-02-30": February 2026 has 28 days`,
		"2026-04-31": `"2026-04-31": April 2026 has 30 days`,
		"2026-13-01": `"2026-13-01": there is no month 13`,
		"2026-00-10": `there is no month 0`,
		"2026-01-00": `January 2026 has 31 days`,
		"27.11.2026": `"27.11.2026" is not a date in the form YYYY-MM-DD`,
		"2026-1-1":   `is not a date in the form YYYY-MM-DD`,
	} {
		_, err := ParseDate(in)
		if assert.Error(t, err, in) {
			assert.Contains(t, err.Error(), want, in)
		}
	}
}

func TestParseWords(t *testing.T) {
	n, err := ParseFailOn("Never")
	require.NoError(t, err)
	assert.Equal(t, -1, n)
	n, err = ParseFailOn("info")
	require.NoError(t, err)
	assert.Equal(t, int(validate.Info), n)
	_, err = ParseFailOn("sometimes")
	assert.EqualError(t, err, `"sometimes" is not one of error, warning, info, never`)
	e, err := ParseEncoding("Windows-1252")
	require.NoError(t, err)
	assert.Equal(t, "windows-1252", e)
	l, err := ParseLanguage("EN")
	require.NoError(t, err)
	assert.Equal(t, "en", l)
	s, err := ParseSeverity("WARNING")
	require.NoError(t, err)
	assert.Equal(t, validate.Warning, s)
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("fail-on: warning\ntoday: 2026-01-01\nmax-size: 1k\nrules:\n  phone: off\n  url:\n    severity: info\n"))
	f.Add([]byte("{"))
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := Parse(b)
		if err == nil && c == nil {
			t.Fatal("nil config without an error")
		}
	})
}

func FuzzParseSize(f *testing.F) {
	for _, s := range []string{"1k", "16MiB", "1.5m", "0", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseSize(s)
		if err == nil && n < 1 {
			t.Fatalf("%q: %d", s, n)
		}
	})
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	c, err := Load("", dir)
	require.NoError(t, err)
	assert.Empty(t, c.Rules, "no file is no config")

	_, err = Load(filepath.Join(dir, "missing.yaml"), "")
	require.Error(t, err, "an explicit --config must exist")
	assert.Equal(t, filepath.Join(dir, "missing.yaml")+": no such file or directory", err.Error())

	require.NoError(t, os.WriteFile(filepath.Join(dir, FileName), []byte("rules:\n  nope: off\n"), 0o644))
	_, err = Load("", dir)
	require.Error(t, err)
	assert.Contains(t, err.Error(), ".asectl.yaml: unknown rule IDs under rules: nope")

	// A wrong --config is not read whole (it took seconds and hundreds of
	// MiB for a 100 MB file), and a directory is refused.
	big := filepath.Join(dir, "big.yaml")
	require.NoError(t, os.WriteFile(big, bytes.Repeat([]byte("# x\n"), maxSize/4+1), 0o644))
	_, err = Load(big, "")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "big.yaml: larger than 1024 KiB")
	require.NoError(t, os.WriteFile(big, bytes.Repeat([]byte("# x\n"), maxSize/4), 0o644))
	_, err = Load(big, "")
	assert.NoError(t, err, "exactly at the limit")
	_, err = Load(dir, "")
	require.Error(t, err)
	assert.True(t, strings.HasPrefix(err.Error(), dir+": "), "%v", err)
}
