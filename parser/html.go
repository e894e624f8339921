package parser

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"

	"github.com/asectl/asectl/htmltext"
	"github.com/asectl/asectl/model"
)

// isHTML decides whether decoded input is an HTML page: by its content
// (htmltext.Sniff, or an <html> tag or HTML doctype near the top), or by a
// name ending in .html or .htm when it holds some markup.
func isHTML(source, text string) bool {
	if htmltext.Sniff(text) {
		return true
	}
	if i := strings.LastIndexByte(source, '.'); i >= 0 && (strings.EqualFold(source[i:], ".html") || strings.EqualFold(source[i:], ".htm")) {
		return htmltext.HasMarkup(text)
	}
	if strings.IndexByte(text[:min(len(text), 2048)], '<') < 0 {
		return false // the common case, found fast
	}
	head := strings.ToLower(text[:min(len(text), 2048)])
	return strings.Contains(head, "<html") || strings.Contains(head, "<!doctype html")
}

// parseHTML reads an HTML page: its charset, then the text a reader sees,
// parsed as a text copy, with every position moved back into the page.
func parseHTML(source string, src []byte, text, enc string, clean bool, opt Options) (*Result, error) {
	auto := opt.Encoding == "" || strings.EqualFold(opt.Encoding, "auto")
	if auto && enc == "windows-1252" {
		// The bytes are not UTF-8 and carry no BOM: the page's own
		// declaration, if any, names the charset. (Bytes that are valid
		// UTF-8 are read as UTF-8 whatever a page declares: a copy
		// re-encoded on saving often keeps its old declaration.)
		if label := htmltext.Charset(src); label != "" {
			e, name, err := pageCharset(label)
			if errors.Is(err, errCharsetNotRead) {
				return nil, fmt.Errorf("%w: %v", ErrEncoding, err)
			}
			if err == nil && name != "utf-8" && name != enc {
				if out, err := e.NewDecoder().Bytes(src); err == nil {
					text, enc, clean = string(out), name, false
				}
			}
		}
	}
	t := htmltext.Extract(text)
	langs := tables(opt.Languages)
	// Clean input stays clean unless a reference brought in a character
	// the line scan must look at.
	res, err := parseText(source, labelCells(t.Text, langs), enc, clean && t.PlainRefs, opt.Languages)
	if err != nil {
		if reason, ok := NotDescriptionReason(err); ok && (reason == reasonNoLabel || reason == reasonEmpty || reason == reasonBlank) {
			return nil, fmt.Errorf("%w: %s", ErrNotDescription, reasonHTMLNoLabel)
		}
		return nil, err
	}
	remapPositions(res, t.Source)
	res.HTML = true
	return res, nil
}

const (
	reasonEmpty       = "the file is empty"
	reasonBlank       = "the file holds only white space"
	reasonNoLabel     = "no known heading, header line or field label was found"
	reasonHTMLNoLabel = "an HTML page whose text holds no known heading, header line or field label (an error page, a login page or another page of the site?)"
)

// lineNum is a line number in a message's arguments, so that it can be
// moved with the positions.
type lineNum int

var posType = reflect.TypeOf(model.Pos{})

// remapPositions moves every position of a result, and line numbers in its
// messages, through f.
func remapPositions(res *Result, f func(line, col int) (int, int)) {
	mapPos := func(p model.Pos) model.Pos {
		if p.Line <= 0 {
			return p
		}
		p.Line, p.Col = f(p.Line, p.Col)
		return p
	}
	remapValue(reflect.ValueOf(res.Doc).Elem(), mapPos)
	for i := range res.Problems {
		pr := &res.Problems[i]
		pr.Pos = mapPos(pr.Pos)
		for j, a := range pr.Msg.Args {
			if n, ok := a.(lineNum); ok {
				pr.Msg.Args[j] = lineNum(mapPos(model.Pos{Line: int(n), Col: 1}).Line)
			}
		}
	}
	sortProblems(res.Problems)
}

// remapValue walks the model for its positions. Reflection keeps it right
// whatever fields the model gains; each struct type's fields that hold a
// position are found once (posFields), so the walk skips the rest.
func remapValue(v reflect.Value, f func(model.Pos) model.Pos) {
	switch v.Kind() {
	case reflect.Struct:
		if v.Type() == posType {
			p := (*model.Pos)(v.Addr().UnsafePointer())
			*p = f(*p)
			return
		}
		for _, i := range posFields(v.Type()) {
			remapValue(v.Field(i), f)
		}
	case reflect.Pointer:
		if !v.IsNil() {
			remapValue(v.Elem(), f)
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			remapValue(v.Index(i), f)
		}
	case reflect.Map:
		if !hasPos(v.Type().Elem()) {
			return
		}
		iter := v.MapRange()
		type kv struct{ k, v reflect.Value }
		var all []kv
		for iter.Next() {
			e := reflect.New(v.Type().Elem()).Elem()
			e.Set(iter.Value())
			remapValue(e, f)
			all = append(all, kv{iter.Key(), e})
		}
		for _, x := range all {
			v.SetMapIndex(x.k, x.v)
		}
	}
}

var posFieldCache sync.Map // reflect.Type → []int

// posFields lists the exported fields of a struct type that hold a position.
func posFields(t reflect.Type) []int {
	if v, ok := posFieldCache.Load(t); ok {
		return v.([]int)
	}
	var out []int
	for i := 0; i < t.NumField(); i++ {
		if t.Field(i).IsExported() && hasPos(t.Field(i).Type) {
			out = append(out, i)
		}
	}
	posFieldCache.Store(t, out)
	return out
}

// hasPos reports whether a type holds a position.
func hasPos(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Struct:
		if t == posType {
			return true
		}
		for i := 0; i < t.NumField(); i++ {
			if t.Field(i).IsExported() && hasPos(t.Field(i).Type) {
				return true
			}
		}
	case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map:
		return hasPos(t.Elem())
	}
	return false
}

// IsDescription reports whether src — a file's or an HTTP response's body,
// text or HTML — is a description asectl can read, and if not, why
// ("an HTML page whose text holds no known heading …", "the file is
// empty", "this is a 2007–2013 programme page …"). It is Parse without the
// result, for a downloader that must tell a description from an error or
// login page before it saves one.
func IsDescription(src []byte, opt Options) (ok bool, reason string) {
	_, err := Parse("", src, opt)
	if err == nil {
		return true, ""
	}
	if r, isNot := NotDescriptionReason(err); isNot {
		return false, r
	}
	return false, err.Error() // ErrEncoding: a forced encoding that does not fit
}

// labelCells reads a table row of two data cells whose first holds a known
// field label ("Hankekoodi\tA72213", from <td>Hankekoodi</td><td>A72213</td>,
// the commonest layout of a 2016 server page) as "Hankekoodi:A72213", as
// htmltext already reads a row of a <th> and a <td>. htmltext cannot tell a
// label cell from a data cell; the label tables can. The colon takes the
// tab's byte, so every position stays where htmltext mapped it. text is
// returned as it is when no line changes.
func labelCells(text string, langs []*Language) string {
	if strings.IndexByte(text, '\t') < 0 {
		return text
	}
	f := &folder{langs: langs}
	var out []byte
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		line := text[start:end]
		if tab := strings.IndexByte(line, '\t'); tab > 0 && strings.IndexByte(line[tab+1:], '\t') < 0 {
			label := strings.TrimSpace(line[:tab])
			if label != "" && !strings.HasSuffix(label, ":") && isFieldLabel(f, label) {
				if out == nil {
					out = []byte(text)
				}
				out[start+tab] = ':'
			}
		}
		start = end + 1
	}
	if out == nil {
		return text
	}
	return string(out)
}

// isFieldLabel reports whether label is a field label in any of langs.
func isFieldLabel(f *folder, label string) bool {
	key := f.fold(label)
	if key == "" {
		return false
	}
	for _, l := range f.langs {
		if l.labels[key] {
			return true
		}
	}
	return false
}
