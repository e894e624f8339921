// Package htmlpage writes a text description as an HTML page, in one of
// the markup styles the service's page may have: the HTML twins of the
// test descriptions and the HTML bench corpus come from it. The real
// page's markup is not known (FORMAT.md, "HTML pages"), so the styles span
// the likely shapes, and each page carries chrome a reader does not read
// (head, navigation, a search form, a hidden block, a footer).
package htmlpage

import (
	"fmt"
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/asectl/asectl/model"
)

// Style is a way of marking a description up.
type Style string

const (
	// Paragraphs: <h2>/<h3> headings, a <p> per field, <br> between the
	// lines of a text.
	Paragraphs Style = "paragraphs"
	// Breaks: every line in one <div>, ended by <br>; letters beyond ASCII
	// as named or numeric entities, so that text and source columns differ.
	Breaks Style = "breaks"
	// Tables: headings; label/value pairs as table rows with <th> labels
	// (without their colon); section 8.2 as a table with a header row, a
	// row per criterion and its scores, and a row per justification.
	Tables Style = "tables"
	// Lists: headings; the field sections as definition lists (<dt>
	// label without colon, <dd> value; other lines as <dd> alone); texts
	// and 8.2 as in Paragraphs.
	Lists Style = "lists"
)

// Styles lists every style.
var Styles = []Style{Paragraphs, Breaks, Tables, Lists}

// fieldSections are the sections of "Label: value" lines.
var fieldSections = map[string]bool{"1": true, "2": true, "5": true, "6": true, "7.1": true, "7.2": true, "8.1": true}

// Render writes text as a page. headings maps the 1-based number of each
// line that is a section heading to its section ("1", "4.1", …), as the
// parser found them (model.Description.Sections); lang is the page's
// language ("fi", "en").
func Render(style Style, text string, headings map[int]string, lang string) string {
	text = strings.TrimPrefix(strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(text), "\ufeff")
	lines := strings.Split(text, "\n")
	var b strings.Builder
	b.Grow(len(text) * 5 / 4)
	b.WriteString("<!DOCTYPE html>\n<html lang=\"" + html.EscapeString(lang) + "\">\n<head>\n<meta charset=\"utf-8\">\n" +
		"<title>Hankkeen kuvaus &ndash; EURA 2014</title>\n<style>p { margin: 0 }</style>\n" +
		"<script>if (1 < 2 && document) { document.title = \"<p>Hankekoodi: X</p>\"; }</script>\n</head>\n<body>\n" +
		"<nav><ul><li><a href=\"/\">Etusivu</a></li><li><a href=\"projektilista.php\">Hankkeet</a></li></ul></nav><div class=\"top-menu\"><a href=\"?kieli=en\">In English</a></div>\n" +
		"<form action=\"haku.php\"><label>Hae hanketta: <input name=\"q\"></label><button>Hae</button></form>\n" +
		"<div style=\"DISPLAY: none\">Hankekoodi: Z99999</div><p hidden>Toimintalinja: 9. X</p>\n<div id=\"sisalto\">\n")
	esc := html.EscapeString
	if style == Breaks {
		esc = func(s string) string { return entities(html.EscapeString(s)) }
	}
	sec := ""
	var run []string // a paragraph's lines
	flush := func() {
		if len(run) > 0 {
			b.WriteString("<p>")
			for i, l := range run {
				if i > 0 {
					b.WriteString("<br>\n")
				}
				b.WriteString(esc(l))
			}
			b.WriteString("</p>\n")
		}
		run = run[:0]
	}
	table, list := false, false
	closeTable := func() {
		if table {
			b.WriteString("</table>\n")
			table = false
		}
		if list {
			b.WriteString("</dl>\n")
			list = false
		}
	}
	item := func(s string) {
		if !list {
			b.WriteString("<dl>\n")
			list = true
		}
		b.WriteString(s + "\n")
	}
	row := func(cells ...string) {
		if !table {
			b.WriteString("<table class=\"tiedot\">\n")
			table = true
		}
		b.WriteString("<tr>" + strings.Join(cells, "") + "</tr>\n")
	}
	for i, l := range lines {
		num, isHeading := headings[i+1]
		if isHeading {
			sec = num
		}
		switch {
		case style == Breaks:
			b.WriteString(esc(l) + "<br>\n")
			continue
		case isHeading:
			flush()
			closeTable()
			tag := "h2"
			if strings.Contains(num, ".") {
				tag = "h3"
			}
			fmt.Fprintf(&b, "<%s>%s</%s>\n", tag, esc(l), tag)
			continue
		case style == Paragraphs:
			if strings.TrimSpace(l) == "" {
				flush()
				continue
			}
			run = append(run, l)
			continue
		}
		if style == Lists {
			switch {
			case fieldSections[sec]:
				flush()
				label, value, isLabel := labelValue(l)
				switch {
				case strings.TrimSpace(l) == "":
				case isLabel:
					item("<dt>" + esc(label) + "</dt><dd>" + esc(value) + "</dd>")
				default:
					item("<dd>" + esc(l) + "</dd>")
				}
			default:
				closeTable()
				if strings.TrimSpace(l) == "" {
					flush()
					continue
				}
				run = append(run, l)
			}
			continue
		}
		// Tables: label/value pairs of the field sections, and 8.2.
		switch {
		case sec == "8.2":
			flush()
			name, d, in, ok := scoreRow(l)
			switch {
			case strings.TrimSpace(l) == "":
				row("<td colspan=\"3\">&nbsp;</td>")
			case ok:
				row("<td>"+esc(name)+"</td>", "<td>"+esc(d)+"</td>", "<td>"+esc(in)+"</td>")
			case l == "VälitönVälillinen":
				row("<th></th>", "<th>Välitön</th>", "<th>Välillinen</th>")
			case l == "DirectIndirect":
				row("<th></th>", "<th>Direct</th>", "<th>Indirect</th>")
			default:
				row("<td colspan=\"3\">" + esc(l) + "</td>")
			}
		case fieldSections[sec]:
			flush()
			label, value, isLabel := labelValue(l)
			switch {
			case strings.TrimSpace(l) == "":
				// Blank lines between fields are not rows.
			case isLabel:
				row("<th>"+esc(label)+"</th>", "<td>"+esc(value)+"</td>")
			default:
				row("<td colspan=\"2\">" + esc(l) + "</td>")
			}
		default:
			closeTable()
			if strings.TrimSpace(l) == "" {
				flush()
				continue
			}
			run = append(run, l)
		}
	}
	flush()
	closeTable()
	b.WriteString("</div>\n<div id=\"footer\"><p>EURA 2014 | Yhteystiedot: eura2014(at)example.fi</p></div>\n" +
		"<footer><p>Tietosuojaseloste | Saavutettavuusseloste</p></footer>\n</body>\n</html>\n")
	return b.String()
}

// labelValue splits a "Label: value" line whose label looks like one.
func labelValue(l string) (label, value string, ok bool) {
	i := strings.IndexByte(l, ':')
	if i <= 0 {
		return "", "", false
	}
	label = strings.TrimSpace(l[:i])
	r, _ := utf8.DecodeRuneInString(label)
	if label == "" || !unicode.IsLetter(r) || utf8.RuneCountInString(label) > 80 || strings.ContainsAny(label, ".!?;") {
		return "", "", false
	}
	return label, strings.TrimSpace(l[i+1:]), true
}

// scoreRow splits "<criterion> <direct> <indirect>".
func scoreRow(l string) (name, d, in string, ok bool) {
	f := strings.Fields(l)
	if len(f) < 3 || !score(f[len(f)-1]) || !score(f[len(f)-2]) {
		return "", "", "", false
	}
	return strings.Join(f[:len(f)-2], " "), f[len(f)-2], f[len(f)-1], true
}

func score(s string) bool {
	if s == "-" {
		return true
	}
	return s != "" && strings.Trim(s, "0123456789.,") == ""
}

// entities writes letters beyond ASCII as named or numeric references.
func entities(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == 'ä':
			b.WriteString("&auml;")
		case r == 'ö':
			b.WriteString("&ouml;")
		case r == 'Ä':
			b.WriteString("&Auml;")
		case r >= utf8.RuneSelf:
			fmt.Fprintf(&b, "&#%d;", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Headings returns the heading map Render wants: the line of each section
// whose heading stood in the text.
func Headings(sections model.Sections) map[int]string {
	out := make(map[int]string, len(sections))
	for num, s := range sections {
		if !s.Implicit {
			out[s.Pos.Line] = num
		}
	}
	return out
}
