package model

import "strconv"

// The field table: every value of a description, one row each, in the
// canonical layout's order (FieldID, Fields, FieldByPath, FieldDef). It
// drives the parser (which label fills which field, and how its value is
// read), the required-field rule and its messages, the canonical layout
// (package format), the CSV columns (package findings) and the export's
// columns for new fields (package sqlitedb). The words of the pages
// (labels per language) are data in parser/lang/*.json, keyed by Path.
//
// The rows are not written here: internal/fieldgen writes them
// (fields_gen.go) from the struct tags of description.go, as it writes the
// JSON encoder (json_gen.go) and the JSON Schema
// (schema/parse.schema.json) from the struct, and the Finnish names of
// the required fields (internal/i18n/fields_gen.go). The tags:
//
//	section:"5"       the section of the field and of everything inside it
//	kind:"amount"     how the value is read: text, status, email, numbered,
//	                  period, amount, figure, names, answer, freetext (the
//	                  Kind constants below); none = KindOther, not read
//	                  from a label
//	csv:"a,b"         its CSV column(s); on a struct of fields, a prefix of
//	                  their columns, or "-" for no columns at all
//	required:"…"      a required field's name in the missing-field
//	required_fi:"…"   messages, English and Finnish (both or neither)
//	after:"a.b"       in the canonical layout this row follows row a.b
//	                  instead of standing at its place in the struct (whose
//	                  order is the JSON's, a public contract)
//
// Adding a field, e.g. the applicant's fax, touches three files by hand:
//
//  1. description.go: ``Fax Text `json:"fax" kind:"text" csv:"fax"` `` in
//     Applicant, placed where its JSON key goes (after:"…" if the canonical
//     layout prints it elsewhere); a required one also gets required:"fax
//     (Faksi)" required_fi:"faksi (Faksi)";
//  2. its label in every parser/lang/*.json, two files today ("Faksi":
//     "applicant.fax" in fi.json's section "2", "Fax" in en.json's);
//
// then `go generate ./...` (a test fails while a generated file is stale)
// and the golden files (`go test ./parser ./findings ./sqlitedb ./format
// -update`; not ./..., as other packages have no -update flag; README,
// "Adding a field").

// Kind is how a field's value is read and written.
type Kind uint8

// The kinds of fields. The first ones are read from a "Label: value" line.
const (
	KindOther    Kind = iota // not read from a label line: set by the parser's own code (header, lists, derived values)
	KindText                 // Text: the value as printed
	KindStatus               // Text: the project's status, which also sets project.state
	KindEmail                // Text: an e-mail address, "(at)" turned back into "@"
	KindNumbered             // Numbered: "<n>. <name>"
	KindPeriod               // Period: "Alkaa d.m.yyyy ja päättyy d.m.yyyy"
	KindAmount               // Field[Fixed2]: euros, grouped ("1 551 280,50")
	KindFigure               // Figure: an indicator's total and women's part
	KindNames                // []Text: a comma-separated list of names
	KindAnswer               // Answer: a yes/no question and its justification (section 8.1)
	KindFreeText             // Text: a free-text section's whole text
)

// Labelled reports whether a field of this kind is read from a
// "Label: value" line (and so has a label in every language).
func (k Kind) Labelled() bool { return k >= KindText && k <= KindAnswer }

// FieldDef describes one field.
type FieldDef struct {
	// Path is the field's JSON path ("funding.eu_state_granted").
	Path string
	// Section is the section the field belongs to; 0 for the document's
	// own values (source, error, fund …).
	Section Section
	Kind    Kind
	// Required is the field's name in the missing-field rule's messages
	// (English; internal/i18n translates it), "" for an optional field.
	Required string
	// CSV names the field's columns in `asectl parse --format csv`
	// (package findings), "" for none; two names, comma-separated, for a
	// value of two parts (Numbered: number and name; Period: start and end;
	// Figure: total and women; the sustainability table: the means of the
	// direct and the indirect scores).
	CSV string
	// Get returns a pointer to the field in d: *Text for the text kinds,
	// *Numbered, *Period, *Field[Fixed2], *Figure, *[]Text, *Answer; for
	// KindOther, whatever the struct holds there.
	Get func(d *Description) any
}

// FieldID names a row of the field table: 1 is the first; 0 is none. A
// field by number costs no map lookup or string comparison.
type FieldID uint8

// NumFields is the number of rows: FieldID runs from 1 to NumFields.
const NumFields = len(fieldTable)

// Def returns the row (a copy); the zero FieldDef for an unknown id.
func (id FieldID) Def() FieldDef {
	if id == 0 || int(id) > NumFields {
		return FieldDef{}
	}
	return fieldTable[id-1]
}

// Path is the field's JSON path, "" for an unknown id.
func (id FieldID) Path() string {
	if id == 0 || int(id) > NumFields {
		return ""
	}
	return fieldTable[id-1].Path
}

// Kind is the field's kind.
func (id FieldID) Kind() Kind {
	if id == 0 || int(id) > NumFields {
		return KindOther
	}
	return fieldTable[id-1].Kind
}

// Section is the field's section.
func (id FieldID) Section() Section {
	if id == 0 || int(id) > NumFields {
		return 0
	}
	return fieldTable[id-1].Section
}

// In returns a pointer to the field in d (see FieldDef.Get).
func (id FieldID) In(d *Description) any { return fieldTable[id-1].Get(d) }

// Fields lists every field in the canonical layout's order (a fresh
// slice).
func Fields() []FieldID {
	out := make([]FieldID, NumFields)
	for i := range out {
		out[i] = FieldID(i + 1)
	}
	return out
}

// FieldByPath finds a field by its JSON path; 0 if there is none.
func FieldByPath(path string) FieldID { return fieldByPath[path] }

var fieldByPath = func() map[string]FieldID {
	m := make(map[string]FieldID, NumFields)
	for i, f := range fieldTable {
		m[f.Path] = FieldID(i + 1)
	}
	return m
}()

// sec is SectionOf for the generated table's rows: a section tag that
// names no known section stops the program at start (every test fails).
func sec(num string) Section {
	s := SectionOf(num)
	if s == 0 {
		panic("model: the field table names an unknown section " + strconv.Quote(num) + " (a section tag in description.go)")
	}
	return s
}
