package main

// The field table (model/fields_gen.go) and the Finnish names of the
// required fields (internal/i18n/fields_gen.go), from the struct tags of
// model/description.go. A row is a JSON value of the struct: a field with
// a kind tag, or one with no kind whose type is not a group (a list, a
// Text, an int …); a group (a struct such as Project or Address) gives
// its fields' rows. The tags:
//
//	section:"4.1"    the section of the field and of everything inside it
//	kind:"amount"    how the value is read and written (kinds below);
//	                 none: not read from a label (model.KindOther)
//	csv:"a,b"        the row's CSV column(s); on a group, a prefix for
//	                 its rows' columns; csv:"-" on a group: none of them
//	required:"…"     the field is required: its name in the missing-field
//	required_fi:"…"  messages, in English and in Finnish
//	after:"a.b"      in the canonical layout the row follows row a.b, not
//	                 its place in the struct
//
// The rows are in struct order, but for those moved by after: the
// canonical layout's order. The JSON keys keep the struct's order.

import (
	"bytes"
	"fmt"
	"go/format"
	"slices"
	"sort"
	"strings"
)

const (
	tableFile = "model/fields_gen.go"
	namesFile = "internal/i18n/fields_gen.go"
)

// kinds maps a kind tag to model's constant and the Go type of its value.
var kinds = map[string]struct{ name, typ string }{
	"text":     {"KindText", "Text"},
	"status":   {"KindStatus", "Text"},
	"email":    {"KindEmail", "Text"},
	"numbered": {"KindNumbered", "Numbered"},
	"period":   {"KindPeriod", "Period"},
	"amount":   {"KindAmount", "Field[Fixed2]"},
	"figure":   {"KindFigure", "Figure"},
	"names":    {"KindNames", "[]Text"},
	"answer":   {"KindAnswer", "Answer"},
	"freetext": {"KindFreeText", "Text"},
}

// row is one row of the table.
type row struct {
	path       string // JSON path: "applicant.address.street"
	goPath     string // Go selector below the description: ".Applicant.Address.Street"
	section    string // as printed, "" for none
	kind       string // model's constant, "" for KindOther
	csv        string
	required   string
	requiredFi string
	after      string
}

// group holds what a group's tags pass down to its rows.
type group struct {
	path, goPath, section, csvPrefix string
	noCSV                            bool
}

// rows lists the table's rows in the canonical layout's order.
func (g *gen) rows() ([]row, error) {
	var rows []row
	if err := g.groupRows("Description", group{}, &rows); err != nil {
		return nil, err
	}
	// The rows with after go just behind theirs (several behind one row
	// keep their struct order).
	var out, moved []row
	for _, r := range rows {
		if r.after == "" {
			out = append(out, r)
		} else {
			moved = append(moved, r)
		}
	}
	behind := map[string]int{} // rows already placed behind a row
	for _, r := range moved {
		j := slices.IndexFunc(out, func(o row) bool { return o.path == r.after })
		if j < 0 {
			return nil, fmt.Errorf("%s: after:%q names no row", r.path, r.after)
		}
		out = slices.Insert(out, j+1+behind[r.after], r)
		behind[r.after]++
	}
	return out, nil
}

func (g *gen) groupRows(t string, in group, out *[]row) error {
	fields, err := jsonFields(g.types[t])
	if err != nil {
		return fmt.Errorf("type %s: %w", t, err)
	}
	for _, f := range fields {
		where := t + "." + f.goName
		r := row{path: in.path + f.key, goPath: in.goPath + "." + f.goName, section: in.section,
			csv: f.tag.Get("csv"), required: f.tag.Get("required"), requiredFi: f.tag.Get("required_fi"),
			after: f.tag.Get("after")}
		if s := f.tag.Get("section"); s != "" {
			r.section = s
		}
		kind := f.tag.Get("kind")
		if kind == "" && g.isGroup(f.typ) {
			if r.required != "" || r.requiredFi != "" || r.after != "" {
				return fmt.Errorf("%s: required, required_fi and after are for a value (a field with a kind, a list, a Text …), not a group", where)
			}
			sub := group{path: r.path + ".", goPath: r.goPath, section: r.section,
				csvPrefix: in.csvPrefix, noCSV: in.noCSV || r.csv == "-"}
			if r.csv != "-" {
				sub.csvPrefix += r.csv
			}
			if err := g.groupRows(f.typ, sub, out); err != nil {
				return err
			}
			continue
		}
		if kind == "" && g.types[f.typ] != nil {
			return fmt.Errorf("%s: a %s is one value read by its kind: give it a kind tag", where, f.typ)
		}
		if kind != "" {
			k, ok := kinds[kind]
			switch {
			case !ok:
				return fmt.Errorf("%s: unknown kind:%q", where, kind)
			case k.typ != f.typ:
				return fmt.Errorf("%s: kind:%q is for a %s, not a %s", where, kind, k.typ, f.typ)
			case r.section == "":
				return fmt.Errorf("%s: kind:%q needs a section (section:\"N\" on it or on a group around it)", where, kind)
			}
			r.kind = k.name
		}
		if (r.required == "") != (r.requiredFi == "") {
			return fmt.Errorf("%s: required and required_fi go together (the name in English and in Finnish)", where)
		}
		if r.required != "" && r.kind == "" {
			return fmt.Errorf("%s: required is for a field read from the text (with a kind)", where)
		}
		switch {
		case in.noCSV || r.csv == "":
			r.csv = ""
		case r.csv == "-":
			return fmt.Errorf("%s: csv:\"-\" is for a group; a value without a column has no csv tag", where)
		default:
			names := strings.Split(r.csv, ",")
			for i := range names {
				names[i] = in.csvPrefix + names[i]
			}
			r.csv = strings.Join(names, ",")
		}
		*out = append(*out, r)
	}
	return nil
}

// isGroup reports whether a field of type t is a group of rows: a struct
// of package model that is no value of a kind.
func (g *gen) isGroup(t string) bool {
	if _, ok := leaves[t]; ok || g.types[t] == nil {
		return false
	}
	for _, k := range kinds {
		if k.typ == t {
			return false // a value struct (Numbered, Period …)
		}
	}
	return true
}

// table writes model/fields_gen.go.
func (g *gen) table(rows []row) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(`// Code generated by internal/fieldgen from the struct tags of description.go; DO NOT EDIT.

package model

// fieldTable is the field table (see fields.go): one row a JSON value, in
// the canonical layout's order.
var fieldTable = [...]FieldDef{
`)
	for _, r := range rows {
		fmt.Fprintf(&b, "\t{Path: %q", r.path)
		if r.csv != "" {
			fmt.Fprintf(&b, ", CSV: %q", r.csv)
		}
		if r.section != "" {
			fmt.Fprintf(&b, ", Section: sec(%q)", r.section)
		}
		if r.kind != "" {
			fmt.Fprintf(&b, ", Kind: %s", r.kind)
		}
		if r.required != "" {
			fmt.Fprintf(&b, ", Required: %q", r.required)
		}
		fmt.Fprintf(&b, ",\n\t\tGet: func(d *Description) any { return &d%s }},\n", r.goPath)
	}
	b.WriteString("}\n")
	return format.Source(b.Bytes())
}

// names writes internal/i18n/fields_gen.go.
func names(rows []row) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(`// Code generated by internal/fieldgen from the struct tags of model/description.go; DO NOT EDIT.

package i18n

// fieldNames is the Finnish name of each required field in the
// missing-field messages (its tag required_fi), by its English name (tag
// required, model.FieldDef.Required).
var fieldNames = map[string]string{
`)
	var req []row
	for _, r := range rows {
		if r.required != "" {
			req = append(req, r)
		}
	}
	sort.SliceStable(req, func(i, j int) bool { return req[i].required < req[j].required })
	for i, r := range req {
		if i > 0 && req[i-1].required == r.required {
			if req[i-1].requiredFi != r.requiredFi {
				return nil, fmt.Errorf("%s and %s have the same required name %q but not the same required_fi", req[i-1].path, r.path, r.required)
			}
			continue // one name for both (a field of a struct used twice)
		}
		fmt.Fprintf(&b, "\t%q: %q,\n", r.required, r.requiredFi)
	}
	b.WriteString("}\n")
	return format.Source(b.Bytes())
}
