package parser

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"

	"github.com/asectl/asectl/internal/htmlpage"
	"github.com/asectl/asectl/model"
)

var styles = htmlpage.Styles

const (
	styleParagraphs = htmlpage.Paragraphs
	styleBreaks     = htmlpage.Breaks
	styleTables     = htmlpage.Tables
)

// renderHTML writes text (a description, parsed as doc) as an HTML page.
func renderHTML(style htmlpage.Style, text string, doc *model.Description) string {
	return htmlpage.Render(style, text, htmlpage.Headings(doc.Sections), doc.Language)
}

// sameJSON compares two descriptions' JSON but their sources, naming the
// first line that differs.
func valuesJSON(t *testing.T, d *model.Description) []byte {
	var buf bytes.Buffer
	require.NoError(t, json.Indent(&buf, d.AppendValuesJSON(nil), "", "  "))
	return buf.Bytes()
}

func sameJSON(t *testing.T, want, got *model.Description) {
	t.Helper()
	// The values: where the problems stand (under "parse") differs, and is
	// checked on its own.
	w := strings.Split(string(valuesJSON(t, want)), "\n")
	g := strings.Split(string(valuesJSON(t, got)), "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b && !strings.HasPrefix(strings.TrimSpace(a), "\"source\":") {
			t.Fatalf("JSON line %d differs:\nwant %.300s\ngot  %.300s", i+1, a, b)
		}
	}
}

// descriptionFiles lists every description under testdata.
func descriptionFiles(t *testing.T) []string {
	files, _ := filepath.Glob("../testdata/*.txt")
	real, _ := filepath.Glob("../testdata/real/*.txt")
	files = append(files, real...)
	require.NotEmpty(t, files)
	return files
}

// TestHTMLTwins: every description under testdata, rendered as HTML in each
// style, gives the text's JSON (source aside) and the same problems, and
// every position of the model and of the problems lands on the same text
// in the page as in the text file.
func TestHTMLTwins(t *testing.T) {
	for _, f := range descriptionFiles(t) {
		src := readFile(t, f)
		txt := mustParse(t, "x", src)
		for _, style := range styles {
			t.Run(filepath.Base(f)+"/"+string(style), func(t *testing.T) {
				page := renderHTML(style, string(src), txt.Doc)
				res, err := Parse("x.html", []byte(page), Options{})
				require.NoError(t, err)
				assert.True(t, res.HTML)
				sameJSON(t, txt.Doc, res.Doc)
				require.Equal(t, len(txt.Problems), len(res.Problems), "problems: %v\n%v", txt.Problems, res.Problems)
				for i := range txt.Problems {
					assert.Equal(t, txt.Problems[i].Rule, res.Problems[i].Rule)
					assert.Equal(t, txt.Problems[i].Field, res.Problems[i].Field)
				}
				checkTwinPositions(t, string(src), page, txt, res)
			})
		}
	}
}

// checkTwinPositions holds each position of the page's result to the text
// the text's result has there: the characters from it to the end of the
// line (or the next tag in the page) agree.
func checkTwinPositions(t *testing.T, text, page string, txt, res *Result) {
	t.Helper()
	tp, hp := positions(txt), positions(res)
	require.Equal(t, len(tp), len(hp))
	tl := strings.Split(text, "\n")
	hl := strings.Split(page, "\n")
	checked := 0
	for i := range tp {
		want := textAt(tl, tp[i].pos)
		if want == "" {
			continue // past a line's end, or a blank line
		}
		got := pageAt(hl, hp[i].pos)
		n := min(len([]rune(want)), len([]rune(got)), 12)
		if !assert.True(t, n > 0 && string([]rune(want)[:n]) == string([]rune(got)[:n]),
			"%s: text %v %q, page %v %q", tp[i].path, tp[i].pos, want, hp[i].pos, got) {
			return
		}
		checked++
	}
	assert.Greater(t, checked, 0)
}

type pathPos struct {
	path string
	pos  model.Pos
}

// positions lists a result's positions in a fixed order: the model's, walked
// (map keys sorted), then the problems'.
func positions(r *Result) []pathPos {
	var out []pathPos
	var walk func(path string, v reflect.Value)
	walk = func(path string, v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				walk(path, v.Elem())
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				walk(fmt.Sprintf("%s[%d]", path, i), v.Index(i))
			}
		case reflect.Map:
			keys := v.MapKeys()
			sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
			for _, k := range keys {
				walk(path+"."+k.String(), v.MapIndex(k))
			}
		case reflect.Struct:
			if p, ok := v.Interface().(model.Pos); ok {
				if p.Line > 0 {
					out = append(out, pathPos{path, p})
				}
				return
			}
			for i := 0; i < v.NumField(); i++ {
				if f := v.Type().Field(i); f.IsExported() && f.Name != "End" {
					walk(path+"."+f.Name, v.Field(i))
				}
			}
		}
	}
	walk("doc", reflect.ValueOf(r.Doc))
	for _, p := range r.Problems {
		out = append(out, pathPos{"problem " + p.Rule, p.Pos})
	}
	return out
}

// textAt returns the text file's characters from pos to the end of its
// line, white space collapsed.
func textAt(lines []string, pos model.Pos) string {
	if pos.Line > len(lines) {
		return ""
	}
	r := []rune(lines[pos.Line-1])
	if pos.Col-1 >= len(r) {
		return ""
	}
	return strings.Join(strings.Fields(string(r[pos.Col-1:])), " ")
}

// pageAt returns the page's text from pos to the next tag, entities
// decoded and white space collapsed.
func pageAt(lines []string, pos model.Pos) string {
	if pos.Line > len(lines) {
		return ""
	}
	r := []rune(lines[pos.Line-1])
	if pos.Col-1 >= len(r) {
		return ""
	}
	s := string(r[pos.Col-1:])
	if i := strings.IndexByte(s, '<'); i >= 0 {
		s = s[:i]
	}
	return strings.Join(strings.Fields(html.UnescapeString(s)), " ")
}

// TestHTMLShapes: the pages people hold besides the service's own: a
// browser's "save page as" copy and a web archive's, each with the chrome
// it adds, and a page in another charset.
func TestHTMLShapes(t *testing.T) {
	src := readFile(t, sample)
	txt := mustParse(t, "x", src)
	page := renderHTML(styleParagraphs, string(src), txt.Doc)
	tables := renderHTML(styleTables, string(src), txt.Doc)
	cases := map[string]string{
		"saved page": "<!DOCTYPE html>\n<!-- saved from url=(0066)https://www.eura2014.fi/rrtiepa/projekti.php?projektikoodi=A72213 -->\n" +
			strings.Replace(strings.TrimPrefix(page, "<!DOCTYPE html>\n"), "<head>",
				"<head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\">"+
					"<link rel=\"stylesheet\" href=\"./A72213_files/tyyli.css\"><script src=\"./A72213_files/jquery.js\"></script>", 1),
		"wayback": strings.Replace(strings.Replace(page, "<head>",
			"<head><script src=\"//archive.org/includes/athena.js\" type=\"text/javascript\"></script>\n"+
				"<script type=\"text/javascript\">window.RufflePlayer=window.RufflePlayer||{};</script>\n"+
				"<link rel=\"stylesheet\" type=\"text/css\" href=\"https://web.archive.org/_static/css/banner-styles.css\"/>\n"+
				"<!-- End Wayback Rewrite JS Include -->", 1),
			"<body>\n", "<body>\n<!-- BEGIN WAYBACK TOOLBAR INSERT -->\n<div id=\"wm-ipp-base\" lang=\"en\" style=\"display:block\">\n"+
				"<div id=\"wm-ipp\"><table><tr><td>The Wayback Machine - https://web.archive.org/web/20190612/https://www.eura2014.fi/</td></tr>\n"+
				"<tr><td>1 Hanke</td><td>Hankekoodi: S99999</td></tr><tr><td>JUN</td><td>JUL</td><td>AUG</td></tr></table>\n"+
				"<p>12 captures</p><p>Toimintalinja: 9. X</p></div></div>\n<!-- END WAYBACK TOOLBAR INSERT -->\n", 1) +
			"<!--\n     FILE ARCHIVED ON 10:12:33 Jun 12, 2019 AND RETRIEVED FROM THE\n     INTERNET ARCHIVE ON 08:01:02 Nov 29, 2026.\n-->\n",
		"wayback without its comments": strings.Replace(page, "<body>\n",
			"<body>\n<div id=\"wm-ipp-base\"><div id=\"wm-ipp\"><p>1 Hanke</p><p>Hankekoodi: S99999</p></div></div>\n", 1),
		"upper-case markup":   strings.NewReplacer("<p>", "<P>", "</p>", "</P>", "<h2>", "<H2 CLASS=otsikko>", "</h2>", "</H2>", "<br>", "<BR/>").Replace(page),
		"unclosed paragraphs": strings.ReplaceAll(page, "</p>", ""),
		"crlf":                strings.ReplaceAll(page, "\n", "\r\n"),
		// <td>Hankekoodi</td><td>A72213</td>: a label in a data cell, as
		// a 2016 server page lays it out (it lost every field).
		"labels in data cells": strings.NewReplacer("<th>", "<td class=otsikko>", "</th>", "</td>").Replace(tables),
	}
	for name, p := range cases {
		t.Run(name, func(t *testing.T) {
			res, err := Parse("sivu.htm", []byte(p), Options{})
			require.NoError(t, err)
			sameJSON(t, txt.Doc, res.Doc)
			checkTwinPositions(t, string(src), strings.ReplaceAll(p, "\r\n", "\n"), txt, res)
		})
	}
}

// TestHTMLCharset: the charset comes from the BOM, from <meta charset>, from
// http-equiv, or from --encoding; bytes that are valid UTF-8 are UTF-8.
func TestHTMLCharset(t *testing.T) {
	// The sample in characters every charset here has: Latin-1 and the euro
	// sign, whose byte differs between Windows-1252 (0x80) and ISO-8859-15
	// (0xA4).
	text := strings.Map(func(r rune) rune {
		if r > 0xff {
			return '?'
		}
		return r
	}, string(readFile(t, sample)))
	text = strings.Replace(text, "Vastuuviranomainen: Lapin liitto", "Vastuuviranomainen: Lapin liitto €", 1)
	txt := mustParse(t, "x", []byte(text))
	require.Equal(t, "Lapin liitto €", txt.Doc.Project.Authority.Value)
	page := renderHTML(styleParagraphs, text, txt.Doc)
	encode := func(e encoding.Encoding, s string) []byte {
		b, err := e.NewEncoder().Bytes([]byte(s))
		require.NoError(t, err)
		return b
	}
	declare := func(meta string) string { return strings.Replace(page, "<meta charset=\"utf-8\">", meta, 1) }
	cases := []struct {
		name, enc string
		body      []byte
		wantEnc   string
	}{
		{"utf-8", "", []byte(page), "utf-8"},
		{"utf-8 bom", "", append([]byte("\xef\xbb\xbf"), page...), "utf-8"},
		{"utf-16 bom", "", append([]byte("\xff\xfe"), encode(unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), page)...), "utf-16le"},
		// A page that declares ISO-8859-1 means Windows-1252 (WHATWG).
		{"meta charset", "", encode(charmap.Windows1252, declare("<meta charset=iso-8859-1>")), "windows-1252"},
		{"http-equiv", "", encode(charmap.ISO8859_15, declare("<META HTTP-EQUIV=\"content-type\" CONTENT=\"text/html; charset=ISO-8859-15\">")), "iso-8859-15"},
		{"declared utf-8, is not", "", encode(charmap.Windows1252, page), "windows-1252"},
		{"--encoding", "windows-1252", encode(charmap.Windows1252, declare("<meta charset=iso-8859-15>")), "windows-1252"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := Parse("x.html", c.body, Options{Encoding: c.enc})
			require.NoError(t, err)
			assert.Equal(t, c.wantEnc, res.Encoding)
			sameJSON(t, txt.Doc, res.Doc)
		})
	}
}

// TestHTMLNotDescription: a page that is no description says so, as an
// HTML page; an HTML-looking name with no markup is read as text.
func TestHTMLNotDescription(t *testing.T) {
	for _, page := range []string{
		"<!DOCTYPE html><html><body><h1>404 Not Found</h1></body></html>",
		"<html><body><form><p>Käyttäjätunnus: <input name=u></p><p>Salasana: <input name=p></p></form></body></html>",
		"<html></html>",
	} {
		_, err := Parse("x.html", []byte(page), Options{})
		reason, ok := NotDescriptionReason(err)
		assert.True(t, ok, "%q: %v", page, err)
		assert.Equal(t, reasonHTMLNoLabel, reason)
		ok, why := IsDescription([]byte(page), Options{})
		assert.False(t, ok)
		assert.Equal(t, reasonHTMLNoLabel, why)
	}
	src := readFile(t, sample)
	res, err := Parse("A72213.html", src, Options{})
	require.NoError(t, err)
	assert.False(t, res.HTML, "a .html file without markup is text")
	ok, why := IsDescription(src, Options{})
	assert.True(t, ok)
	assert.Empty(t, why)
	// Content decides too: an HTML page named .txt is HTML.
	page := renderHTML(styleTables, string(src), mustParse(t, "x", src).Doc)
	res, err = Parse("A72213.txt", []byte(page), Options{})
	require.NoError(t, err)
	assert.True(t, res.HTML)
	ok, _ = IsDescription([]byte(page), Options{})
	assert.True(t, ok)
}

// eura2007 is a page of the 2007–2013 programme, in the shape FORMAT.md
// records ("Other shapes seen").
const eura2007Page = `Euroopan unioni
Euroopan sosiaalirahaston (ESR) rahoittaman projektin kuvaus

1. Projekti

Projektikoodi: S11283

Projektin nimi: VALO- projekti

Osio: Länsi-Suomen suuralueosio

Toimintalinja: 2: Työllistymisen edistäminen

Projektityyppi: Kehittämisprojekti

2. Projektin toteuttaja

Toteuttajaorganisaation nimi: Rauman Seudun Katulähetys ry

Osoite: Nortamonkatu 14

Vastuuhenkilön nimi: Virtanen Maija

Sähköposti: maija.virtanen(at)example.fi

3. Projektin toteutusalue ja kohderyhmän kuvaus

3.1 Toteutusalue

Satakunta
`

// TestEURA2007: a 2007–2013 page is refused as one, in text and in HTML,
// with or without its header line; a 2014 page is not.
func TestEURA2007(t *testing.T) {
	noHeader := strings.Replace(eura2007Page, "Euroopan sosiaalirahaston (ESR) rahoittaman projektin kuvaus\n", "", 1)
	onlyLabels := eura2007Page[strings.Index(eura2007Page, "Projektikoodi"):strings.Index(eura2007Page, "2. Projektin")]
	page := "<html><body><h1>Euroopan sosiaalirahaston (ESR) rahoittaman projektin kuvaus</h1>\n<h2>1. Projekti</h2>\n" +
		"<p>Projektikoodi: S11283</p><p>Toimintalinja: 2: Ty&ouml;llistymisen edist&auml;minen</p></body></html>"
	for name, src := range map[string]string{"text": eura2007Page, "no header": noHeader, "labels only": onlyLabels, "html": page} {
		_, err := Parse("x", []byte(src), Options{})
		reason, ok := NotDescriptionReason(err)
		assert.True(t, ok, "%s: %v", name, err)
		assert.Equal(t, reasonEURA2007, reason, name)
	}
	// A 2014 page that happens to print "Osio:" in its text is read.
	s := string(readFile(t, sample))
	s = strings.Replace(s, "Klustereissa toimii 150", "Osio: X\nProjektityyppi: Y\nKlustereissa toimii 150", 1)
	mustParse(t, "x", []byte(s))
}

// eura2007English is a 2007–2013 ESF page in English as the tester made one
// up: no real English 2007 page is at hand, so its labels are a guess; it is
// told by its code (S1dddd) and its "1." headings, not by its labels.
const eura2007English = `European Union
Description of the project funded by the European Social Fund (ESF)

1. Project

Project code: S11283

Project name: VALO project

Section: Western Finland

Policy: 2: Promoting employment

Project type: Development project

2. Project implementer

Name of the implementing organisation: Rauman Seudun Katulähetys ry

Address: Nortamonkatu 14
`

// TestEURA2007English: an English 2007 page, whose 2007 labels the tables
// do not know, is refused as a 2007 page by its ESF code of that programme
// with a second sign (a "1." heading before the code, or a Finnish 2007
// label); before, it was read as a broken 2014 page with 7 errors. A 2014
// page with such a code and no second sign (a typo) is still read.
func TestEURA2007English(t *testing.T) {
	sampleEN := string(readFile(t, "../testdata/real/en_S20515.txt"))
	for _, c := range []struct {
		name, src string
		refused   bool
	}{
		{"english", eura2007English, true},
		{"english without header", strings.Replace(eura2007English, "Description of the project funded by the European Social Fund (ESF)\n", "", 1), true},
		{"english html", "<html><body><h1>Description of the project funded by the European Social Fund (ESF)</h1>\n<h2>1. Project</h2>\n" +
			"<p>Project code: S11283</p><p>Project name: VALO project</p><p>Project type: Development project</p></body></html>", true},
		{"a Finnish 2007 label", strings.Replace(sampleEN, "Project code: S20515", "Project code: S11283\n\nProjektityyppi: Kehittämisprojekti", 1), true},
		{"2014 page, 2007 code (a typo)", strings.Replace(sampleEN, "Project code: S20515", "Project code: S10515", 1), false},
		{"2014 page, numbered list after the code", strings.Replace(sampleEN, "Project code: S20515", "Project code: S10515\n\n1. Tavoite", 1), false},
		{"2007 headings, 2014 code", strings.Replace(eura2007English, "S11283", "S21283", 1), false},
		{"2007 headings, EAKR code", strings.Replace(strings.Replace(eura2007English, "S11283", "A31283", 1), "(ESF)", "(ERDF)", 1), false},
	} {
		res, err := Parse("x", []byte(c.src), Options{})
		reason, refused := NotDescriptionReason(err)
		assert.Equal(t, c.refused, refused, "%s: %v", c.name, err)
		if c.refused {
			assert.Contains(t, []string{reasonEURA2007, reasonEURA2007Code}, reason, c.name)
		} else if err == nil {
			assert.NotNil(t, res.Doc, c.name)
		}
	}
}

// TestAxisColon: "Toimintalinja: 2: Uusimman …" is axis 2 and its name, in
// text and HTML, with the name's position on the name; so is the same with
// white space before the second colon.
func TestAxisColon(t *testing.T) {
	for _, axis := range []string{"2: Uusimman", "2 : Uusimman", "2\u00a0: Uusimman", "2 :Uusimman", "2\t:  Uusimman"} {
		s := strings.Replace(string(readFile(t, sample)), "Toimintalinja: 2. Uusimman", "Toimintalinja: "+axis, 1)
		for _, src := range []string{s, renderHTML(styleBreaks, s, mustParse(t, "x", []byte(s)).Doc)} {
			res := mustParse(t, "x", []byte(src))
			ax := res.Doc.Project.PriorityAxis
			assert.Equal(t, "2", ax.Number.Value, axis)
			assert.Equal(t, "Uusimman tiedon ja osaamisen tuottaminen ja hyödyntäminen", ax.Name.Value, axis)
			lines := strings.Split(src, "\n")
			got := pageAt(lines, ax.Name.Pos)
			assert.True(t, strings.HasPrefix(got, "Uusimman"), "%q %v: %q", axis, ax.Name.Pos, got)
		}
	}
}

// TestHTMLFixtures: the committed pages under testdata/html (a saved page
// with its _files folder, a web-archive copy) read as their text twins.
// go test ./parser -run HTMLFixtures -update rewrites them.
func TestHTMLFixtures(t *testing.T) {
	src := readFile(t, sample)
	txt := mustParse(t, "x", src)
	page := renderHTML(styleTables, string(src), txt.Doc)
	saved := "<!DOCTYPE html>\n<!-- saved from url=(0066)https://www.eura2014.fi/rrtiepa/projekti.php?projektikoodi=A72213 -->\n" +
		strings.Replace(strings.TrimPrefix(page, "<!DOCTYPE html>\n"), "</title>",
			"</title>\n<link rel=\"stylesheet\" href=\"./A72213_files/tyyli.css\">\n<script src=\"./A72213_files/jquery.js\"></script>", 1)
	fixtures := map[string]string{
		"../testdata/html/A72213.html":            saved,
		"../testdata/html/A72213_files/tyyli.css": "p { margin: 0 }\n",
		"../testdata/html/A72213_files/kehys.htm": "<html><body><p>Kehys: ei kuvausta</p></body></html>\n",
		"../testdata/html/wayback/A72213.html":    waybackWrap(renderHTML(styleParagraphs, string(src), txt.Doc)),
		"../testdata/html/en_S20515.htm":          renderHTMLFile(t, "../testdata/real/en_S20515.txt", styleBreaks),
		"../testdata/html/altformat_A70027.html":  renderHTMLFile(t, "../testdata/real/altformat_A70027.txt", styleParagraphs),
	}
	for path, body := range fixtures {
		if *update {
			require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
			require.NoError(t, os.WriteFile(path, []byte(body), 0o644))
			continue
		}
		assert.Equal(t, body, string(readFile(t, path)), "%s is stale: go test ./parser -run HTMLFixtures -update", path)
	}
	for _, c := range []struct{ page, text string }{
		{"../testdata/html/A72213.html", sample},
		{"../testdata/html/wayback/A72213.html", sample},
		{"../testdata/html/en_S20515.htm", "../testdata/real/en_S20515.txt"},
		{"../testdata/html/altformat_A70027.html", "../testdata/real/altformat_A70027.txt"},
	} {
		res := mustParse(t, c.page, readFile(t, c.page))
		want := mustParse(t, c.page, readFile(t, c.text))
		sameJSON(t, want.Doc, res.Doc)
	}
}

func renderHTMLFile(t *testing.T, path string, style htmlpage.Style) string {
	src := readFile(t, path)
	return renderHTML(style, string(src), mustParse(t, "x", src).Doc)
}

// waybackWrap dresses a page as the Wayback Machine serves it.
func waybackWrap(page string) string {
	page = strings.Replace(page, "<head>",
		"<head><script src=\"//archive.org/includes/athena.js\" type=\"text/javascript\"></script>\n"+
			"<script type=\"text/javascript\">window.RufflePlayer=window.RufflePlayer||{};window.RufflePlayer.config={\"autoplay\":\"on\"};</script>\n"+
			"<script type=\"text/javascript\" src=\"https://web.archive.org/_static/js/bundle-playback.js?v=1B2M2Y8A\" charset=\"utf-8\"></script>\n"+
			"<link rel=\"stylesheet\" type=\"text/css\" href=\"https://web.archive.org/_static/css/banner-styles.css?v=S1zqJCYt\" />\n"+
			"<!-- End Wayback Rewrite JS Include -->\n", 1)
	page = strings.Replace(page, "<body>\n", "<body>\n<!-- BEGIN WAYBACK TOOLBAR INSERT -->\n"+
		"<script>__wm.rw(0);</script>\n<div id=\"wm-ipp-base\" lang=\"en\" style=\"display:none;direction:ltr;\">\n"+
		"<div id=\"wm-ipp\" style=\"position:fixed;left:0;top:0;right:0;\">\n<table><tr><td class=\"logo\"><a href=\"/web/\">The Wayback Machine</a></td>\n"+
		"<td><form target=\"_top\" method=\"get\" action=\"/web/submit\"><input type=\"text\" name=\"url\" value=\"https://www.eura2014.fi/rrtiepa/projekti.php?projektikoodi=A72213\"></form></td>\n"+
		"<td class=\"n\">JUN</td><td class=\"c\">12</td><td class=\"n\">AUG</td></tr>\n<tr><td>14 captures</td><td>12 Jun 2019 - 3 Mar 2023</td></tr></table>\n"+
		"</div></div>\n<!-- END WAYBACK TOOLBAR INSERT -->\n", 1)
	return page + "<!--\n     FILE ARCHIVED ON 10:12:33 Jun 12, 2019 AND RETRIEVED FROM THE\n     INTERNET ARCHIVE ON 08:01:02 Nov 29, 2026.\n     JAVASCRIPT APPENDED BY WAYBACK MACHINE, COPYRIGHT INTERNET ARCHIVE.\n-->\n"
}

// BenchmarkParseHTML parses the reference sample's twin in each markup
// style, beside BenchmarkParseSample's text (bytes are the text's, so that
// MB/s compares descriptions a second).
func BenchmarkParseHTML(b *testing.B) {
	src, err := os.ReadFile(sample)
	if err != nil {
		b.Fatal(err)
	}
	res, err := Parse("x", src, Options{})
	if err != nil {
		b.Fatal(err)
	}
	for _, style := range styles {
		page := []byte(renderHTML(style, string(src), res.Doc))
		b.Run(string(style), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse("x.html", page, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestHTMLDecomposed: a page in decomposed Unicode (NFD, from macOS) reads
// as its composed text does, with positions on the decomposed source.
func TestHTMLDecomposed(t *testing.T) {
	src := readFile(t, sample)
	txt := mustParse(t, "x", src)
	for _, style := range []htmlpage.Style{styleParagraphs, styleTables} { // Breaks writes letters as references
		page := norm.NFD.String(renderHTML(style, string(src), txt.Doc))
		require.True(t, page != norm.NFC.String(page), "not decomposed")
		res, err := Parse("x.html", []byte(page), Options{})
		require.NoError(t, err)
		sameJSON(t, txt.Doc, res.Doc)
		tp, hp := positions(txt), positions(res)
		require.Equal(t, len(tp), len(hp))
		tl, hl := strings.Split(string(src), "\n"), strings.Split(page, "\n")
		for i := range tp {
			want := textAt(tl, tp[i].pos)
			if want == "" {
				continue
			}
			got := norm.NFC.String(pageAt(hl, hp[i].pos))
			n := min(len([]rune(want)), len([]rune(got)), 12)
			require.True(t, n > 0 && string([]rune(want)[:n]) == string([]rune(got)[:n]),
				"%s %s: text %v %q, page %v %q", style, tp[i].path, tp[i].pos, want, hp[i].pos, got)
		}
	}
}

// TestHTMLMessageLines: a line number inside a message ("the value at line
// N is kept") names the page's line, as the finding's position does.
func TestHTMLMessageLines(t *testing.T) {
	page := "<html><body>\n<h2>1 Hanke</h2>\n<p>Hankekoodi: A72213</p>\n<p>Hankkeen nimi: X</p>\n\n<p>Hankekoodi: A72214</p>\n</body></html>\n"
	res, err := Parse("x.html", []byte(page), Options{})
	require.NoError(t, err)
	require.Len(t, res.Problems, 1)
	p := res.Problems[0]
	assert.Equal(t, RuleDuplicateField, p.Rule)
	assert.Equal(t, model.Pos{Line: 6, Col: 4}, p.Pos)
	assert.Equal(t, `"Hankekoodi" appears again; the value at line 3 is kept`, p.Msg.String())
}
