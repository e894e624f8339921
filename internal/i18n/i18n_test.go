package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	asparser "github.com/asectl/asectl/parser"
)

// sourceFormats finds the message formats in the code: the string literal
// given to Report, Msg and compare.
func sourceFormats(t *testing.T) []string {
	fset := token.NewFileSet()
	var out []string
	for _, dir := range []string{"../../parser", "../../validate"} {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		require.NoError(t, err)
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			af, err := parser.ParseFile(fset, f, nil, 0)
			require.NoError(t, err)
			ast.Inspect(af, func(n ast.Node) bool {
				c, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				name := ""
				switch fn := c.Fun.(type) {
				case *ast.SelectorExpr:
					name = fn.Sel.Name
				case *ast.Ident:
					name = fn.Name
				}
				idx, ok := map[string]int{"Report": 2, "Msg": 0, "compare": 4}[name]
				if !ok || idx >= len(c.Args) {
					return true
				}
				if lit, ok := c.Args[idx].(*ast.BasicLit); ok && lit.Kind == token.STRING {
					s, err := strconv.Unquote(lit.Value)
					require.NoError(t, err)
					out = append(out, s)
				}
				return true
			})
		}
	}
	require.Greater(t, len(out), 50, "the scan found the messages")
	return out
}

func TestEveryMessageHasAFinnishForm(t *testing.T) {
	for _, f := range sourceFormats(t) {
		_, ok := finnish[f]
		assert.True(t, ok, "no Finnish translation for %q", f)
	}
}

var verbRe = regexp.MustCompile(`%[-+# 0]*[0-9]*(\.[0-9]+)?[a-zA-Z%]`)

func TestTranslationsKeepTheVerbs(t *testing.T) {
	for en, fi := range finnish {
		assert.Equal(t, verbRe.FindAllString(en, -1), verbRe.FindAllString(fi, -1), "%q → %q", en, fi)
	}
}

func TestLocalize(t *testing.T) {
	fi := New("fi")
	en := New("en")
	m := asparser.Msg("cannot read the amount %q: %s", "1 5S1 280", "unexpected character")
	assert.Equal(t, `cannot read the amount "1 5S1 280": unexpected character`, en.Message(m))
	assert.Equal(t, `summaa "1 5S1 280" ei voi lukea: odottamaton merkki`, fi.Message(m))
	nested := asparser.Msg("not an EURA 2014 project description: %s", "the file is empty")
	assert.Equal(t, "ei ole EURA 2014 -hankekuvaus: tiedosto on tyhjä", fi.Message(nested))
	assert.Equal(t, "1 file, 0 errors, 2 warnings", en.Summary(1, 0, 2))
	assert.Equal(t, "1 tiedosto, 0 virhettä, 2 varoitusta", fi.Summary(1, 0, 2))
	assert.Equal(t, "3 files, 1 error, 1 warning", en.Summary(3, 1, 1))
}

func TestFromEnv(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	assert.Equal(t, "fi", FromEnv(env(map[string]string{"LANG": "fi_FI.UTF-8"})))
	assert.Equal(t, "en", FromEnv(env(map[string]string{"LANG": "fi_FI.UTF-8", "LC_ALL": "C"})))
	assert.Equal(t, "fi", FromEnv(env(map[string]string{"LC_MESSAGES": "fi", "LANG": "en_US"})))
	assert.Equal(t, "en", FromEnv(env(nil)))
}

// TestParserReasonsAreTranslated: the reasons the value readers give reach
// the Finnish messages translated (regression: they were error values, not
// strings, and slipped past the term table).
func TestParserReasonsAreTranslated(t *testing.T) {
	res, err := asparser.Parse("x", []byte("5 Projektin julkinen rahoitus, euroa\nMyönnetty EU- ja valtion rahoitus: 1 5S1 280\n1 Hanke\n"), asparser.Options{})
	require.NoError(t, err)
	require.NotEmpty(t, res.Problems)
	assert.Equal(t, `summaa "1 5S1 280" ei voi lukea: odottamaton merkki`, New("fi").Message(res.Problems[0].Msg))
	res, err = asparser.Parse("x", []byte("1 Hanke\nSuunnitelman mukainen toteutusaika: Alkaa 31.2.2016 ja päättyy 1.1.2017\n"), asparser.Options{})
	require.NoError(t, err)
	require.NotEmpty(t, res.Problems)
	assert.Equal(t, `päivämäärää "31.2.2016" ei voi lukea: päivää ei ole kalenterissa`, New("fi").Message(res.Problems[0].Msg))
}
