package report

import (
	"bufio"
	"bytes"
	"fmt"
	"html/template"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The page's writer replaced html/template (html.go says why). The template
// it replaced, testdata/page.html.tmpl, is the reference: on the golden
// inputs, on every test description, and on pages whose every value is
// hostile, the writer writes what html/template wrote, to the byte.

// templatePage is the template's data: the page, with its script typed as
// html/template's trusted JS, as the page struct had it.
type templatePage struct {
	*page
	Script template.JS
}

var pageTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.ParseFiles("testdata/page.html.tmpl"))
})

// byTemplate is the page as html/template wrote it.
func byTemplate(t testing.TB, p *page) string {
	var b bytes.Buffer
	require.NoError(t, pageTemplate().Execute(&b, templatePage{p, template.JS(p.Script)}))
	return b.String()
}

func byWriter(t testing.TB, p *page) string {
	var b bytes.Buffer
	require.NoError(t, writeHTML(&b, p))
	return b.String()
}

func TestSameAsTemplate(t *testing.T) {
	var inputs [][]Item
	inputs = append(inputs, sampleItems(t), portfolioItems(t), oddItems(t), oddAmountItems(t))
	paths, err := filepath.Glob("../testdata/*.txt")
	require.NoError(t, err)
	paths2, err := filepath.Glob("../testdata/real/*.txt")
	require.NoError(t, err)
	var all []Item
	for _, p := range append(paths, paths2...) {
		src, err := os.ReadFile(p)
		require.NoError(t, err)
		it := item(t, p, src)
		inputs = append(inputs, []Item{it})
		all = append(all, it)
	}
	inputs = append(inputs, all, nil, []Item{{Source: "x<y>.txt", Error: `"bad" & <worse>`}})
	for i, items := range inputs {
		for _, lang := range []string{"en", "fi"} {
			p, _ := itemsPage(items, Options{Lang: lang, Today: today, Version: "t+1<"})
			if got, want := byWriter(t, p), byTemplate(t, p); got != want {
				t.Fatalf("input %d (%s): the writer's page differs from the template's at byte %d:\n%s", i, lang, firstDiff(got, want), diffContext(got, want))
			}
		}
	}
}

// TestSameAsTemplateHostile: pages whose every string is hostile or odd
// (markup, quotes, NUL, invalid UTF-8, noncharacters, '+') and whose every
// number is odd (negative, 1e21, NaN), with every optional part there or not.
func TestSameAsTemplateHostile(t *testing.T) {
	for seed := int64(0); seed < 300; seed++ {
		p := randomPage(rand.New(rand.NewSource(seed)), "")
		if got, want := byWriter(t, p), byTemplate(t, p); got != want {
			t.Fatalf("seed %d: the writer's page differs from the template's at byte %d:\n%s", seed, firstDiff(got, want), diffContext(got, want))
		}
	}
}

func FuzzSameAsTemplate(f *testing.F) {
	f.Add(int64(1), `<script>alert("x")</script>`)
	f.Add(int64(2), "\x00\xff+&'\ufdd0")
	f.Fuzz(func(t *testing.T, seed int64, s string) {
		p := randomPage(rand.New(rand.NewSource(seed)), s)
		if got, want := byWriter(t, p), byTemplate(t, p); got != want {
			t.Fatalf("differs at byte %d:\n%s", firstDiff(got, want), diffContext(got, want))
		}
	})
}

var oddStrings = []string{
	"", "plain", `<script>alert("x")</script>`, `'"><svg onload=alert(1)>`, "a&amp;b", "1+1", "\x00",
	"\xff\xfe", "\ufdd0\uffff", "</title><script>", "]]>-->", "\u2028\u202e", "sha256-u7IP+ZV8=", "ä ö å €",
	"javascript:alert(1)", "{{.}}", "\t\r\n", "&#34;",
}

var oddNumbers = []float64{0, 1, -1, 0.1, 137.89999999999998, 1e21, 1e20, 123456789, -1e-7, math.NaN(), math.Inf(1), math.Inf(-1)}

// randomPage fills every field of a page with odd values; s, when given, is
// one of the strings.
func randomPage(r *rand.Rand, s string) *page {
	p := &page{}
	fill(r, reflect.ValueOf(p).Elem(), s, 0)
	return p
}

func fill(r *rand.Rand, v reflect.Value, s string, depth int) {
	switch v.Kind() {
	case reflect.String:
		if s != "" && r.Intn(3) == 0 {
			v.SetString(s)
			return
		}
		v.SetString(oddStrings[r.Intn(len(oddStrings))] + oddStrings[r.Intn(len(oddStrings))])
	case reflect.Float64:
		v.SetFloat(oddNumbers[r.Intn(len(oddNumbers))])
	case reflect.Int:
		v.SetInt(int64(r.Intn(200) - 20))
	case reflect.Bool:
		v.SetBool(r.Intn(2) == 0)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if !v.Type().Field(i).IsExported() {
				continue // not on the page (ProjectRow's counts)
			}
			fill(r, v.Field(i), s, depth)
		}
	case reflect.Pointer:
		// Depth bounds Chart.Compact's chain; a page has a project or a
		// portfolio or, as a value can, both or neither.
		if depth < 2 && r.Intn(4) != 0 {
			v.Set(reflect.New(v.Type().Elem()))
			fill(r, v.Elem(), s, depth+1)
		}
	case reflect.Slice:
		n := r.Intn(4)
		v.Set(reflect.MakeSlice(v.Type(), n, n))
		for i := 0; i < n; i++ {
			fill(r, v.Index(i), s, depth)
		}
	default:
		panic(fmt.Sprintf("fill: %s", v.Type()))
	}
}

func firstDiff(a, b string) int {
	n := min(len(a), len(b))
	for i := 0; i < n; i++ {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

func diffContext(got, want string) string {
	i := firstDiff(got, want)
	from := max(0, i-200)
	return fmt.Sprintf("writer:   %q\ntemplate: %q", got[from:min(len(got), i+200)], want[from:min(len(want), i+200)])
}

// TestEscape: the writer's escaping of a value, by the contexts it is used
// in, against html/template's.
func TestEscape(t *testing.T) {
	tmpl := template.Must(template.New("").Parse(`<p title="{{.}}">{{.}}</p><title>{{.}}</title>`))
	for _, s := range append(oddStrings, "\xc3<", "a\x00b\x00", strings.Repeat("<&>", 3)) {
		var want bytes.Buffer
		require.NoError(t, tmpl.Execute(&want, s))
		var got bytes.Buffer
		w := pageWriter{bufio.NewWriter(&got)}
		w.lit(`<p title="`)
		w.text(s)
		w.lit(`">`)
		w.text(s)
		w.lit("</p><title>")
		w.text(s)
		w.lit("</title>")
		require.NoError(t, w.b.Flush())
		assert.Equal(t, want.String(), got.String(), "%q", s)
	}
}
