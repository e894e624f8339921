// Package csvcell writes model values as CSV cells, the same way in every
// CSV asectl writes (descriptions, project-list rows): an absent value is an
// empty cell, amounts are euros with cents after a point, dates ISO 8601.
package csvcell

import "github.com/asectl/asectl/model"

// Text is t's value, or "" when it is absent.
func Text(t model.Text) string {
	if !t.Valid {
		return ""
	}
	return t.Value
}

// Fixed is an amount in euros with its cents ("1551280.00"), or "".
func Fixed(f model.Field[model.Fixed2]) string {
	if !f.Valid {
		return ""
	}
	return f.Value.String()
}

// Date is a date as YYYY-MM-DD, or "".
func Date(f model.Field[model.Date]) string {
	if !f.Valid {
		return ""
	}
	return f.Value.String()
}

// Defuse keeps a cell from being read as a formula by spreadsheet programs
// (CSV injection): a leading = + - @ (or tab, carriage return) gets a
// leading apostrophe, which Excel hides.
func Defuse(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}
