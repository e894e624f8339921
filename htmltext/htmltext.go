// Package htmltext turns an HTML document into the lines a reader sees, and
// keeps a map from each character of those lines back to its line and column
// in the document.
//
// It reads any HTML, not one page's markup: block elements and <br> end
// lines, a paragraph stands apart from its neighbours by a blank line (as a
// browser's innerText has it), table rows become lines with their cells
// separated by a tab, entities are decoded, white space collapses as CSS's
// "white-space: normal" collapses it (kept in <pre>), and what a reader does
// not see is dropped: scripts, styles, the title, navigation, form
// controls, page footers, hidden elements, and a web archive's own toolbar (the Wayback
// Machine's "BEGIN WAYBACK TOOLBAR INSERT" block). Tokens come from
// golang.org/x/net/html's tokenizer, whose raw token bytes let every
// character be traced to the source.
package htmltext

import (
	"bytes"
	"html"
	"sort"
	"strings"
	"unicode/utf8"

	xhtml "golang.org/x/net/html"
)

// Text is the text of a document and its map back to the source.
type Text struct {
	// Text is the lines a reader sees, joined by "\n" (never "\r"); lines
	// are not trimmed.
	Text string
	segs []seg
	// lineSeg[i] is the index in segs of output line i's first segment
	// (len(segs) for a line without one).
	lineSeg []int32
}

// seg maps a run of an output line's characters to the source: literal
// runs map character for character, the characters of an entity or of a
// collapsed white-space run all map to where it starts.
type seg struct {
	col     int32 // 0-based output column (characters) of the run's first character
	line    int32 // 1-based source line of that character
	srcCol  int32 // 1-based source column (characters)
	literal bool
}

// Source returns where the character at 1-based line and column (in
// characters) of Text stands in the document: 1-based line and column, in
// characters of the decoded document. A column past a line's last
// character maps past the source of that character; a position outside
// Text is returned as it is.
func (t *Text) Source(line, col int) (int, int) {
	if line < 1 || line > len(t.lineSeg) || col < 1 {
		return line, col
	}
	from := int(t.lineSeg[line-1])
	to := len(t.segs)
	if line < len(t.lineSeg) {
		to = int(t.lineSeg[line])
	}
	if from >= to {
		// A line without characters (a blank line) stands where the next
		// character does.
		if from < len(t.segs) {
			return int(t.segs[from].line), int(t.segs[from].srcCol)
		}
		if n := len(t.segs); n > 0 {
			return int(t.segs[n-1].line), int(t.segs[n-1].srcCol)
		}
		return line, col
	}
	c := int32(col - 1)
	run := t.segs[from:to]
	i := sort.Search(len(run), func(i int) bool { return run[i].col > c }) - 1
	if i < 0 {
		i = 0
	}
	s := run[i]
	if !s.literal || c < s.col {
		return int(s.line), int(s.srcCol)
	}
	return int(s.line), int(s.srcCol + c - s.col)
}

// Lines returns the number of lines of Text.
func (t *Text) Lines() int { return len(t.lineSeg) }

// Sniff reports whether src (UTF-8, or any ASCII-compatible encoding) looks
// like an HTML document: after white space, a byte order mark and comments,
// it begins with a document type or one of the tags the WHATWG sniffing
// algorithm takes for HTML (html, head, body, script, iframe, h1, div,
// font, table, a, style, title, b, br, p), or a comment does.
func Sniff(src string) bool {
	s := strings.TrimPrefix(src, "\ufeff")
	s = strings.TrimLeft(s, " \t\n\r\f")
	if len(s) < 2 || s[0] != '<' {
		return false
	}
	if strings.HasPrefix(s, "<!--") {
		return true // a comment ("<!-- saved from url=…", a web archive's note)
	}
	if hasPrefixFold(s, "<!doctype html") {
		return true
	}
	for _, tag := range sniffTags {
		if hasPrefixFold(s[1:], tag) {
			if len(s) == 1+len(tag) {
				return true
			}
			if c := s[1+len(tag)]; c == ' ' || c == '>' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '/' {
				return true
			}
		}
	}
	return false
}

var sniffTags = []string{"html", "head", "body", "script", "iframe", "h1", "h2", "h3", "div", "font", "table", "a", "style", "title", "b", "br", "p", "meta"}

// HasMarkup reports whether src holds something shaped like a tag: "<"
// followed by a letter, "/" or "!". A file named .html that holds none is
// plain text.
func HasMarkup(src string) bool {
	for i := 0; i+1 < len(src); i++ {
		i0 := strings.IndexByte(src[i:], '<')
		if i0 < 0 || i+i0+1 >= len(src) {
			return false
		}
		i += i0
		c := src[i+1] | 0x20
		if c >= 'a' && c <= 'z' || src[i+1] == '/' || src[i+1] == '!' {
			return true
		}
	}
	return false
}

func hasPrefixFold[S ~string | ~[]byte](s S, p string) bool {
	if len(s) < len(p) {
		return false
	}
	for i := 0; i < len(p); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != p[i] {
			return false
		}
	}
	return true
}

// Charset returns the character encoding a document declares in its first
// 1,024 bytes — <meta charset="…"> or <meta http-equiv="Content-Type"
// content="…; charset=…"> — as written ("" if none). The label is for
// golang.org/x/text/encoding/htmlindex.
func Charset(src []byte) string {
	if len(src) > 1024 {
		src = src[:1024]
	}
	z := xhtml.NewTokenizer(bytes.NewReader(src))
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			return ""
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if string(name) != "meta" || !hasAttr {
				continue
			}
			var charset, content string
			equiv := false
			for more := true; more; {
				var k, v []byte
				k, v, more = z.TagAttr()
				switch string(k) {
				case "charset":
					charset = strings.TrimSpace(string(v))
				case "http-equiv":
					equiv = strings.EqualFold(strings.TrimSpace(string(v)), "content-type")
				case "content":
					content = string(v)
				}
			}
			if charset != "" {
				return charset
			}
			if equiv {
				if cs := contentCharset(content); cs != "" {
					return cs
				}
			}
		}
	}
}

// contentCharset finds "charset=…" in a Content-Type value.
func contentCharset(s string) string {
	i := strings.Index(strings.ToLower(s), "charset")
	if i < 0 {
		return ""
	}
	s = strings.TrimLeft(s[i+len("charset"):], " \t")
	if !strings.HasPrefix(s, "=") {
		return ""
	}
	s = strings.TrimLeft(s[1:], " \t")
	if s != "" && (s[0] == '"' || s[0] == '\'') {
		q := s[0]
		s = s[1:]
		if j := strings.IndexByte(s, q); j >= 0 {
			return s[:j]
		}
		return ""
	}
	if j := strings.IndexAny(s, "; \t"); j >= 0 {
		s = s[:j]
	}
	return s
}

// Extract reads the text of a decoded (UTF-8) HTML document. It never
// fails: the tokenizer reads any bytes as some HTML.
func Extract(doc string) *Text {
	b := &builder{}
	b.out = make([]byte, 0, len(doc)/2)
	b.bol = true
	b.segs = make([]seg, 0, len(doc)/64)
	b.lineSeg = make([]int32, 1, len(doc)/200+1)
	b.pos = cursor{line: 1, col: 1, cr: strings.IndexByte(doc, '\r') >= 0}
	z := xhtml.NewTokenizer(strings.NewReader(doc))
	b.run(z)
	return &Text{Text: string(b.out), segs: b.segs, lineSeg: b.lineSeg}
}

// cursor tracks the source line and column (in characters) of a byte
// offset as the tokens go by. Line ends are "\n", "\r\n" and a lone "\r",
// as in a text file.
type cursor struct {
	line, col int
	cr        bool // the document has a "\r": take the slow path
	afterCR   bool // the last byte was "\r"
}

// advance moves the cursor over b.
func (c *cursor) advance(b []byte) {
	if !c.cr {
		for {
			i := bytes.IndexByte(b, '\n')
			if i < 0 {
				c.col += utf8.RuneCount(b)
				return
			}
			c.line++
			c.col = 1
			b = b[i+1:]
		}
	}
	for len(b) > 0 {
		ch := b[0]
		switch {
		case ch == '\n':
			if !c.afterCR {
				c.line++
				c.col = 1
			}
			c.afterCR = false
			b = b[1:]
		case ch == '\r':
			c.line++
			c.col = 1
			c.afterCR = true
			b = b[1:]
		default:
			c.afterCR = false
			if ch < utf8.RuneSelf {
				c.col++
				b = b[1:]
				continue
			}
			_, n := utf8.DecodeRune(b)
			c.col++
			b = b[n:]
		}
	}
}

// What is dropped with everything in it.
var skipped = map[string]bool{
	"script": true, "style": true, "title": true, "head": true, "template": true, "noscript": true,
	"nav": true, "footer": true, "select": true, "textarea": true, "button": true, "datalist": true,
	"iframe": true, "object": true, "svg": true, "math": true, "canvas": true, "audio": true,
	"video": true, "map": true, "noembed": true, "noframes": true,
}

// Elements that end a line where they start and end; "p" (and the headings
// in blanks) set a blank line apart.
var blocks = map[string]int{
	"address": 1, "article": 1, "aside": 1, "blockquote": 1, "body": 1, "center": 1, "dd": 1,
	"details": 1, "dialog": 1, "dir": 1, "div": 1, "dl": 1, "dt": 1, "fieldset": 1,
	"figcaption": 1, "figure": 1, "footer": 1, "form": 1, "h1": 1, "h2": 1, "h3": 1, "h4": 1,
	"h5": 1, "h6": 1, "header": 1, "hgroup": 1, "hr": 1, "html": 1, "legend": 1, "li": 1,
	"listing": 1, "main": 1, "menu": 1, "ol": 1, "p": 2, "pre": 1, "section": 1,
	"summary": 1, "table": 1, "caption": 1, "thead": 1, "tbody": 1, "tfoot": 1, "tr": 1,
	"ul": 1, "xmp": 1, "plaintext": 1, "option": 1, "optgroup": 1,
}

var headings = map[string]bool{"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true}

type builder struct {
	out     []byte
	segs    []seg
	lineSeg []int32
	pos     cursor

	col       int32 // output column of the next character
	lineText  bool  // the current output line has a character
	bol       bool  // white space here is dropped: a line or a cell begins
	breaks    int   // line breaks owed before the next text (innerText's required line breaks)
	space     bool  // a collapsed space is owed before the next text on this line
	spaceLine int32 // where the owed space's white space began
	spaceCol  int32
	pre       int // depth of <pre> (white space kept)

	skipName  string // the element being dropped, with its nesting depth
	skipDepth int
	wayback   bool // inside the Wayback Machine's toolbar

	tables []row // the open tables' current rows

	form       *formMark
	headingsIn int // headings met so far
}

// row is a table's current row.
type row struct {
	cells    int
	labelTab int  // byte offset of the tab before the second cell (-1: none)
	firstTH  bool // the first cell is a header cell
}

// formMark remembers where a form began: a form without headings is a
// search box or a login, and its text is taken back at its end; a form
// that holds headings wraps the page (as some server frameworks do) and
// stays.
type formMark struct {
	out, segs, lines int
	col              int32
	lineText, bol    bool
	breaks           int
	headings         int
}

func (b *builder) run(z *xhtml.Tokenizer) {
	for {
		tt := z.Next()
		raw := z.Raw()
		start := b.pos
		b.pos.advance(raw)
		switch tt {
		case xhtml.ErrorToken:
			b.endForm()
			return
		case xhtml.CommentToken:
			b.comment(raw)
		case xhtml.TextToken:
			if b.skipName == "" && !b.wayback {
				b.text(raw, start)
			}
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			if b.wayback {
				continue
			}
			if b.skipName != "" {
				name := tagName(raw[1:])
				if b.skipDepth == 1 && impliedEnd(b.skipName, name) {
					// <p hidden>…<p>: the second <p> ends the first.
					b.skipName = ""
				} else {
					if tt == xhtml.StartTagToken && nameIs(raw[1:], b.skipName) {
						b.skipDepth++
					}
					continue
				}
			}
			b.startTag(z, tagName(raw[1:]), raw, tt == xhtml.SelfClosingTagToken)
		case xhtml.EndTagToken:
			if b.wayback {
				continue
			}
			if b.skipName != "" {
				if nameIs(raw[2:], b.skipName) {
					b.skipDepth--
					if b.skipDepth == 0 {
						b.skipName = ""
					}
				}
				continue
			}
			b.endTag(tagName(raw[2:]))
		}
	}
}

// impliedEnd reports whether a start tag of next ends an open element
// whose end tag may be left out (HTML's optional end tags): a block ends a
// paragraph, and an item, cell or row its like.
func impliedEnd(open, next string) bool {
	switch open {
	case "p":
		return blocks[next] > 0 && next != "option" && next != "optgroup"
	case "li", "option", "tr":
		return next == open
	case "dt", "dd":
		return next == "dt" || next == "dd"
	case "td", "th":
		return next == "td" || next == "th" || next == "tr"
	}
	return false
}

// comment drops the Wayback Machine's toolbar, which it brackets with
// comments.
func (b *builder) comment(raw []byte) {
	switch {
	case bytes.Contains(raw, []byte("BEGIN WAYBACK TOOLBAR INSERT")):
		b.wayback = true
	case bytes.Contains(raw, []byte("END WAYBACK TOOLBAR INSERT")):
		b.wayback = false
	}
}

// rawName is a tag's name in its raw bytes after "<" or "</", as written.
func rawName(raw []byte) []byte {
	i := 0
	for i < len(raw) {
		c := raw[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '/' || c == '>' {
			break
		}
		i++
	}
	return raw[:i]
}

// nameIs reports whether a tag's raw bytes name the lower-case name.
func nameIs(raw []byte, name string) bool {
	n := rawName(raw)
	return len(n) == len(name) && hasPrefixFold(n, name)
}

// tagName reads a tag's name from its raw bytes after "<" or "</",
// lower-cased; it allocates only for names not in the tables.
func tagName(raw []byte) string {
	name := rawName(raw)
	var buf [16]byte
	if len(name) <= len(buf) {
		low := buf[:len(name)]
		for j, c := range name {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			low[j] = c
		}
		if s, ok := knownTag[string(low)]; ok { // no allocation: map lookup of a []byte conversion
			return s
		}
		return ""
	}
	return ""
}

// knownTag interns the names the builder acts on; any other is "".
var knownTag = func() map[string]string {
	m := map[string]string{}
	for k := range skipped {
		m[k] = k
	}
	for k := range blocks {
		m[k] = k
	}
	for _, k := range []string{"br", "td", "th", "img", "input", "wbr"} {
		m[k] = k
	}
	return m
}()

func (b *builder) startTag(z *xhtml.Tokenizer, name string, raw []byte, selfClosing bool) {
	if name == "" {
		// An inline element (a, span, b, …) or an unknown one: no line
		// break, but it may still be hidden.
		if hidden(z, raw) {
			b.skipUnknown(raw)
		}
		return
	}
	if skipped[name] {
		if !selfClosing {
			b.skipName, b.skipDepth = name, 1
		}
		return
	}
	if name != "br" && name != "wbr" && name != "img" && name != "input" && hidden(z, raw) {
		if !selfClosing {
			b.skipName, b.skipDepth = name, 1
		}
		return
	}
	switch name {
	case "br":
		b.newline()
		return
	case "pre", "listing", "xmp", "plaintext":
		b.pre++
	case "form":
		if b.form == nil {
			b.form = &formMark{out: len(b.out), segs: len(b.segs), lines: len(b.lineSeg), col: b.col,
				lineText: b.lineText, bol: b.bol, breaks: b.breaks, headings: b.headingsIn}
		}
	case "table":
		b.tables = append(b.tables, row{labelTab: -1})
	case "tr":
		b.endRow()
	case "td", "th":
		b.cell(name == "th")
		return
	}
	if headings[name] {
		b.headingsIn++
	}
	if n := blocks[name]; n > 0 {
		b.owe(n)
	}
}

// skipUnknown drops a hidden element whose name is not in the tables; the
// name is taken as written.
func (b *builder) skipUnknown(raw []byte) {
	name := strings.ToLower(string(rawName(raw[1:])))
	if name == "" || voids[name] {
		return
	}
	b.skipName, b.skipDepth = name, 1
}

var voids = map[string]bool{"area": true, "base": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true, "br": true}

// hidden reports an element a reader does not see: the hidden attribute,
// aria-hidden="true", an inline style of display:none or
// visibility:hidden, a role of navigation, or the Wayback Machine's
// toolbar (ids "wm-ipp…") when its comments are gone.
func hidden(z *xhtml.Tokenizer, raw []byte) bool {
	if !containsFold(raw, "hidden") && !containsFold(raw, "none") && !containsFold(raw, "navigation") && !containsFold(raw, "wm-ipp") {
		return false
	}
	for more := true; more; {
		var k, v []byte
		k, v, more = z.TagAttr()
		switch string(k) {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(strings.TrimSpace(string(v)), "true") {
				return true
			}
		case "style":
			s := strings.ToLower(strings.Join(strings.Fields(string(v)), ""))
			if strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") {
				return true
			}
		case "role":
			if strings.EqualFold(strings.TrimSpace(string(v)), "navigation") {
				return true
			}
		case "id":
			if bytes.HasPrefix(v, []byte("wm-ipp")) {
				return true
			}
		}
	}
	return false
}

func containsFold(s []byte, word string) bool {
	for i := 0; i+len(word) <= len(s); i++ {
		if i = indexFoldFirst(s, word[0], i); i < 0 || i+len(word) > len(s) {
			return false
		}
		if hasPrefixFold(s[i:], word) {
			return true
		}
	}
	return false
}

// indexFoldFirst finds the next byte from i equal to the lower-case letter c
// in either case.
func indexFoldFirst(s []byte, c byte, i int) int {
	for ; i < len(s); i++ {
		if s[i]|0x20 == c {
			return i
		}
	}
	return -1
}

func (b *builder) endTag(name string) {
	switch name {
	case "":
		return
	case "br":
		// "</br>" is a <br> to a browser.
		b.newline()
		return
	case "pre", "listing", "xmp", "plaintext":
		if b.pre > 0 {
			b.pre--
		}
	case "form":
		b.endForm()
	case "table":
		if len(b.tables) > 0 {
			b.endRow()
			b.tables = b.tables[:len(b.tables)-1]
		}
	case "tr":
		b.endRow()
	case "td", "th":
		return
	}
	if n := blocks[name]; n > 0 {
		b.owe(n)
	}
}

// cell starts a table cell: cells after a row's first are set apart by a
// tab.
func (b *builder) cell(th bool) {
	if len(b.tables) == 0 {
		b.tables = append(b.tables, row{labelTab: -1}) // a cell outside any table
	}
	t := &b.tables[len(b.tables)-1]
	t.cells++
	switch t.cells {
	case 1:
		t.firstTH = th
		b.owe(1)
	case 2:
		t.labelTab = b.sep('\t')
	default:
		b.sep('\t')
	}
}

// endRow ends a table row on its own line. A row of two cells whose first
// is a header cell is a label and its value: the tab between them becomes
// the colon of "Label: value" unless the label has one already.
func (b *builder) endRow() {
	if len(b.tables) == 0 {
		return
	}
	t := &b.tables[len(b.tables)-1]
	if t.cells == 2 && t.firstTH && t.labelTab >= 0 && t.labelTab < len(b.out) && b.out[t.labelTab] == '\t' {
		label := b.out[bytes.LastIndexByte(b.out[:t.labelTab], '\n')+1 : t.labelTab]
		label = bytes.TrimSpace(label)
		if len(label) > 0 && label[len(label)-1] != ':' {
			// Same length, so no column moves: "Label:value" reads as "Label: value".
			b.out[t.labelTab] = ':'
		}
	}
	if t.cells > 0 {
		b.owe(1)
	}
	*t = row{labelTab: -1}
}

// endForm takes back the text of a form without headings.
func (b *builder) endForm() {
	f := b.form
	if f == nil {
		return
	}
	b.form = nil
	if b.headingsIn > f.headings {
		return
	}
	b.out = b.out[:f.out]
	b.segs = b.segs[:f.segs]
	b.lineSeg = b.lineSeg[:f.lines]
	b.col, b.lineText, b.breaks, b.space, b.bol = f.col, f.lineText, f.breaks, false, f.bol
	b.owe(1)
}

// owe asks for n line breaks before the next text (the most asked wins,
// and none at the start of the document).
func (b *builder) owe(n int) {
	b.space = false
	if len(b.out) == 0 && b.col == 0 {
		return
	}
	b.breaks = max(b.breaks, n)
}

// newline is a <br>: a line break that is always made.
func (b *builder) newline() {
	b.flushBreaks()
	b.space = false
	b.endLine()
}

func (b *builder) endLine() {
	b.out = append(b.out, '\n')
	b.col = 0
	b.lineText = false
	b.bol = true
	b.lineSeg = append(b.lineSeg, int32(len(b.segs)))
}

func (b *builder) flushBreaks() {
	if b.breaks == 0 {
		return
	}
	n := b.breaks
	b.breaks = 0
	if b.lineText || b.col > 0 {
		// The first break ends the current line.
		b.endLine()
		n--
	} else if len(b.out) > 0 && n > 0 {
		// A line ended by <br> already: the breaks still owed after it.
		n--
	}
	for ; n > 0; n-- {
		b.endLine()
	}
}

// sep writes a cell separator and returns its byte offset.
func (b *builder) sep(c byte) int {
	b.flushBreaks()
	b.space = false
	off := len(b.out)
	b.out = append(b.out, c)
	b.addSeg(b.pos.line, b.pos.col, false)
	b.col++
	b.bol = true
	return off
}

// addSeg records that the output character at b.col comes from (line, col).
func (b *builder) addSeg(line, col int, literal bool) {
	if n := len(b.segs); n > 0 && int(b.lineSeg[len(b.lineSeg)-1]) < n {
		s := &b.segs[n-1]
		if s.literal && literal && int(s.line) == line && int(s.srcCol+b.col-s.col) == col {
			return
		}
	}
	b.segs = append(b.segs, seg{col: b.col, line: int32(line), srcCol: int32(col), literal: literal})
}

// text writes a text token, raw as in the document, that starts at start.
func (b *builder) text(raw []byte, start cursor) {
	cur := start
	for len(raw) > 0 {
		c := raw[0]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f':
			if b.pre > 0 && (c == '\n' || c == '\r') {
				if c == '\r' && len(raw) > 1 && raw[1] == '\n' {
					cur.advance(raw[:1])
					raw = raw[1:]
				}
				b.newline()
				cur.advance(raw[:1])
				raw = raw[1:]
				continue
			}
			if b.pre > 0 {
				b.char(raw[:1], cur.line, cur.col, true)
				cur.advance(raw[:1])
				raw = raw[1:]
				continue
			}
			if !b.space && !b.bol && b.breaks == 0 {
				b.space, b.spaceLine, b.spaceCol = true, int32(cur.line), int32(cur.col)
			}
			cur.advance(raw[:1])
			raw = raw[1:]
		case c == '&':
			n, dec := entity(raw)
			b.chars(dec, cur.line, cur.col)
			cur.advance(raw[:n])
			raw = raw[n:]
		default:
			// A run of literal characters, copied at once.
			n := 1
			for n < len(raw) {
				c := raw[n]
				if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '&' {
					break
				}
				n++
			}
			b.char(raw[:n], cur.line, cur.col, true)
			cur.advance(raw[:n])
			raw = raw[n:]
		}
	}
}

// chars writes decoded entity text, which maps to the entity's start. White
// space in it collapses like any other.
func (b *builder) chars(s string, line, col int) {
	for len(s) > 0 {
		c := s[0]
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') && b.pre == 0 {
			if !b.space && !b.bol && b.breaks == 0 {
				b.space, b.spaceLine, b.spaceCol = true, int32(line), int32(col)
			}
			s = s[1:]
			continue
		}
		if (c == '\n' || c == '\r') && b.pre > 0 {
			b.newline()
			s = s[1:]
			continue
		}
		_, n := utf8.DecodeRuneInString(s)
		b.char([]byte(s[:n]), line, col, false)
		s = s[n:]
	}
}

// char writes text with no white space (but in <pre>) from (line, col).
func (b *builder) char(t []byte, line, col int, literal bool) {
	b.flushBreaks()
	if b.space {
		b.space = false
		b.addSeg(int(b.spaceLine), int(b.spaceCol), false)
		b.out = append(b.out, ' ')
		b.col++
	}
	b.addSeg(line, col, literal)
	// A NUL or a carriage return must not make a line end of its own in
	// the text: the parser would count lines differently.
	b.out = append(b.out, t...)
	b.col += int32(utf8.RuneCount(t))
	b.lineText = true
	b.bol = false
}

// entity decodes the character reference at the start of raw ("&amp;",
// "&#228;", "&auml" …) and returns how many bytes it takes and its text;
// an "&" that starts none is itself. Decoding is html.UnescapeString's, on
// the reference alone: references hold no "&", so decoding piece by piece
// gives the same text as decoding the whole.
func entity(raw []byte) (int, string) {
	n := 1
	for n < len(raw) && n < 40 {
		c := raw[n]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '#' && n == 1 {
			n++
			continue
		}
		if c == ';' {
			n++
		}
		break
	}
	ref := string(raw[:n])
	return n, html.UnescapeString(ref)
}
