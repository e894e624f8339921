// Package htmltext turns an HTML document into the lines a reader sees, and
// keeps a map from each character of those lines back to its line and column
// in the document.
//
// It reads any HTML, not one page's markup: block elements and <br> end
// lines, a paragraph stands apart from its neighbours by a blank line (as a
// browser's innerText has it), table rows become lines with their cells
// separated by a tab (a <th> label and its <td> value, or a <dt> and its
// <dd>, read as "Label:value"), references are decoded, white space
// collapses as CSS's "white-space: normal" collapses it (kept in <pre>),
// and what a reader does not see is dropped: scripts, styles, the title,
// navigation, form controls, page footers, hidden elements, and a web
// archive's own toolbar (the Wayback Machine's "BEGIN WAYBACK TOOLBAR
// INSERT" block). Tokens come from golang.org/x/net/html's tokenizer, whose
// raw token bytes let every character be traced to the source.
package htmltext

import (
	"bytes"
	"html"
	"sort"
	"strings"
	"unicode/utf8"

	xhtml "golang.org/x/net/html"
	"golang.org/x/text/unicode/norm"
)

// Text is the text of a document and its map back to the source.
type Text struct {
	// Text is the lines a reader sees, joined by "\n" (never "\r"); lines
	// are not trimmed.
	Text string
	// PlainRefs says every character reference stood for a printable
	// character below U+0300 (no control, no soft hyphen, no combining mark) or one of the
	// dashes, quotation marks and the euro sign: the text holds no
	// character a text parser must look at twice that the document did not
	// hold as it is.
	PlainRefs bool

	doc       string  // the source
	segs      []seg   // in order of out
	lineStart []int32 // byte offset in Text of each line's start
	srcLines  []int32 // byte offset in doc of each source line's start, made on first use
}

// seg maps a run of Text to the source: a literal run is a byte-for-byte
// copy of the source; the characters of a reference, a collapsed
// white-space run or a cell separator all map to where it starts.
type seg struct {
	out, src int32 // byte offsets in Text and in the document
	literal  bool
}

// Source returns where the character at 1-based line and column (in
// characters) of Text stands in the document: 1-based line and column, in
// characters of the decoded document. A blank line maps to where the next
// text comes from; a column past a line's end maps past its last
// character's source. A position outside Text is returned as it is.
func (t *Text) Source(line, col int) (int, int) {
	if line < 1 || line > len(t.lineStart) || col < 1 || len(t.segs) == 0 {
		return line, col
	}
	start := int(t.lineStart[line-1])
	end := len(t.Text)
	if line < len(t.lineStart) {
		end = int(t.lineStart[line]) - 1
	}
	off, extra := start, col-1
	for extra > 0 && off < end {
		if t.Text[off] < utf8.RuneSelf {
			off++
		} else {
			_, n := utf8.DecodeRuneInString(t.Text[off:end])
			off += n
		}
		extra--
	}
	i := sort.Search(len(t.segs), func(i int) bool { return int(t.segs[i].out) > off }) - 1
	if i < 0 || int(t.segs[i].out) < start {
		// Nothing of this line at or before the column: the line's (or the
		// next line's) first run.
		i = sort.Search(len(t.segs), func(i int) bool { return int(t.segs[i].out) >= start })
		if i == len(t.segs) {
			i = len(t.segs) - 1
		}
		return t.srcPos(int(t.segs[i].src), 0)
	}
	s := t.segs[i]
	if !s.literal {
		return t.srcPos(int(s.src), 0)
	}
	return t.srcPos(int(s.src)+off-int(s.out), extra)
}

// srcPos turns a byte offset of the document (plus extra characters past
// it) into a line and column.
func (t *Text) srcPos(off, extra int) (int, int) {
	if t.srcLines == nil {
		t.srcLines = lineStarts(t.doc)
	}
	off = min(max(off, 0), len(t.doc))
	i := sort.Search(len(t.srcLines), func(i int) bool { return int(t.srcLines[i]) > off }) - 1
	return i + 1, utf8.RuneCountInString(t.doc[t.srcLines[i]:off]) + 1 + extra
}

// lineStarts lists where each line of doc starts. Line ends are "\n",
// "\r\n" and a lone "\r", as in a text file.
func lineStarts(doc string) []int32 {
	out := make([]int32, 1, strings.Count(doc, "\n")+2)
	if strings.IndexByte(doc, '\r') < 0 {
		for i := 0; ; {
			j := strings.IndexByte(doc[i:], '\n')
			if j < 0 {
				return out
			}
			i += j + 1
			out = append(out, int32(i))
		}
	}
	for i := 0; i < len(doc); i++ {
		switch doc[i] {
		case '\n':
			out = append(out, int32(i+1))
		case '\r':
			if i+1 < len(doc) && doc[i+1] == '\n' {
				i++
			}
			out = append(out, int32(i+1))
		}
	}
	return out
}

// Lines returns the number of lines of Text.
func (t *Text) Lines() int { return len(t.lineStart) }

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
// fails: the tokenizer reads any bytes as some HTML. Documents over 2 GiB
// are beyond its offsets; asectl's inputs are bounded far below.
func Extract(doc string) *Text {
	b := &builder{bol: true, dtEnd: -1}
	b.out = make([]byte, 0, len(doc)/2)
	b.segs = make([]seg, 0, len(doc)/64)
	b.lineStart = make([]int32, 1, len(doc)/200+1)
	z := xhtml.NewTokenizer(strings.NewReader(doc))
	b.run(z)
	return &Text{Text: string(b.out), PlainRefs: !b.rareRefs,
		doc: doc, segs: b.segs, lineStart: b.lineStart}
}

// tagInfo is what the builder does with an element.
type tagInfo struct {
	name    string
	skip    bool // dropped with everything in it
	block   int  // line breaks it asks for where it starts and ends (2: a paragraph)
	heading bool
	void    bool // never has content
}

// tags holds the elements the builder acts on; any other is inline.
var tags = func() map[string]*tagInfo {
	m := map[string]*tagInfo{}
	get := func(n string) *tagInfo {
		if m[n] == nil {
			m[n] = &tagInfo{name: n}
		}
		return m[n]
	}
	for _, n := range []string{"script", "style", "title", "head", "template", "noscript", "nav", "footer",
		"select", "textarea", "button", "datalist", "iframe", "object", "svg", "math", "canvas", "audio",
		"video", "map", "noembed", "noframes"} {
		get(n).skip = true
	}
	for _, n := range []string{"address", "article", "aside", "blockquote", "body", "center", "dd",
		"details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "form",
		"h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "listing",
		"main", "menu", "ol", "pre", "section", "summary", "table", "caption", "thead", "tbody", "tfoot",
		"tr", "ul", "xmp", "plaintext", "option", "optgroup"} {
		get(n).block = 1
	}
	get("p").block = 2
	for _, n := range []string{"h1", "h2", "h3", "h4", "h5", "h6"} {
		get(n).heading = true
	}
	for _, n := range []string{"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
		"source", "track", "wbr"} {
		get(n).void = true
	}
	get("td")
	get("th")
	return m
}()

type builder struct {
	out       []byte
	segs      []seg
	lineStart []int32
	off       int // byte offset of the current token in the document

	lineText  bool // the current output line has a character
	bol       bool // white space here is dropped: a line or a cell begins
	breaks    int  // line breaks owed before the next text (innerText's required line breaks)
	space     bool // a collapsed space is owed before the next text on this line
	spaceSrc  int  // where the owed space's white space began
	spaceLit  bool // the owed space is one " " in the source
	rareRefs  bool // a reference stood for a character the text parser looks at twice
	pre       int  // depth of <pre> (white space kept)
	skipName  string
	skipDepth int  // the element being dropped, with its nesting depth
	wayback   bool // inside the Wayback Machine's toolbar

	tables []row // the open tables' current rows
	inDT   bool  // a <dt> is open
	dtEnd  int   // where the last <dt>'s text ended (-1: none)

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
	lineText, bol    bool
	breaks           int
	headings         int
}

func (b *builder) run(z *xhtml.Tokenizer) {
	for {
		tt := z.Next()
		raw := z.Raw()
		start := b.off
		b.off += len(raw)
		switch tt {
		case xhtml.ErrorToken:
			b.endForm()
			return
		case xhtml.TextToken:
			if b.skipName == "" && !b.wayback {
				b.text(raw, start)
			}
		case xhtml.CommentToken:
			b.comment(raw)
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			if b.wayback {
				continue
			}
			info := lookupTag(raw[1:])
			if b.skipName != "" {
				if b.skipDepth == 1 && info != nil && impliedEnd(b.skipName, info.name) {
					// <p hidden>…<p>: the second <p> ends the first.
					b.skipName = ""
				} else {
					if tt == xhtml.StartTagToken && nameIs(raw[1:], b.skipName) {
						b.skipDepth++
					}
					continue
				}
			}
			b.startTag(z, info, raw, tt == xhtml.SelfClosingTagToken)
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
			b.endTag(lookupTag(raw[2:]))
		}
	}
}

// impliedEnd reports whether a start tag of next ends an open element
// whose end tag may be left out (HTML's optional end tags): a block ends a
// paragraph, and an item, cell or row its like.
func impliedEnd(open, next string) bool {
	switch open {
	case "p":
		return tags[next] != nil && tags[next].block > 0 && next != "option" && next != "optgroup"
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

// lookupTag finds a tag, by its raw bytes after "<" or "</", in the table
// (nil for an inline or unknown element) without allocating.
func lookupTag(raw []byte) *tagInfo {
	name := rawName(raw)
	var buf [16]byte
	if len(name) > len(buf) {
		return nil
	}
	low := buf[:len(name)]
	for j, c := range name {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		low[j] = c
	}
	return tags[string(low)]
}

func (b *builder) startTag(z *xhtml.Tokenizer, info *tagInfo, raw []byte, selfClosing bool) {
	if info == nil {
		// An inline element (a, span, b, …) or an unknown one: no line
		// break, but it may still be hidden.
		if hasAttrs(raw) && hidden(z, raw) && !selfClosing {
			if name := strings.ToLower(string(rawName(raw[1:]))); name != "" {
				b.skipName, b.skipDepth = name, 1
			}
		}
		return
	}
	if info.skip || !info.void && hasAttrs(raw) && hidden(z, raw) {
		if !selfClosing && !info.void {
			b.skipName, b.skipDepth = info.name, 1
		}
		return
	}
	switch info.name {
	case "br":
		b.newline()
		return
	case "pre", "listing", "xmp", "plaintext":
		b.pre++
	case "form":
		if b.form == nil {
			b.form = &formMark{out: len(b.out), segs: len(b.segs), lines: len(b.lineStart),
				lineText: b.lineText, bol: b.bol, breaks: b.breaks, headings: b.headingsIn}
		}
	case "table":
		b.tables = append(b.tables, row{labelTab: -1})
	case "tr":
		b.endRow()
	case "td", "th":
		b.cell(info.name == "th")
		return
	case "dt":
		b.inDT = true
	case "dd":
		if b.joinTerm() {
			return
		}
	}
	if info.heading {
		b.headingsIn++
	}
	if info.block > 0 {
		b.owe(info.block)
	}
}

// hasAttrs reports whether a start tag's raw bytes go on after its name.
func hasAttrs(raw []byte) bool {
	n := len(rawName(raw[1:])) + 1
	return n < len(raw) && raw[n] != '>' && raw[n] != '/'
}

// hidden reports an element a reader does not see, or page chrome no
// description holds: the hidden attribute, aria-hidden="true", an inline
// style of display:none or visibility:hidden, a role of navigation or
// contentinfo (the footer), a class or id that names navigation, a menu,
// a footer or a breadcrumb trail (see chrome), or the Wayback Machine's
// toolbar (ids "wm-ipp…") when its comments are gone.
func hidden(z *xhtml.Tokenizer, raw []byte) bool {
	if !mayHide(raw) {
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
			if r := strings.ToLower(strings.TrimSpace(string(v))); r == "navigation" || r == "contentinfo" {
				return true
			}
		case "id":
			if bytes.HasPrefix(v, []byte("wm-ipp")) || chrome(string(v)) {
				return true
			}
		case "class":
			for _, c := range strings.Fields(string(v)) {
				if chrome(c) {
					return true
				}
			}
		}
	}
	return false
}

// chromeWords name page chrome in a class or an id.
var chromeWords = []string{"nav", "navbar", "navigation", "menu", "footer", "breadcrumb", "breadcrumbs"}

// chrome reports a class or id that is one of chromeWords, or starts or
// ends with one as a word ("main-nav", "footer_links", "site-menu"), in
// any case.
func chrome(name string) bool {
	n := strings.ToLower(name)
	for _, w := range chromeWords {
		if n == w {
			return true
		}
		if len(n) > len(w) {
			if strings.HasPrefix(n, w) && (n[len(w)] == '-' || n[len(w)] == '_') {
				return true
			}
			if strings.HasSuffix(n, w) && (n[len(n)-len(w)-1] == '-' || n[len(n)-len(w)-1] == '_') {
				return true
			}
		}
	}
	return false
}

// mayHide is hidden's quick test: the tag holds one of the words its
// attributes would, in any case.
func mayHide(raw []byte) bool {
	for i := 0; i < len(raw); i++ {
		switch raw[i] | 0x20 {
		case 'h':
			if hasPrefixFold(raw[i:], "hidden") {
				return true
			}
		case 'n':
			if hasPrefixFold(raw[i:], "none") || hasPrefixFold(raw[i:], "nav") {
				return true
			}
		case 'm':
			if hasPrefixFold(raw[i:], "menu") {
				return true
			}
		case 'f':
			if hasPrefixFold(raw[i:], "footer") {
				return true
			}
		case 'b':
			if hasPrefixFold(raw[i:], "breadcrumb") {
				return true
			}
		case 'c':
			if hasPrefixFold(raw[i:], "contentinfo") {
				return true
			}
		case 'w':
			if hasPrefixFold(raw[i:], "wm-ipp") {
				return true
			}
		}
	}
	return false
}

func (b *builder) endTag(info *tagInfo) {
	if info == nil {
		return
	}
	switch info.name {
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
	case "dt":
		if b.inDT {
			b.inDT, b.dtEnd = false, len(b.out)
		}
	}
	if info.block > 0 {
		b.owe(info.block)
	}
}

// joinTerm starts a <dd> right after its <dt> on the term's line, as
// "Term:value" (a definition list of labels and values reads as "Label:
// value" lines). It reports whether it did.
func (b *builder) joinTerm() bool {
	justAfter := b.inDT || b.dtEnd == len(b.out)
	b.inDT, b.dtEnd = false, -1
	if !justAfter || b.lineLen() == 0 {
		return false
	}
	term := bytes.TrimSpace(b.out[b.lineStart[len(b.lineStart)-1]:])
	if len(term) == 0 {
		return false
	}
	b.breaks, b.space = 0, false
	if term[len(term)-1] != ':' {
		b.addSeg(b.off, false)
		b.out = append(b.out, ':')
	}
	b.bol = true
	return true
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
			// Same length, so nothing moves: "Label:value" reads as "Label: value".
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
	b.lineStart = b.lineStart[:f.lines]
	b.lineText, b.breaks, b.space, b.bol = f.lineText, f.breaks, false, f.bol
	b.owe(1)
}

// lineLen is the bytes written on the current line.
func (b *builder) lineLen() int { return len(b.out) - int(b.lineStart[len(b.lineStart)-1]) }

// owe asks for n line breaks before the next text (the most asked wins,
// and none at the start of the document).
func (b *builder) owe(n int) {
	b.space = false
	if len(b.out) == 0 {
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
	b.lineText = false
	b.bol = true
	b.lineStart = append(b.lineStart, int32(len(b.out)))
}

func (b *builder) flushBreaks() {
	if b.breaks == 0 {
		return
	}
	n := b.breaks
	b.breaks = 0
	if b.lineText || b.lineLen() > 0 {
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

// sep writes a cell separator, which maps to where the cell's content
// starts, and returns its byte offset.
func (b *builder) sep(c byte) int {
	b.flushBreaks()
	b.space = false
	off := len(b.out)
	b.addSeg(b.off, false)
	b.out = append(b.out, c)
	b.bol = true
	return off
}

// addSeg records that the output from here comes from the document's byte
// src on.
func (b *builder) addSeg(src int, literal bool) {
	out := len(b.out)
	if n := len(b.segs); n > 0 {
		s := &b.segs[n-1]
		if s.literal && literal && int(s.src)+out-int(s.out) == src {
			return
		}
	}
	b.segs = append(b.segs, seg{out: int32(out), src: int32(src), literal: literal})
}

// text writes a text token, raw as in the document, that starts at byte
// off.
func (b *builder) text(raw []byte, off int) {
	for i := 0; i < len(raw); {
		c := raw[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f':
			if b.pre > 0 {
				if c == '\n' || c == '\r' {
					if c == '\r' && i+1 < len(raw) && raw[i+1] == '\n' {
						i++
					}
					b.newline()
				} else {
					b.char(raw[i:i+1], off+i, true)
				}
				i++
				continue
			}
			n := 1
			for i+n < len(raw) && (raw[i+n] == ' ' || raw[i+n] == '\t' || raw[i+n] == '\n' || raw[i+n] == '\r' || raw[i+n] == '\f') {
				n++
			}
			if !b.space && !b.bol && b.breaks == 0 {
				// One plain space stands for itself, and the literal run
				// goes on through it.
				b.space, b.spaceSrc, b.spaceLit = true, off+i, n == 1 && c == ' '
			}
			i += n
		case c == '&':
			n, dec := entity(raw[i:])
			b.chars(dec, off+i)
			i += n
		default:
			// A stretch of literal characters and single spaces between
			// them, which collapse to themselves: copied at once. It holds
			// no line end, and a space at its end is left to the white
			// space that follows.
			j := i + 1
			for j < len(raw) {
				c := raw[j]
				if stop[c] {
					break
				}
				if c == ' ' && (j+1 == len(raw) || raw[j+1] == ' ' || stop[raw[j+1]]) {
					break
				}
				j++
			}
			if mayCompose(raw[i:j]) && !norm.NFC.IsNormal(raw[i:j]) {
				b.composed(raw[i:j], off+i)
			} else {
				b.char(raw[i:j], off+i, true)
			}
			i = j
		}
	}
}

// mayCompose reports a byte that may start a character NFC composes with
// what goes before (U+0300 and up).
func mayCompose(t []byte) bool {
	for _, c := range t {
		if c >= 0xcc {
			return true
		}
	}
	return false
}

// composed writes decomposed text (from macOS, or a PDF copy) composed, as
// the text parser would compose its line, each composed character mapped
// to where its decomposed form starts.
func (b *builder) composed(t []byte, src int) {
	var it norm.Iter
	it.Init(norm.NFC, t)
	for !it.Done() {
		at := it.Pos()
		seg := it.Next()
		b.char(seg, src+at, bytes.Equal(seg, t[at:it.Pos()]))
	}
}

// stop marks the bytes that end a literal stretch of text.
var stop = [256]bool{'\t': true, '\n': true, '\r': true, '\f': true, '&': true}

// chars writes decoded reference text, which maps to the reference's start
// src. White space in it collapses like any other.
func (b *builder) chars(s string, src int) {
	for len(s) > 0 {
		c := s[0]
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') && b.pre == 0 {
			if !b.space && !b.bol && b.breaks == 0 {
				b.space, b.spaceSrc, b.spaceLit = true, src, false
			}
			s = s[1:]
			continue
		}
		if (c == '\n' || c == '\r') && b.pre > 0 {
			b.newline()
			s = s[1:]
			continue
		}
		r, n := utf8.DecodeRuneInString(s)
		if r < 0x20 && r != '\t' || r >= 0x7f && r < 0xa0 || r == 0xad || r >= 0x300 && !(r >= 0x2010 && r <= 0x2027 || r == 0x20ac) {
			// What the parser's line scan looks at (parser.suspect, safeRune).
			b.rareRefs = true
		}
		b.char([]byte(s[:n]), src, false)
		s = s[n:]
	}
}

// char writes text that starts at the document's byte src: no white space
// but single spaces between characters (any in <pre>).
func (b *builder) char(t []byte, src int, literal bool) {
	b.flushBreaks()
	if b.space {
		b.space = false
		b.addSeg(b.spaceSrc, b.spaceLit)
		b.out = append(b.out, ' ')
	}
	b.addSeg(src, literal)
	// A NUL or a lone carriage return never gets here as a line end: the
	// parser would count lines differently. (A "\r" in <pre> is a line end.)
	b.out = append(b.out, t...)
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
	if n > 2 && raw[n-1] == ';' {
		if r, ok := numericRef(raw[1 : n-1]); ok {
			return n, string(r)
		}
		if t, ok := commonRefs[string(raw[1:n-1])]; ok {
			return n, t
		}
	}
	return n, html.UnescapeString(string(raw[:n]))
}

// commonRefs are the named references of Finnish pages, looked up without
// html.UnescapeString's work; any other goes to it.
var commonRefs = map[string]string{
	"amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u00a0",
	"auml": "ä", "ouml": "ö", "aring": "å", "Auml": "Ä", "Ouml": "Ö", "Aring": "Å",
	"eacute": "é", "uuml": "ü", "Uuml": "Ü", "ndash": "–", "mdash": "—", "euro": "€",
}

// numericRef reads "#228" or "#xE4" as the character it stands for, when
// that is a plain one (printable, not a surrogate or beyond Unicode, not
// one of the C1 numbers HTML maps to Windows-1252); ok is false for any
// other, which html.UnescapeString decodes.
func numericRef(b []byte) (rune, bool) {
	if len(b) < 2 || b[0] != '#' || len(b) > 9 {
		return 0, false
	}
	b = b[1:]
	base := rune(10)
	if b[0] == 'x' || b[0] == 'X' {
		base, b = 16, b[1:]
	}
	if len(b) == 0 {
		return 0, false
	}
	var r rune
	for _, c := range b {
		var d rune
		switch {
		case c >= '0' && c <= '9':
			d = rune(c - '0')
		case base == 16 && c >= 'a' && c <= 'f':
			d = rune(c-'a') + 10
		case base == 16 && c >= 'A' && c <= 'F':
			d = rune(c-'A') + 10
		default:
			return 0, false
		}
		r = r*base + d
	}
	if r < 0x20 || r >= 0x7f && r < 0xa0 || r >= 0xd800 && r < 0xe000 || r > 0xffff {
		return 0, false
	}
	return r, true
}
