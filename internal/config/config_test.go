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
		"fail_on: warning\n":                 `field fail_on not found`,
		"fail-on: sometimes\n":               `fail-on: "sometimes" is not one of error, warning, never`,
		"today: 1.1.2026\n":                  `today: not a date in the form YYYY-MM-DD`,
		"rules:\n  phnoe: off\n  emial: x\n": `unknown rule IDs under rules: emial, phnoe`,
		"rules:\n  phone: loud\n":            `rules.phone (line 2): "loud" is not off, error, warning or info`,
		"rules:\n  phone:\n    level: x\n":   `rules.phone (line 3): unknown key "level" (only severity)`,
		"rules: [1, 2]\n":                    `cannot unmarshal`,
		"{":                                  `did not find expected node content`,
	} {
		_, err := Parse([]byte(doc))
		if assert.Error(t, err, doc) {
			assert.Contains(t, err.Error(), want, doc)
		}
	}
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
