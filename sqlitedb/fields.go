package sqlitedb

import (
	"strings"

	"github.com/asectl/asectl/model"
)

// A value of a description that the field table (model.Fields) has but no
// column of the descriptions table holds — one added to the table later —
// gets a column of its own at the end of that table, named by its JSON path
// (applicant.fax: applicant_fax), so that the export never drops it
// silently. Today every value has its hand-named column, and fieldColumns
// is empty. Lists, figures and answers are the child tables' and are not
// added here.

// fieldColumn is such a column: the field, and which part of it.
type fieldColumn struct {
	id   model.FieldID
	part string // "" for the value; "number"/"name" of a Numbered, "start"/"end" of a Period
}

// fieldColumns are the added columns, in order (set by withFieldColumns).
var fieldColumns []fieldColumn

// withFieldColumns returns cols with a column for every scalar value of the
// field table that none of cols holds.
func withFieldColumns(cols []column) []column {
	held := map[string]bool{}
	for _, c := range cols {
		held[c.json] = true
	}
	fieldColumns = nil
	empty := model.New("")
	for _, id := range model.Fields() {
		path := id.Path()
		var parts []string
		switch id.In(empty).(type) {
		case *model.Text, *model.Field[model.Fixed2]:
			parts = []string{""}
		case *model.Numbered:
			parts = []string{"number", "name"}
		case *model.Period:
			parts = []string{"start", "end"}
		default:
			continue
		}
		for _, part := range parts {
			p := path
			if part != "" {
				p += "." + part
			}
			if held[p] {
				continue
			}
			typ, doc := "TEXT", "the value at "+p+" of the parse JSON"
			if id.Kind() == model.KindAmount {
				typ, doc = "INTEGER", doc+", in euro cents"
			}
			cols = append(cols, column{strings.ReplaceAll(p, ".", "_"), typ, p, doc})
			fieldColumns = append(fieldColumns, fieldColumn{id, part})
		}
	}
	return cols
}

// appendFieldArgs appends the values of the added columns.
func appendFieldArgs(args []value, d *model.Description) []value {
	for _, c := range fieldColumns {
		switch v := c.id.In(d).(type) {
		case *model.Text:
			args = append(args, text(*v))
		case *model.Field[model.Fixed2]:
			args = append(args, cents(*v))
		case *model.Numbered:
			if c.part == "number" {
				args = append(args, text(v.Number))
			} else {
				args = append(args, text(v.Name))
			}
		case *model.Period:
			if c.part == "start" {
				args = append(args, date(v.Start))
			} else {
				args = append(args, date(v.End))
			}
		}
	}
	return args
}
