// Command fieldgen writes what follows the description's struct:
// model/json_gen.go, the JSON encoder of model.Description (no reflection:
// batches spend most of their output time there) and the walk over its
// fields behind "parse.unread"; schema/parse.schema.json, the JSON
// Schema of that output (see schema.go); and, from the struct tags,
// model/fields_gen.go, the field table, and internal/i18n/fields_gen.go,
// the Finnish names of the required fields (see table.go).
//
// It reads the struct from model's source with go/ast, not by importing
// model, so that it runs however stale the generated file is. Run it with
// `go generate ./...` (model/gen.go) after changing the struct; a test here
// fails while a generated file is not current.
package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
)

func main() {
	root, err := repoRoot()
	if err == nil {
		var files map[string][]byte
		if files, err = generate(root); err == nil {
			for name, b := range files {
				if err = os.WriteFile(filepath.Join(root, name), b, 0o644); err != nil {
					break
				}
			}
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "fieldgen:", err)
		os.Exit(1)
	}
}

// repoRoot is the directory of go.mod, from the working directory up.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		up := filepath.Dir(dir)
		if up == dir {
			return "", fmt.Errorf("no go.mod above the working directory")
		}
		dir = up
	}
}

// genFile is the encoder's file, relative to the repository's root.
const genFile = "model/json_gen.go"

// generate returns the generated files' contents by their paths relative
// to root.
func generate(root string) (map[string][]byte, error) {
	types, err := structTypes(filepath.Join(root, "model"))
	if err != nil {
		return nil, err
	}
	g := &gen{types: types, done: map[string]bool{}}
	src, err := g.file()
	if err != nil {
		return nil, err
	}
	sch, err := g.schema(root)
	if err != nil {
		return nil, err
	}
	rows, err := g.rows()
	if err != nil {
		return nil, err
	}
	tbl, err := g.table(rows)
	if err != nil {
		return nil, err
	}
	fi, err := names(rows)
	if err != nil {
		return nil, err
	}
	return map[string][]byte{genFile: src, schemaFile: sch, tableFile: tbl, namesFile: fi}, nil
}

// structTypes reads model's struct declarations (not the tests', not the
// generated file's).
func structTypes(dir string) (map[string]*ast.StructType, error) {
	fset := token.NewFileSet()
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	out := map[string]*ast.StructType{}
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") || strings.HasSuffix(name, "_gen.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.TYPE {
				continue
			}
			for _, spec := range gd.Specs {
				ts := spec.(*ast.TypeSpec)
				if st, ok := ts.Type.(*ast.StructType); ok && ts.TypeParams == nil {
					out[ts.Name.Name] = st
				}
			}
		}
	}
	if out["Description"] == nil {
		return nil, fmt.Errorf("%s: no type Description", dir)
	}
	return out, nil
}

// jsonField is a struct field that has a JSON key.
type jsonField struct {
	goName, key string
	typ         string // the type as written: "Text", "Field[Fixed2]", "[]Score"
	nullEmpty   bool   // a string written as null when empty (gen:"null-if-empty")
	schemaDef   string // schema:"NAME": the schema's leaf def NAME instead of the type's
	tag         reflect.StructTag
}

// jsonFields lists a struct's fields with a JSON key, in order.
func jsonFields(st *ast.StructType) ([]jsonField, error) {
	var out []jsonField
	for _, f := range st.Fields.List {
		if f.Tag == nil {
			continue
		}
		tag, err := strconv.Unquote(f.Tag.Value)
		if err != nil {
			return nil, err
		}
		st := reflect.StructTag(tag)
		key, _, _ := strings.Cut(st.Get("json"), ",")
		if key == "" || key == "-" {
			continue
		}
		if len(f.Names) != 1 {
			return nil, fmt.Errorf("field %q: one name per JSON field", key)
		}
		out = append(out, jsonField{goName: f.Names[0].Name, key: key, typ: typeString(f.Type),
			nullEmpty: st.Get("gen") == "null-if-empty", schemaDef: st.Get("schema"), tag: st})
	}
	return out, nil
}

func typeString(e ast.Expr) string {
	switch t := e.(type) {
	case *ast.Ident:
		return t.Name
	case *ast.ArrayType:
		if t.Len == nil {
			return "[]" + typeString(t.Elt)
		}
	case *ast.IndexExpr:
		return typeString(t.X) + "[" + typeString(t.Index) + "]"
	}
	return fmt.Sprintf("%T", e) // unsupported: reported by the writer
}

// leaves are the types written by a helper of model/json.go: how to write
// one, and whether it is a Field (its walk reports it).
var leaves = map[string]struct {
	write string // format with the value's expression
	field bool
}{
	"int":           {"strconv.AppendInt(dst, int64(%s), 10)", false},
	"bool":          {"strconv.AppendBool(dst, %s)", false},
	"string":        {"appendString(dst, %s)", false},
	"CriterionRef":  {"appendRef(dst, %s)", false},
	"Text":          {"appendText(dst, %s)", true},
	"Field[string]": {"appendText(dst, %s)", true},
	"Field[Fixed2]": {"appendFixed(dst, %s)", true},
	"Field[Date]":   {"appendDate(dst, %s)", true},
	"Field[int]":    {"appendInt(dst, %s)", true},
	"Field[bool]":   {"appendBool(dst, %s)", true},
}

type gen struct {
	types map[string]*ast.StructType
	done  map[string]bool
	todo  []string // struct and list types whose functions are still to write
	enc   bytes.Buffer
	walk  bytes.Buffer
}

func (g *gen) file() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(`// Code generated by internal/fieldgen from the struct of description.go; DO NOT EDIT.

package model

import "strconv"

// appendValues writes the document up to its last value, without the
// closing brace (AppendJSON adds "parse").
func (d *Description) appendValues(dst []byte) []byte {
	return appendJSONDescriptionOpen(dst, d)
}

// eachField calls fn with the JSON path of every Field of the values: all
// of them, or (all false) only those Present but not Valid, the unread
// ones. A path is built only for a field fn is called for.
func (d *Description) eachField(all bool, fn func(path string, f field)) {
	var buf [64]byte
	walkJSONDescription(d, buf[:0], all, fn)
}
`)
	g.todo = []string{"Description"}
	for len(g.todo) > 0 {
		t := g.todo[0]
		g.todo = g.todo[1:]
		if err := g.typeFuncs(t); err != nil {
			return nil, err
		}
	}
	b.Write(g.enc.Bytes())
	b.Write(g.walk.Bytes())
	return format.Source(b.Bytes())
}

func (g *gen) need(t string) {
	if !g.done[t] {
		g.done[t] = true
		g.todo = append(g.todo, t)
	}
}

// funcName is the suffix of the functions for a struct or list type.
func funcName(t string) string {
	if elem, ok := strings.CutPrefix(t, "[]"); ok {
		return strings.NewReplacer("[", "", "]", "").Replace(elem) + "List"
	}
	return t
}

// typeFuncs writes the encoder and the walk of one struct or list type.
func (g *gen) typeFuncs(t string) error {
	name := funcName(t)
	if elem, ok := strings.CutPrefix(t, "[]"); ok {
		write, isField, err := g.writer(elem, "vs[i]", "&vs[i]")
		if err != nil {
			return err
		}
		fmt.Fprintf(&g.enc, `
func appendJSON%[1]s(dst []byte, vs %[2]s) []byte {
	if vs == nil {
		return append(dst, "null"...)
	}
	dst = append(dst, '[')
	for i := range vs {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = %[3]s
	}
	return append(dst, ']')
}
`, name, t, write)
		if !g.holdsFields(elem) {
			return nil
		}
		fmt.Fprintf(&g.walk, `
func walkJSON%[1]s(vs %[2]s, path []byte, all bool, fn func(string, field)) {
	for i := range vs {
		p := append(strconv.AppendInt(append(path, '['), int64(i), 10), ']')
`, name, t)
		switch {
		case isField:
			g.walk.WriteString("\t\tif f := &vs[i]; all || f.Present && !f.Valid {\n\t\t\tfn(string(p), f)\n\t\t}\n")
		case g.types[elem] != nil:
			fmt.Fprintf(&g.walk, "\t\twalkJSON%s(&vs[i], append(p, '.'), all, fn)\n", funcName(elem))
		}
		g.walk.WriteString("\t}\n}\n")
		return nil
	}
	st := g.types[t]
	if st == nil {
		return fmt.Errorf("type %s: not a struct of package model", t)
	}
	fields, err := jsonFields(st)
	if err != nil {
		return fmt.Errorf("type %s: %w", t, err)
	}
	if len(fields) == 0 {
		return fmt.Errorf("type %s has no JSON fields", t)
	}
	open := ""
	if t == "Description" {
		open = "Open" // AppendJSON closes it after "parse"
	}
	// The walk of a type with no Field would never be called.
	var walk bytes.Buffer
	fmt.Fprintf(&g.enc, "\nfunc appendJSON%s%s(dst []byte, v *%s) []byte {\n", name, open, t)
	fmt.Fprintf(&walk, "\nfunc walkJSON%s(v *%s, path []byte, all bool, fn func(string, field)) {\n", name, t)
	sep := "{"
	for _, f := range fields {
		fmt.Fprintf(&g.enc, "\tdst = append(dst, `%s\"%s\":`...)\n", sep, f.key)
		sep = ","
		val, ref := "v."+f.goName, "&v."+f.goName
		if f.nullEmpty {
			if f.typ != "string" {
				return fmt.Errorf("%s.%s: null-if-empty is for strings", t, f.goName)
			}
			fmt.Fprintf(&g.enc, "\tif %s == \"\" {\n\t\tdst = append(dst, \"null\"...)\n\t} else {\n\t\tdst = appendString(dst, %s)\n\t}\n", val, val)
			continue
		}
		write, isField, err := g.writer(f.typ, val, ref)
		if err != nil {
			return fmt.Errorf("%s.%s: %w", t, f.goName, err)
		}
		fmt.Fprintf(&g.enc, "\tdst = %s\n", write)
		switch {
		case isField:
			fmt.Fprintf(&walk, "\tif f := %s; all || f.Present && !f.Valid {\n\t\tfn(string(append(path, %q...)), f)\n\t}\n", ref, f.key)
		case strings.HasPrefix(f.typ, "[]"):
			if g.holdsFields(strings.TrimPrefix(f.typ, "[]")) {
				fmt.Fprintf(&walk, "\twalkJSON%s(%s, append(path, %q...), all, fn)\n", funcName(f.typ), val, f.key)
			}
		case g.types[f.typ] != nil:
			if g.holdsFields(f.typ) {
				fmt.Fprintf(&walk, "\twalkJSON%s(%s, append(path, %q...), all, fn)\n", funcName(f.typ), ref, f.key+".")
			}
		}
	}
	if open == "" {
		g.enc.WriteString("\treturn append(dst, '}')\n}\n")
	} else {
		g.enc.WriteString("\treturn dst\n}\n")
	}
	walk.WriteString("}\n")
	if g.holdsFields(t) {
		g.walk.Write(walk.Bytes())
	}
	return nil
}

// writer is the expression that writes a value of type t (val, its
// address ref); isField reports a Field.
func (g *gen) writer(t, val, ref string) (write string, isField bool, err error) {
	if l, ok := leaves[t]; ok {
		return fmt.Sprintf(l.write, val), l.field, nil
	}
	if strings.HasPrefix(t, "[]") {
		g.need(t)
		return fmt.Sprintf("appendJSON%s(dst, %s)", funcName(t), val), false, nil
	}
	if g.types[t] != nil {
		g.need(t)
		return fmt.Sprintf("appendJSON%s(dst, %s)", funcName(t), ref), false, nil
	}
	return "", false, fmt.Errorf("type %s: no JSON writer (add it to fieldgen's leaves, or make it a struct of package model)", t)
}

// holdsFields reports whether a type holds a Field somewhere (else its walk
// is left out).
func (g *gen) holdsFields(t string) bool {
	if l, ok := leaves[t]; ok {
		return l.field
	}
	if elem, ok := strings.CutPrefix(t, "[]"); ok {
		return g.holdsFields(elem)
	}
	st := g.types[t]
	if st == nil {
		return false
	}
	fields, err := jsonFields(st)
	if err != nil {
		return false
	}
	for _, f := range fields {
		if g.holdsFields(f.typ) {
			return true
		}
	}
	return false
}
