package cli

import (
	"bytes"
	"encoding/json"
	"reflect"

	"github.com/asectl/asectl/model"
)

// bigList is at least how many items a list of one document must have to
// be decoded on its own (decodeBigLists).
var bigList = 1 << 14 // a variable for the tests

// decodeBigLists decodes one document (src, an object that json.Valid
// accepts) whose long lists are decoded first into slices made to their
// size: encoding/json grows a slice as it goes, the old array live beside
// the new one, so 900,000 municipalities (56 bytes each) peaked at 90 MB
// for a 50 MB list. Each list so decoded is blanked in src (spaces, its
// line ends kept, so that every other value's line stays where it was)
// before the rest is decoded, then set into the document. ok is false
// when there is no such list, or one cannot be decoded on its own: src is
// then as it was, for the usual way and its located errors. When ok is
// true, src is changed and err is the rest's decoding error.
func decodeBigLists(src []byte) (d *model.Description, ok bool, err error) {
	type list struct {
		path       string
		start, end int
		v          reflect.Value
	}
	var lists []list
	for _, a := range longArrays(src, bigList) {
		id := model.FieldByPath(a.path)
		// An unread item of the list ("parse.unread") is marked on the
		// list the document decodes: such a list is left to it.
		if id == 0 || bytes.Contains(src, []byte(`"`+a.path+`[`)) {
			continue
		}
		t := reflect.TypeOf(id.In(&model.Description{}))
		if t.Kind() != reflect.Pointer || t.Elem().Kind() != reflect.Slice {
			continue
		}
		p := reflect.New(t.Elem())
		p.Elem().Set(reflect.MakeSlice(t.Elem(), 0, a.n))
		if json.Unmarshal(src[a.start:a.end], p.Interface()) != nil {
			return nil, false, nil
		}
		lists = append(lists, list{a.path, a.start, a.end, p.Elem()})
	}
	if len(lists) == 0 {
		return nil, false, nil
	}
	for _, l := range lists {
		// Its brackets stay; what is between them becomes white space.
		b := src[l.start+1 : l.end-1]
		for i := range b {
			if b[i] != '\n' {
				b[i] = ' '
			}
		}
	}
	if err := json.Unmarshal(src, &d); err != nil {
		return nil, true, err
	}
	if d != nil {
		for _, l := range lists {
			reflect.ValueOf(model.FieldByPath(l.path).In(d)).Elem().Set(l.v)
		}
	}
	return d, true, nil
}

// longArray is an array of at least some number of items in a JSON
// document, reached through object keys only.
type longArray struct {
	path       string // "area.municipalities"
	start, end int    // its bytes, brackets included
	n          int    // its items
}

// longArrays finds the arrays of at least min items in valid JSON whose
// path runs through objects only (an array inside an array is not one).
func longArrays(src []byte, min int) []longArray {
	var out []longArray
	type frame struct {
		array bool
		path  string
		start int
		n     int
		key   string // an object's last key
	}
	var stack []frame
	inString, esc := false, false
	strStart := 0
	for i := 0; i < len(src); i++ {
		c := src[i]
		if inString {
			switch {
			case esc:
				esc = false
			case c == '\\':
				esc = true
			case c == '"':
				inString = false
				if n := len(stack); n > 0 && !stack[n-1].array && isKey(src, i+1) {
					var k string
					if json.Unmarshal(src[strStart:i+1], &k) == nil {
						stack[n-1].key = k
					}
				}
			}
			continue
		}
		n := len(stack)
		if n > 0 && stack[n-1].array && stack[n-1].n == 0 && c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != ']' {
			stack[n-1].n = 1 // the first item
		}
		switch c {
		case '"':
			inString, strStart = true, i
		case '{', '[':
			path, reachable := "", true
			if n > 0 {
				top := stack[n-1]
				reachable = !top.array && top.path != "\x00"
				path = top.key
				if top.path != "" {
					path = top.path + "." + top.key
				}
			}
			if !reachable {
				path = "\x00" // under an array: not a field path
			}
			stack = append(stack, frame{array: c == '[', path: path, start: i})
		case ',':
			if n > 0 && stack[n-1].array {
				stack[n-1].n++
			}
		case '}', ']':
			if n == 0 {
				return out
			}
			top := stack[n-1]
			stack = stack[:n-1]
			if top.array && top.path != "\x00" && top.n >= min {
				out = append(out, longArray{top.path, top.start, i + 1, top.n})
			}
		}
	}
	return out
}

// isKey reports whether the string ending before src[i] is an object key:
// a colon follows it.
func isKey(src []byte, i int) bool {
	for ; i < len(src); i++ {
		switch src[i] {
		case ' ', '\t', '\r', '\n':
			continue
		case ':':
			return true
		}
		return false
	}
	return false
}
