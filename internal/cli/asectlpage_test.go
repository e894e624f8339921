package cli

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestAsectlPage(t *testing.T) {
	for _, tc := range []struct {
		name string
		src  string
		want bool
	}{
		{"report", `<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="generator" content="asectl v1.2.3"></head><body>Hankekoodi: A1</body></html>`, true},
		{"bare version", `<html><head><META NAME=Generator CONTENT=asectl></head>`, true},
		{"byte order mark and space", "\ufeff \n<html><head><meta content=\"asectl devel\" name=\"generator\">", true},
		{"another generator", `<html><head><meta name="generator" content="asectlike 1.0"></head>`, false},
		{"in the body", `<html><head></head><body><meta name="generator" content="asectl 1"></body>`, false},
		{"other meta", `<html><head><meta name="description" content="asectl 1"></head>`, false},
		{"text", "Hankekoodi: A72213\n<meta name=\"generator\" content=\"asectl 1\">", false},
		{"empty", "", false},
		{"after 8 KiB", "<html><head>" + strings.Repeat("<!-- x -->", 900) + `<meta name="generator" content="asectl 1">`, false},
	} {
		assert.Equal(t, tc.want, asectlPage([]byte(tc.src)), tc.name)
	}
	for _, f := range []string{"project.en.html", "portfolio.fi.html"} {
		b, err := os.ReadFile("../../testdata/golden/report/" + f)
		if assert.NoError(t, err) {
			assert.True(t, asectlPage(b), f)
		}
	}
	b, err := os.ReadFile("../../testdata/html/A72213.html")
	if assert.NoError(t, err) {
		assert.False(t, asectlPage(b), "a description's page")
	}
}

// FuzzAsectlPage: any input gives an answer, without a panic.
func FuzzAsectlPage(f *testing.F) {
	f.Add([]byte(`<html><head><meta name="generator" content="asectl 1"></head>`))
	f.Add([]byte("<meta name=generator content=asectl"))
	f.Fuzz(func(t *testing.T, src []byte) {
		asectlPage(src)
	})
}
