package model

import (
	"reflect"
	"strings"
	"testing"
)

// valuePaths lists the JSON path of every value of a description that the
// field table must describe, with its address in d: the document's own
// keys, and below the sections' structs every value down to a field, a
// value struct (Numbered, Period, Figure, Answer) or a list.
func valuePaths(v reflect.Value, prefix string, out map[string][]reflect.Value) {
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
		if !sf.IsExported() || name == "" || name == "-" {
			continue
		}
		path := prefix + name
		fv := v.Field(i)
		switch ft := sf.Type; {
		case ft.Kind() == reflect.Struct && !valueStruct(ft):
			valuePaths(fv, path+".", out)
		default:
			out[path] = append(out[path], fv)
		}
	}
}

// valueStruct reports whether a struct type is one value of the table, not
// a group of them.
func valueStruct(t reflect.Type) bool {
	if reflect.PointerTo(t).Implements(reflect.TypeOf((*field)(nil)).Elem()) {
		return true
	}
	switch t {
	case reflect.TypeOf(Numbered{}), reflect.TypeOf(Period{}), reflect.TypeOf(Figure{}), reflect.TypeOf(Answer{}):
		return true
	}
	return false
}

// kindTypes is the Go type of each labelled kind's value.
var kindTypes = map[Kind]reflect.Type{
	KindText:     reflect.TypeOf(Text{}),
	KindStatus:   reflect.TypeOf(Text{}),
	KindEmail:    reflect.TypeOf(Text{}),
	KindFreeText: reflect.TypeOf(Text{}),
	KindNumbered: reflect.TypeOf(Numbered{}),
	KindPeriod:   reflect.TypeOf(Period{}),
	KindAmount:   reflect.TypeOf(Field[Fixed2]{}),
	KindFigure:   reflect.TypeOf(Figure{}),
	KindNames:    reflect.TypeOf([]Text{}),
	KindAnswer:   reflect.TypeOf(Answer{}),
}

// Every value of the struct has exactly one row, and the row's accessor
// points at that value; each kind is used for its type.
func TestFieldTableMatchesTheStruct(t *testing.T) {
	d := New("x")
	paths := map[string][]reflect.Value{}
	valuePaths(reflect.ValueOf(d).Elem(), "", paths)
	seen := map[string]bool{}
	for _, id := range Fields() {
		f := id.Def()
		if seen[f.Path] {
			t.Errorf("%s has two rows", f.Path)
		}
		seen[f.Path] = true
		vs := paths[f.Path]
		if len(vs) != 1 {
			t.Errorf("row %s: the struct has %d values with this path", f.Path, len(vs))
			continue
		}
		p := reflect.ValueOf(f.Get(d))
		if p.Kind() != reflect.Pointer || p.Pointer() != vs[0].Addr().Pointer() || p.Elem().Type() != vs[0].Type() {
			t.Errorf("row %s: Get does not point at its value (%v)", f.Path, p.Type())
		}
		if want, ok := kindTypes[f.Kind]; ok && vs[0].Type() != want {
			t.Errorf("row %s: kind %d is for %v, the value is %v", f.Path, f.Kind, want, vs[0].Type())
		}
		if f.Kind != KindOther && f.Section == 0 {
			t.Errorf("row %s: a value read from the text has a section", f.Path)
		}
		if f.Kind.Labelled() && k(f.Section) != SectionFields && k(f.Section) != SectionQuestions {
			t.Errorf("row %s: a labelled field in section %s, which has no labels", f.Path, f.Section)
		}
		if f.Kind == KindFreeText && (k(f.Section) != SectionText || f.Section.TextField() != id) {
			t.Errorf("row %s: free text of section %s, not a text section's one", f.Path, f.Section)
		}
		if FieldByPath(f.Path) != id {
			t.Errorf("FieldByPath(%q) = %d, want %d", f.Path, FieldByPath(f.Path), id)
		}
	}
	for p := range paths {
		if !seen[p] {
			t.Errorf("%s has no row in the field table", p)
		}
	}
	for _, s := range KnownSections() {
		if k(s) == SectionText && s.TextField() == 0 {
			t.Errorf("free-text section %s has no field", s)
		}
	}
	// Rows of a section stand together, sections in document order (a
	// section's own lists may follow its subsections'): the table's order
	// is the canonical layout's.
	last := Section(0)
	for _, id := range Fields() {
		if s := id.Section(); s != 0 && s < last && last.Parent() != s {
			t.Errorf("row %s (section %s) after section %s", id.Path(), s, last)
		} else if s != 0 {
			last = s
		}
	}
	if FieldByPath("no.such") != 0 || FieldID(0).Path() != "" || FieldID(NumFields+1).Def().Path != "" {
		t.Error("an unknown field has a row")
	}
}

func k(s Section) SectionKind { return s.Kind() }

func TestSections(t *testing.T) {
	for _, s := range KnownSections() {
		if SectionOf(s.String()) != s {
			t.Errorf("SectionOf(%q) = %d, want %d", s.String(), SectionOf(s.String()), s)
		}
		if p := s.Parent(); p != 0 && p.Kind() != SectionContainer {
			t.Errorf("the parent of %s holds no subsections", s)
		}
	}
	for _, n := range []string{"", "0", "10", "4.0", "4.", "4.3", "x", "4.1.1"} {
		if SectionOf(n) != 0 {
			t.Errorf("SectionOf(%q) = %d, want 0", n, SectionOf(n))
		}
	}
}
