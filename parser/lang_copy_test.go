package parser_test

import (
	"bytes"
	"os"
	"reflect"
	"testing"

	"github.com/asectl/asectl/format"
	"github.com/asectl/asectl/parser"
)

// TestLanguagesAreCopies: the label tables Languages and LanguageByCode
// hand out are the caller's own: editing one changes no later parse or
// canonical layout (regression: they were the parser's own tables, so
// LanguageByCode("fi").Period.Start = "X" made every later period null,
// and an edit of Print.Labels changed asectl fmt's output in the process).
func TestLanguagesAreCopies(t *testing.T) {
	src, err := os.ReadFile("../testdata/A72213.txt")
	if err != nil {
		t.Fatal(err)
	}
	out := func() []byte {
		res, err := parser.Parse("A72213.txt", src, parser.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return append(res.Doc.AppendJSON(nil), format.Render(res.Doc)...)
	}
	before := out()
	for _, l := range append(parser.Languages(), parser.LanguageByCode("fi"), parser.LanguageByCode("en")) {
		clear(l.Banner)
		for k := range l.Headers {
			l.Headers[k][0] = "H"
		}
		for k := range l.Sections {
			l.Sections[k] = "S"
		}
		for _, fs := range l.Fields {
			for k := range fs {
				fs[k] = "applicant.name"
			}
		}
		clear(l.Lists)
		clear(l.SiteHeading)
		l.Period.Start, l.Period.And, l.Period.End = "X", "X", "X"
		clear(l.Statuses)
		for k := range l.Answers {
			l.Answers[k] = !l.Answers[k]
		}
		clear(l.Women)
		l.WomenOther = "W"
		clear(l.ScoreHeader)
		for i := range l.Sustainability {
			l.Sustainability[i].Group = "G"
			clear(l.Sustainability[i].Criteria)
		}
		for k := range l.Print.Labels {
			l.Print.Labels[k] = "L"
		}
		clear(l.Print.Headings)
		l.Print.Banner = "B"
		l.Code = "zz"
	}
	if after := out(); !bytes.Equal(before, after) {
		t.Errorf("editing the tables Languages and LanguageByCode returned changed a later parse or layout")
	}
	if parser.LanguageByCode("fi") == nil {
		t.Errorf("LanguageByCode(\"fi\") is nil after a copy's code was changed")
	}
	// Every map and slice a table exports is its own, also in a new field.
	a, b := parser.LanguageByCode("fi"), parser.LanguageByCode("fi")
	sharedParts(t, "Language", reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem())
}

// sharedParts reports every map or slice that a and b (equal values) share.
func sharedParts(t *testing.T, path string, a, b reflect.Value) {
	switch a.Kind() {
	case reflect.Struct:
		for i := range a.NumField() {
			if a.Type().Field(i).IsExported() {
				sharedParts(t, path+"."+a.Type().Field(i).Name, a.Field(i), b.Field(i))
			}
		}
	case reflect.Map:
		if a.Len() > 0 && a.UnsafePointer() == b.UnsafePointer() {
			t.Errorf("%s is shared", path)
		}
		for _, k := range a.MapKeys() {
			sharedParts(t, path+"["+k.String()+"]", a.MapIndex(k), b.MapIndex(k))
		}
	case reflect.Slice:
		if a.Len() > 0 && a.UnsafePointer() == b.UnsafePointer() {
			t.Errorf("%s is shared", path)
		}
		for i := range a.Len() {
			sharedParts(t, path+"[]", a.Index(i), b.Index(i))
		}
	}
}
