package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode"
)

// The JSON Schema of the parse output (schema/parse.schema.json) is the
// struct's shape, written here, with the hand-written parts of
// schema/parse.notes.json: the document's title, the "parse" key, the
// schemas of the leaf values (text, date, euros, count) and, by Go type and
// JSON key, descriptions and constraints the struct cannot say.

const (
	schemaFile = "schema/parse.schema.json"
	notesFile  = "schema/parse.notes.json"
)

// obj is a JSON object that keeps its keys' order.
type obj []kv

type kv struct {
	k string
	v any
}

func (o obj) get(k string) (any, bool) {
	for _, e := range o {
		if e.k == k {
			return e.v, true
		}
	}
	return nil, false
}

// marshal is json.Marshal without HTML escaping (the schema is data).
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// readOrdered decodes JSON keeping the order of object keys (obj) and
// numbers as written (json.Number).
func readOrdered(d *json.Decoder) (any, error) {
	t, err := d.Token()
	if err != nil {
		return nil, err
	}
	switch t {
	case json.Delim('{'):
		var o obj
		for d.More() {
			k, err := d.Token()
			if err != nil {
				return nil, err
			}
			v, err := readOrdered(d)
			if err != nil {
				return nil, err
			}
			o = append(o, kv{k.(string), v})
		}
		_, err := d.Token()
		return o, err
	case json.Delim('['):
		a := []any{}
		for d.More() {
			v, err := readOrdered(d)
			if err != nil {
				return nil, err
			}
			a = append(a, v)
		}
		_, err := d.Token()
		return a, err
	}
	return t, nil
}

// notes are schema/parse.notes.json's parts.
type notes struct {
	top, fields, after, defs obj
	used                     map[string]bool // fields entries that matched a struct field
}

func readNotes(root string) (*notes, error) {
	b, err := os.ReadFile(filepath.Join(root, notesFile))
	if err != nil {
		return nil, err
	}
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	v, err := readOrdered(d)
	if err == nil {
		if _, err = d.Token(); err == io.EOF {
			err = nil
		} else if err == nil {
			err = fmt.Errorf("text after the object")
		}
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", notesFile, err)
	}
	o, ok := v.(obj)
	if !ok {
		return nil, fmt.Errorf("%s: not an object", notesFile)
	}
	n := &notes{used: map[string]bool{}}
	for _, part := range []struct {
		key string
		dst *obj
	}{{"top", &n.top}, {"fields", &n.fields}, {"after", &n.after}, {"defs", &n.defs}} {
		v, _ := o.get(part.key)
		p, ok := v.(obj)
		if !ok {
			return nil, fmt.Errorf("%s: %q is not an object", notesFile, part.key)
		}
		*part.dst = p
	}
	return n, nil
}

// schemaGen builds the schema from the struct types.
type schemaGen struct {
	types map[string]*structInfo
	notes *notes
	uses  map[string]int // struct type → the fields of that type (defs for more than one)
	defs  obj            // struct defs, in the order of first use
	inDef map[string]bool
}

type structInfo struct{ fields []jsonField }

func (g *gen) schema(root string) ([]byte, error) {
	n, err := readNotes(root)
	if err != nil {
		return nil, err
	}
	sg := &schemaGen{types: map[string]*structInfo{}, notes: n, uses: map[string]int{}, inDef: map[string]bool{}}
	for name, st := range g.types {
		fields, err := jsonFields(st)
		if err != nil {
			return nil, fmt.Errorf("type %s: %w", name, err)
		}
		sg.types[name] = &structInfo{fields}
	}
	sg.count("Description", map[string]bool{})
	body, err := sg.object("Description")
	if err != nil {
		return nil, err
	}
	props, _ := body.get("properties")
	required, _ := body.get("required")
	for _, e := range n.after {
		props = append(props.(obj), e)
		required = append(required.([]any), e.k)
	}
	doc := append(obj{}, n.top...)
	doc = append(doc, kv{"type", "object"}, kv{"additionalProperties", false},
		kv{"required", required}, kv{"properties", props},
		kv{"$defs", append(append(obj{}, n.defs...), sg.defs...)})
	for _, e := range n.fields {
		if !n.used[e.k] {
			return nil, fmt.Errorf("%s: %q names no field of the struct", notesFile, e.k)
		}
	}
	var b bytes.Buffer
	if err := pretty(&b, doc, ""); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

// pretty writes v as people write a schema: a list, an object that holds
// no object, or one that fits, on one line; else one key per line.
func pretty(b *bytes.Buffer, v any, indent string) error {
	line, err := oneLine(v)
	if err != nil {
		return err
	}
	o, isObj := v.(obj)
	if !isObj || len(indent)+len(line) <= 100 || flat(o) {
		b.WriteString(line)
		return nil
	}
	b.WriteString("{\n")
	for i, e := range o {
		k, err := marshal(e.k)
		if err != nil {
			return err
		}
		b.WriteString(indent + "  ")
		b.Write(k)
		b.WriteString(": ")
		if err := pretty(b, e.v, indent+"  "); err != nil {
			return err
		}
		if i < len(o)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString(indent + "}")
	return nil
}

// flat reports whether an object holds no object.
func flat(o obj) bool {
	for _, e := range o {
		if _, ok := e.v.(obj); ok {
			return false
		}
	}
	return true
}

// oneLine is v's JSON on one line, with a space after each colon and
// comma.
func oneLine(v any) (string, error) {
	switch v := v.(type) {
	case obj:
		parts := make([]string, len(v))
		for i, e := range v {
			k, err := marshal(e.k)
			if err != nil {
				return "", err
			}
			val, err := oneLine(e.v)
			if err != nil {
				return "", err
			}
			parts[i] = string(k) + ": " + val
		}
		return "{" + strings.Join(parts, ", ") + "}", nil
	case []any:
		parts := make([]string, len(v))
		for i, x := range v {
			s, err := oneLine(x)
			if err != nil {
				return "", err
			}
			parts[i] = s
		}
		return "[" + strings.Join(parts, ", ") + "]", nil
	}
	b, err := marshal(v)
	return string(b), err
}

// count counts the fields of each struct type reachable from t.
func (sg *schemaGen) count(t string, seen map[string]bool) {
	if seen[t] {
		return
	}
	seen[t] = true
	for _, f := range sg.types[t].fields {
		elem := strings.TrimPrefix(f.typ, "[]")
		if sg.types[elem] != nil {
			sg.uses[elem]++
			sg.count(elem, seen)
		}
	}
}

// object is the inline schema of struct type t.
func (sg *schemaGen) object(t string) (obj, error) {
	info := sg.types[t]
	if info == nil {
		return nil, fmt.Errorf("type %s: not a struct of package model", t)
	}
	required := []any{}
	var props obj
	for _, f := range info.fields {
		node, err := sg.field(t, f)
		if err != nil {
			return nil, err
		}
		required = append(required, f.key)
		props = append(props, kv{f.key, node})
	}
	return obj{{"type", "object"}, {"additionalProperties", false}, {"required", required}, {"properties", props}}, nil
}

// field is the schema of one field: the notes' entry, or its type's
// schema with the notes' description.
func (sg *schemaGen) field(t string, f jsonField) (any, error) {
	key := t + "." + f.key
	note, hasNote := sg.notes.fields.get(key)
	if hasNote {
		sg.notes.used[key] = true
		o, ok := note.(obj)
		if !ok {
			return nil, fmt.Errorf("%s: %q is not an object", notesFile, key)
		}
		if len(o) != 1 || o[0].k != "description" {
			return o, nil // it says it all
		}
	}
	node, err := sg.node(f.typ, f.schemaDef)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", key, err)
	}
	if hasNote {
		// The description after the type, before what the type holds.
		node = append(append(append(obj{}, node[0]), note.(obj)...), node[1:]...)
	}
	return node, nil
}

// leafSchemas are the schemas of the leaf types.
var leafSchemas = map[string]obj{
	"string":        {{"type", "string"}},
	"int":           {{"type", "integer"}},
	"bool":          {{"type", "boolean"}},
	"Text":          {{"$ref", "#/$defs/text"}},
	"Field[string]": {{"$ref", "#/$defs/text"}},
	"Field[Date]":   {{"$ref", "#/$defs/date"}},
	"Field[Fixed2]": {{"$ref", "#/$defs/euros"}},
	"Field[int]":    {{"type", []any{"integer", "null"}}},
	"Field[bool]":   {{"type", []any{"boolean", "null"}}},
	"CriterionRef":  {{"type", []any{"integer", "null"}}},
}

// node is the schema of a value of type t; def (a struct tag
// schema:"NAME") names a leaf schema of the notes' defs instead.
func (sg *schemaGen) node(t, def string) (obj, error) {
	if def != "" {
		if _, ok := sg.notes.defs.get(def); !ok {
			return nil, fmt.Errorf("schema:%q is not a def of %s", def, notesFile)
		}
		return obj{{"$ref", "#/$defs/" + def}}, nil
	}
	if s, ok := leafSchemas[t]; ok {
		return s, nil
	}
	if elem, ok := strings.CutPrefix(t, "[]"); ok {
		items := obj{{"type", "string"}} // a list's names are never null
		if elem != "Text" {
			var err error
			if items, err = sg.node(elem, ""); err != nil {
				return nil, err
			}
		}
		return obj{{"type", "array"}, {"items", items}}, nil
	}
	if sg.types[t] == nil {
		return nil, fmt.Errorf("type %s: no schema (add it to fieldgen's leafSchemas)", t)
	}
	if sg.uses[t] < 2 {
		return sg.object(t)
	}
	name := snake(t)
	if !sg.inDef[t] {
		sg.inDef[t] = true
		body, err := sg.object(t)
		if err != nil {
			return nil, err
		}
		sg.defs = append(sg.defs, kv{name, body})
	}
	return obj{{"$ref", "#/$defs/" + name}}, nil
}

// snake is a Go type name in snake case: OtherIndicator → other_indicator.
func snake(s string) string {
	var b strings.Builder
	for i, r := range s {
		if unicode.IsUpper(r) {
			if i > 0 {
				b.WriteByte('_')
			}
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}
