package htmltext

import (
	"fmt"
	"html"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

func TestExtract(t *testing.T) {
	cases := []struct {
		name, doc, want string
	}{
		{"paragraphs", "<p>a</p><p>b</p>", "a\n\nb"},
		{"blocks", "<div>a</div><div>b</div>", "a\nb"},
		{"br", "<p>a<br>b<br/>c</br>d</p>", "a\nb\nc\nd"},
		{"white space collapses", "<p>  a \n\t b  </p>", "a b"},
		{"nbsp stays", "<p>1&nbsp;551&#160;280</p>", "1\u00a0551\u00a0280"},
		{"entities", "<p>L&auml;pi &amp; T&#228;&#xE4; &lt;x&gt; &notanentity; &</p>", "Läpi & Tää <x> ¬anentity; &"},
		{"inline elements", "<p>Hanke<b>koodi</b>: <span>A72213</span></p>", "Hankekoodi: A72213"},
		{"table", "<table><tr><th></th><th>Välitön</th><th>Välillinen</th></tr><tr><td>Kulttuuriympäristö</td><td>8</td><td>8</td></tr></table>",
			"\tVälitön\tVälillinen\nKulttuuriympäristö\t8\t8"},
		{"label cells", "<table><tr><th>Y-tunnus</th><td>0292800-5</td></tr><tr><th>Postinumero:</th><td>96101</td></tr><tr><th>Jakeluosoite</th><td></td></tr></table>",
			"Y-tunnus:0292800-5\nPostinumero:\t96101\nJakeluosoite:"},
		{"definition list", "<dl><dt>Hankekoodi</dt><dd>A72213</dd><dt>Postinumero:</dt>\n<dd> 96101 </dd><dt>Jakeluosoite<dd></dl><p>x</p>",
			"Hankekoodi:A72213\nPostinumero:96101\nJakeluosoite:\n\nx"},
		{"dd without its dt", "<dl><dd>a</dd><dd>b</dd></dl>", "a\nb"},
		{"two data cells stay apart", "<table><tr><td>a</td><td>b</td></tr></table>", "a\tb"},
		{"unclosed rows and cells", "<table><tr><td>a<td>b<tr><td>c</table>", "a\tb\nc"},
		{"dropped", "<head><title>T</title><style>p{}</style></head><script>x=1</script><nav>menu</nav><p>a</p><footer>f</footer><noscript>n</noscript>", "a"},
		{"hidden", "<p hidden>x</p><div style='display: none'>y<div>z</div></div><span aria-hidden=true>w</span><p>a</p>", "a"},
		{"chrome by class and id", "<div class='site-menu big'><a>Etusivu</a></div><ul id=main-nav><li>Hankkeet</li></ul>" +
			"<div id=sisalto><p>a</p></div><div class=\"footer_links\">Yhteystiedot</div><div role=contentinfo>c</div><p class=breadcrumb>x &gt; y</p>", "a"},
		{"words inside names are not chrome", "<div class='menuscript canvas'><p id=navigator>a</p><p class=content-nav-x>b</p></div>", "a\n\nb"},
		{"hidden paragraph left open", "<p hidden>x<p>a", "a"},
		{"form without headings", "<p>a</p><form><label>Hae: <input></label><select><option>b</option></select><button>Hae</button></form><p>c</p>", "a\n\nc"},
		{"form that wraps the page", "<form><h2>1 Hanke</h2><p>a</p></form>", "1 Hanke\n\na"},
		{"wayback", "<p>a</p><!-- BEGIN WAYBACK TOOLBAR INSERT --><div><p>x</p></div><!-- END WAYBACK TOOLBAR INSERT --><p>b</p>", "a\n\nb"},
		{"pre", "<pre>a  b\n c</pre><p>d</p>", "a  b\n c\n\nd"},
		{"crlf in pre", "<pre>a\r\nb\rc</pre>", "a\nb\nc"},
		{"heading", "<h2>1 Hanke</h2><p>Hankekoodi: A1</p>", "1 Hanke\n\nHankekoodi: A1"},
		{"no markup", "just text", "just text"},
		{"empty", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, Extract(c.doc).Text)
		})
	}
}

// TestSource: each character of the text maps to its place in the source,
// across lines, entities, tags and line-end styles.
func TestSource(t *testing.T) {
	for _, nl := range []string{"\n", "\r\n", "\r"} {
		doc := strings.ReplaceAll("<html>\n<body>\n  <p>Hanke&shy;koodi:\n    A72213</p>\n<p>T&auml;m&auml; ää</p><table><tr><th>Y-tunnus</th>\n<td>0292800-5</td></tr></table>", "\n", nl)
		x := Extract(doc)
		want := "Hanke\u00adkoodi: A72213\n\nTämä ää\n\nY-tunnus:0292800-5"
		assert.Equal(t, want, x.Text, "line ends %q", nl)
		for _, c := range []struct {
			line, col, srcLine, srcCol int
		}{
			{1, 1, 3, 6},   // H
			{1, 6, 3, 11},  // &shy;
			{1, 7, 3, 16},  // k
			{1, 13, 3, 22}, // the collapsed space: where the white space began
			{1, 14, 4, 5},  // A72213
			{3, 1, 5, 4},   // T
			{3, 2, 5, 5},   // &auml;
			{3, 3, 5, 11},  // m
			{3, 6, 5, 19},  // ä after the space
			{5, 1, 5, 40},  // Y
			{5, 10, 6, 5},  // the value cell
			{4, 1, 5, 40},  // a blank line: where the next character is
		} {
			l, col := x.Source(c.line, c.col)
			assert.Equal(t, [2]int{c.srcLine, c.srcCol}, [2]int{l, col}, "text %d:%d, line ends %q", c.line, c.col, nl)
		}
	}
}

func TestSniff(t *testing.T) {
	for _, s := range []string{"<!DOCTYPE html>", "\ufeff  <html>", "<!-- saved from url=(0042)x -->\n<html>", "<HTML lang=fi>", "<p>", "<div class=x>", "<table>", "\n\n<!doctype HTML PUBLIC>"} {
		assert.True(t, Sniff(s), s)
	}
	for _, s := range []string{"", "Hankekoodi: A72213", "<", "<pre>", "<Hankekoodi>", "text <html>"} {
		assert.False(t, Sniff(s), s)
	}
	assert.True(t, HasMarkup("a <b>c</b>"))
	assert.False(t, HasMarkup("a < b, 3<4"))
}

func TestCharset(t *testing.T) {
	cases := map[string]string{
		`<meta charset="iso-8859-15">`:                                        "iso-8859-15",
		`<META CHARSET=windows-1252>`:                                         "windows-1252",
		`<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">`: "UTF-8",
		`<meta content='text/html;charset="latin1"' http-equiv=content-type>`: "latin1",
		`<meta name="description" content="charset=koi8-r">`:                  "",
		`<p>no meta</p>`: "",
		strings.Repeat("<!-- padding -->", 80) + `<meta charset="iso-8859-2">`: "", // beyond the first 1,024 bytes
	}
	for doc, want := range cases {
		assert.Equal(t, want, Charset([]byte(doc)), doc)
	}
}

// FuzzExtract: any input is read without panic; the text is valid UTF-8
// where the input is, has no "\r", and every position maps into the
// source.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"<!DOCTYPE html><html><body><h2>1 Hanke</h2><p>Hankekoodi: A72213</p></body></html>",
		"<table><tr><th>Y-tunnus</th><td>0292800-5</td></tr><tr><td>a<td>b</table>",
		"<p hidden>x<p>T&auml;m&auml;&#0;&#x110000;&#13;<br>\r\n<pre>a\r\nb</pre>",
		"<form><select><option>x</form><!-- BEGIN WAYBACK TOOLBAR INSERT --><p>y",
		"<script>a</script><style>b</style><svg><svg></svg>c</svg>d<nav><nav></nav>e</nav>f",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		x := Extract(doc)
		if strings.ContainsRune(x.Text, '\r') {
			t.Fatalf("a carriage return in the text: %q", x.Text)
		}
		if utf8.ValidString(doc) && !utf8.ValidString(x.Text) {
			t.Fatalf("invalid UTF-8 from valid input: %q", x.Text)
		}
		srcLines := strings.Count(strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(doc), "\n") + 1
		lines := strings.Split(x.Text, "\n")
		if len(lines) != x.Lines() {
			t.Fatalf("%d lines of text, %d in the map", len(lines), x.Lines())
		}
		for i, l := range lines {
			for c := 1; c <= utf8.RuneCountInString(l); c++ {
				sl, sc := x.Source(i+1, c)
				if sl < 1 || sl > srcLines || sc < 1 {
					t.Fatalf("text %d:%d maps to %d:%d, outside the source (%d lines)", i+1, c, sl, sc, srcLines)
				}
			}
		}
		_ = fmt.Sprint(Sniff(doc), HasMarkup(doc), Charset([]byte(doc)))
	})
}

// TestRefsAgree: the fast paths for references decode as
// html.UnescapeString does.
func TestRefsAgree(t *testing.T) {
	for r := 0; r <= 0x10ffff; r++ {
		for _, ref := range []string{fmt.Sprintf("&#%d;", r), fmt.Sprintf("&#x%X;", r), fmt.Sprintf("&#x%x;", r)} {
			n, got := entity([]byte(ref))
			if n != len(ref) || got != html.UnescapeString(ref) {
				t.Fatalf("%s: %q (%d bytes), html.UnescapeString: %q", ref, got, n, html.UnescapeString(ref))
			}
		}
		if r > 0x3000 {
			r += 97 // a sample of the rest
		}
	}
	for name := range commonRefs {
		ref := "&" + name + ";"
		_, got := entity([]byte(ref))
		assert.Equal(t, html.UnescapeString(ref), got, ref)
	}
}
