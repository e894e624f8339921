//go:build !js

package parser

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
)

// TestLiteCharsets holds the browser engine's charset table
// (charset_lite.go) to htmlindex, which the command uses: every label gives
// the same name and decodes every byte the same, but for the multi-byte
// charsets, which the table names and refuses; and htmlindex knows no label
// the table lacks (read from its source, when the go command finds it).
func TestLiteCharsets(t *testing.T) {
	var all [256]byte
	for i := range all {
		all[i] = byte(i)
	}
	multi := map[string]bool{"gbk": true, "gb18030": true, "big5": true, "euc-jp": true, "iso-2022-jp": true, "shift_jis": true, "euc-kr": true}
	for label := range liteLabels {
		for _, l := range []string{label, " " + strings.ToUpper(label) + "\t"} {
			want, wantName, err := fullCharset(l)
			require.NoError(t, err, l)
			got, name, err := liteCharset(l)
			if multi[wantName] {
				assert.True(t, errors.Is(err, errCharsetNotRead), "%q: %v", l, err)
				assert.Equal(t, wantName, name, l)
				continue
			}
			require.NoError(t, err, l)
			assert.Equal(t, wantName, name, l)
			for _, src := range [][]byte{all[:], []byte("\xff\xfeA\x00\xe4\x00\x00\xd8"), []byte("Hankkeen nimi: Äö €")} {
				w, werr := want.NewDecoder().Bytes(src)
				g, gerr := got.NewDecoder().Bytes(src)
				assert.Equal(t, werr == nil, gerr == nil, l)
				assert.Equal(t, string(w), string(g), "%q decodes %q", l, src)
			}
		}
	}
	_, _, err := liteCharset("no-such-charset")
	assert.ErrorIs(t, err, errCharsetUnknown)

	dir, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "golang.org/x/text").Output()
	if err != nil {
		t.Skipf("go list: %v: htmlindex's own label list not checked", err)
	}
	src, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(dir)), "encoding", "htmlindex", "tables.go"))
	require.NoError(t, err)
	block := regexp.MustCompile(`(?s)var nameMap = map\[string\]htmlEncoding\{(.*?)\n\}`).FindSubmatch(src)
	require.NotNil(t, block, "htmlindex's nameMap")
	labels := regexp.MustCompile(`"([^"]+)":`).FindAllSubmatch(block[1], -1)
	require.NotEmpty(t, labels)
	for _, m := range labels {
		assert.Contains(t, liteLabels, string(m[1]), "a label htmlindex knows")
	}
	assert.Len(t, liteLabels, len(labels))
}

// TestPageCharsetInBrowser: with the browser engine's table, a page in a
// single-byte charset reads as the command reads it, and one that declares
// Shift_JIS is refused as an encoding error, not misread as Windows-1252.
func TestPageCharsetInBrowser(t *testing.T) {
	defer func(f func(string) (encoding.Encoding, string, error)) { pageCharset = f }(pageCharset)
	// Characters ISO-8859-15 has (Latin-1 but for eight, and the euro sign).
	text := strings.Map(func(r rune) rune {
		if r > 0xff || strings.ContainsRune("¤¦¨´¸¼½¾", r) {
			return '?'
		}
		return r
	}, string(readFile(t, sample)))
	text = strings.Replace(text, "Vastuuviranomainen: Lapin liitto", "Vastuuviranomainen: Lapin liitto €", 1)
	page := renderHTML(styleParagraphs, text, mustParse(t, "x", []byte(text)).Doc)
	latin, err := charmap.ISO8859_15.NewEncoder().Bytes([]byte(strings.Replace(page, `<meta charset="utf-8">`, `<meta charset="ISO-8859-15">`, 1)))
	require.NoError(t, err)
	sjisPage := strings.Replace(strings.Replace(page, `<meta charset="utf-8">`, `<meta charset="Shift_JIS">`, 1), "Lapin liitto", "Lapin liitto 日本", 1)
	sjis, err := encoding.ReplaceUnsupported(japanese.ShiftJIS.NewEncoder()).Bytes([]byte(sjisPage))
	require.NoError(t, err)
	res, err := Parse("x.html", sjis, Options{})
	require.NoError(t, err, "the command reads Shift_JIS")
	assert.Equal(t, "shift_jis", res.Encoding)
	assert.Contains(t, res.Doc.Project.Authority.Value, "日本")

	cli, err := Parse("x.html", latin, Options{})
	require.NoError(t, err)
	pageCharset = liteCharset
	web, err := Parse("x.html", latin, Options{})
	require.NoError(t, err)
	assert.Equal(t, "iso-8859-15", web.Encoding)
	sameJSON(t, cli.Doc, web.Doc)

	_, err = Parse("x.html", sjis, Options{})
	require.ErrorIs(t, err, ErrEncoding)
	assert.Contains(t, err.Error(), "shift_jis, which asectl's browser page does not read")
}
