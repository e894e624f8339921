package parser

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/asectl/asectl/model"
)

// checkPositions holds every value of the model to its place: a field with
// a one-line Raw text must find it in the source at its line and column.
// Lines the parser had to change (controls removed, composed to NFC) are
// left out: their columns count the raw line (columns_test.go holds them),
// where Raw, the cleaned value, is not found as it stands.
func checkPositions(t *testing.T, text string, doc *model.Description) (checked int) {
	t.Helper()
	text = strings.TrimPrefix(strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(text), "\ufeff")
	lines := strings.Split(text, "\n")
	posType := reflect.TypeOf(model.Pos{})
	cache := map[int]*lineInfo{}
	var walk func(path string, v reflect.Value)
	walk = func(path string, v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				walk(path, v.Elem())
			}
		case reflect.Slice, reflect.Array:
			for i := 0; i < v.Len(); i++ {
				walk(path+"[]", v.Index(i))
			}
		case reflect.Map:
			for _, k := range v.MapKeys() {
				walk(path+"."+k.String(), v.MapIndex(k))
			}
		case reflect.Struct:
			raw, pos := v.FieldByName("Raw"), v.FieldByName("Pos")
			if raw.IsValid() && raw.Kind() == reflect.String && pos.IsValid() && pos.Type() == posType {
				if checkAt(t, lines, cache, path, raw.String(), pos.Interface().(model.Pos)) {
					checked++
				}
			}
			for i := 0; i < v.NumField(); i++ {
				if v.Type().Field(i).IsExported() {
					walk(path+"."+v.Type().Field(i).Name, v.Field(i))
				}
			}
		}
	}
	walk("doc", reflect.ValueOf(doc))
	return checked
}

// lineInfo is what checkAt needs of a line, found once per line: a long
// line may carry thousands of values (a list of names).
type lineInfo struct {
	text  string
	skip  bool  // changed by the parser: its columns are not the source's
	runes []int // byte offset of each character
}

func checkAt(t *testing.T, lines []string, cache map[int]*lineInfo, path, raw string, pos model.Pos) bool {
	t.Helper()
	if raw == "" || strings.ContainsAny(raw, "\n\r") || pos.Line < 1 {
		return false
	}
	if pos.Line > len(lines) {
		t.Fatalf("%s: line %d is past the file's %d lines", path, pos.Line, len(lines))
	}
	li := cache[pos.Line]
	if li == nil {
		line := lines[pos.Line-1]
		li = &lineInfo{text: line, skip: hasControl(line) || !norm.NFC.IsNormalString(line)}
		for i := range line {
			li.runes = append(li.runes, i)
		}
		cache[pos.Line] = li
	}
	if li.skip {
		return false
	}
	if pos.Col < 1 || pos.Col > len(li.runes) || !strings.HasPrefix(li.text[li.runes[pos.Col-1]:], raw) {
		t.Fatalf("%s: %q is not at %d:%d of %q", path, raw, pos.Line, pos.Col, li.text)
	}
	return true
}

func TestPositionsOfRealPages(t *testing.T) {
	files, _ := filepath.Glob("../testdata/real/*.txt")
	more, _ := filepath.Glob("../testdata/*.txt")
	for _, file := range append(files, more...) {
		src := readFile(t, file)
		res := mustParse(t, file, src)
		text, _, err := Decode(src, "auto")
		if err != nil {
			t.Fatal(err)
		}
		// Every description has at least its code, name and dates placed.
		if n := checkPositions(t, text, res.Doc); n < 5 {
			t.Errorf("%s: only %d values placed", file, n)
		}
	}
}
