package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/asectl/asectl/internal/cli"
	"github.com/asectl/asectl/internal/gen"
)

// run runs asectl in-process and returns stdout, stderr and the exit code.
func run(t *testing.T, dir string, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	ios := &cli.IOStreams{
		In: &bytes.Buffer{}, Out: &out, ErrOut: &errOut,
		Getenv: func(string) string { return "" },
		Getwd:  func() (string, error) { return dir, nil },
	}
	code := cli.Run(args, ios)
	return out.String(), errOut.String(), code
}

// TestJobsDoNotChangeOutput: --jobs 1 and --jobs 8 give byte-identical
// output on a batch of 200 generated files, in every format.
func TestJobsDoNotChangeOutput(t *testing.T) {
	tmpl, err := os.ReadFile("../../testdata/A72213.txt")
	require.NoError(t, err)
	dir := t.TempDir()
	g := gen.New(tmpl, 42)
	for i := 0; i < 200; i++ {
		sub := filepath.Join(dir, fmt.Sprintf("d%d", i%7))
		require.NoError(t, os.MkdirAll(sub, 0o755))
		b := g.Description(i)
		if i%10 == 3 {
			// Findings that quote the input: a batch reuses input buffers, and
			// a message still pointing into one would change under other jobs.
			b = bytes.Replace(b, []byte("Y-tunnus: "), []byte("Y-tunnus: 1"), 1)
			b = bytes.Replace(b, []byte("Hankekoodi: "), []byte("Hankekoodi: X"), 1)
			b = bytes.Replace(b, []byte("\nPostinumero:"), []byte(fmt.Sprintf("\nMuu tieto %d: x\nPostinumero:", i)), 1)
		}
		require.NoError(t, os.WriteFile(filepath.Join(sub, fmt.Sprintf("%03d.txt", i)), b, 0o644))
	}
	for _, args := range [][]string{
		{"validate", "--today", "2026-11-27"},
		{"validate", "--today", "2026-11-27", "--format", "json"},
		{"validate", "--today", "2026-11-27", "--format", "sarif"},
		{"validate", "--today", "2026-11-27", "--format", "junit"},
		{"parse", "--format", "jsonl"},
		{"parse", "--format", "csv"},
		{"parse"},
	} {
		t.Run(fmt.Sprint(args), func(t *testing.T) {
			out1, err1, code1 := run(t, dir, append(append([]string{}, args...), "--jobs", "1", dir)...)
			out8, err8, code8 := run(t, dir, append(append([]string{}, args...), "--jobs", "8", dir)...)
			require.NotEmpty(t, out1)
			assert.Equal(t, code1, code8)
			assert.Equal(t, err1, err8)
			assert.True(t, out1 == out8, "stdout differs between --jobs 1 and --jobs 8")
		})
	}
}
