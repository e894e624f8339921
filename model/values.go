// Package model holds the typed form of an EURA 2014 project description.
//
// Every parsed scalar is a Field: the value, whether a value was read, and the
// source position it came from. Positions drive located findings but are not
// part of the JSON contract, which is why Field marshals to the bare value (or
// null when nothing could be read).
package model

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// Pos is a 1-based source position. Columns count characters (code points)
// of the line as it stands in the input, decoded to UTF-8, not bytes: a
// decomposed "ö" (o and U+0308) is two, a tab or a removed control
// character one, so an editor lands on the value; in an HTML page, of the
// page's source, tags and entities as written. The zero Pos means
// "unknown" (a description read from asectl's parse JSON has none).
type Pos struct {
	Line int
	Col  int
}

// IsValid reports whether the position points into a file.
func (p Pos) IsValid() bool { return p.Line > 0 }

// Before orders positions by line, then column.
func (p Pos) Before(q Pos) bool {
	if p.Line != q.Line {
		return p.Line < q.Line
	}
	return p.Col < q.Col
}

func (p Pos) String() string { return fmt.Sprintf("%d:%d", p.Line, p.Col) }

// Field is one parsed value with its provenance.
//
// Present means the label was seen; Valid means a value was read from it. A
// label with an empty or unreadable value is Present but not Valid, and
// marshals to null. Pos is where the value starts, or the label when the value
// is empty. Raw is the value as printed, kept for messages and for rules
// that judge a value the parser could not read.
type Field[T any] struct {
	Value   T
	Valid   bool
	Present bool
	Pos     Pos
	Raw     string
}

// Set stores a read value.
func (f *Field[T]) Set(v T, p Pos) {
	f.Value, f.Valid, f.Present, f.Pos = v, true, true, p
}

// Seen records a label whose value (raw) could not be read or was empty.
func (f *Field[T]) Seen(raw string, p Pos) {
	var zero T
	f.Value, f.Valid, f.Present, f.Pos, f.Raw = zero, false, true, p, raw
}

// MarshalJSON writes the value, or null when none was read. Text is not
// HTML-escaped ("T&K", not "T\u0026K"): the output is data, not a page.
func (f Field[T]) MarshalJSON() ([]byte, error) {
	if !f.Valid {
		return []byte("null"), nil
	}
	if s, ok := any(f.Value).(string); ok {
		return appendString(nil, s), nil
	}
	return json.Marshal(f.Value)
}

// UnmarshalJSON accepts the value or null; positions are not restored. A
// text's Raw is its value (as the parser stores it); other kinds' Raw, the
// value as printed, is not in the JSON.
func (f *Field[T]) UnmarshalJSON(b []byte) error {
	var zero T
	f.Value, f.Valid, f.Present, f.Raw = zero, false, false, ""
	if string(b) == "null" {
		return nil
	}
	if err := json.Unmarshal(b, &f.Value); err != nil {
		return err
	}
	f.Valid, f.Present = true, true
	if s, ok := any(f.Value).(string); ok {
		f.Raw = s
	}
	return nil
}

// Text is a string field.
type Text = Field[string]

// Fixed2 is an exact decimal with two fraction digits, stored as hundredths.
// It backs money (cents) and indicator counts, which the service prints with
// two decimals ("0.00"). There is no float anywhere on the way in or out.
type Fixed2 int64

// String formats the value with the minimum number of fraction digits:
// 1551280, 0.5, 12.25, -3.
func (x Fixed2) String() string {
	neg := x < 0
	u := uint64(x)
	if neg {
		u = uint64(-x)
	}
	whole, frac := u/100, u%100
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	b.WriteString(strconv.FormatUint(whole, 10))
	switch {
	case frac == 0:
	case frac%10 == 0:
		b.WriteByte('.')
		b.WriteByte(byte('0' + frac/10))
	default:
		fmt.Fprintf(&b, ".%02d", frac)
	}
	return b.String()
}

// Grouped formats the value the way the pages print amounts: the whole
// part in groups of three with spaces, a decimal comma and two decimals
// when there are cents (1 551 280, 1 551 280,50).
func (x Fixed2) Grouped() string {
	whole, frac, hasFrac := strings.Cut(x.String(), ".")
	var b strings.Builder
	if strings.HasPrefix(whole, "-") {
		b.WriteByte('-')
		whole = whole[1:]
	}
	for i := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(' ')
		}
		b.WriteByte(whole[i])
	}
	if hasFrac {
		b.WriteString("," + frac)
		if len(frac) == 1 {
			b.WriteByte('0')
		}
	}
	return b.String()
}

// Whole reports whether the value has no fraction part.
func (x Fixed2) Whole() bool { return x%100 == 0 }

// MarshalJSON writes a JSON number, exactly.
func (x Fixed2) MarshalJSON() ([]byte, error) { return []byte(x.String()), nil }

// UnmarshalJSON reads a JSON number with at most two fraction digits. Any
// other value is a *json.UnmarshalTypeError, so that encoding/json adds the
// field's path to it ("funding.eu_state_granted").
func (x *Fixed2) UnmarshalJSON(b []byte) error {
	v, err := ParseFixed2(string(b))
	if err != nil {
		return &json.UnmarshalTypeError{Value: jsonValue(b), Type: reflect.TypeFor[Fixed2]()}
	}
	*x = v
	return nil
}

// jsonValue describes a JSON value for an error as encoding/json does
// (number 1.005, string "x", object), a long literal cut short.
func jsonValue(b []byte) string {
	s := string(b)
	if len(s) > 40 {
		s = s[:40] + "…"
	}
	switch {
	case len(b) == 0:
		return "nothing"
	case b[0] == '"':
		return "string " + s
	case b[0] == '{':
		return "object"
	case b[0] == '[':
		return "array"
	case b[0] == 't' || b[0] == 'f':
		return "bool"
	}
	return "number " + s
}

// ParseFixed2 reads a plain decimal ("-12", "3.5", "0.25") with no grouping.
func ParseFixed2(s string) (Fixed2, error) {
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	if whole == "" || (hasFrac && frac == "") || len(frac) > 2 || !allDigits(whole) || !allDigits(frac) {
		return 0, fmt.Errorf("not a decimal with at most two fraction digits: %q", s)
	}
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil || w > (1<<63-1)/100-1 {
		return 0, fmt.Errorf("number out of range: %q", s)
	}
	for len(frac) < 2 {
		frac += "0"
	}
	f, _ := strconv.ParseInt(frac, 10, 64)
	v := Fixed2(w*100 + f)
	if neg {
		v = -v
	}
	return v, nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Date is a calendar date with no time or zone.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// NewDate returns the date if it exists in the calendar.
func NewDate(y int, m time.Month, d int) (Date, bool) {
	if y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 {
		return Date{}, false
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || t.Month() != m || t.Day() != d {
		return Date{}, false
	}
	return Date{y, m, d}, true
}

// ParseISODate reads YYYY-MM-DD.
func ParseISODate(s string) (Date, error) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return Date{}, fmt.Errorf("not a date in the form YYYY-MM-DD: %q", s)
	}
	return Date{t.Year(), t.Month(), t.Day()}, nil
}

// DateOf returns the calendar date of t in its own location.
func DateOf(t time.Time) Date { return Date{t.Year(), t.Month(), t.Day()} }

// Time returns midnight UTC of the date.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// Before reports whether d is strictly earlier than e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is strictly later than e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// Compare returns -1, 0 or +1.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return cmpInt(d.Year, e.Year)
	case d.Month != e.Month:
		return cmpInt(int(d.Month), int(e.Month))
	default:
		return cmpInt(d.Day, e.Day)
	}
}

// AddMonths moves the date by n months, clamping the day to the month's end.
func (d Date) AddMonths(n int) Date {
	m := int(d.Month) - 1 + n
	y := d.Year + m/12
	m %= 12
	if m < 0 {
		m += 12
		y--
	}
	last := time.Date(y, time.Month(m+2), 0, 0, 0, 0, 0, time.UTC).Day()
	day := min(d.Day, last)
	return Date{y, time.Month(m + 1), day}
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// String formats ISO 8601 (2016-02-13).
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day) }

// Finnish formats the way the pages print dates (13.2.2016).
func (d Date) Finnish() string { return fmt.Sprintf("%d.%d.%04d", d.Day, int(d.Month), d.Year) }

// MarshalText writes ISO 8601.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalJSON reads an ISO 8601 date as a JSON string (null leaves d as
// it is). Any other value
// is a *json.UnmarshalTypeError, so that encoding/json adds the field's path
// to it ("project.period.start").
func (d *Date) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		return nil // as encoding/json leaves a value for null
	}
	var s string
	if json.Unmarshal(b, &s) == nil {
		if v, err := ParseISODate(s); err == nil {
			*d = v
			return nil
		}
	}
	return &json.UnmarshalTypeError{Value: jsonValue(b), Type: reflect.TypeFor[Date]()}
}

// UnmarshalText reads ISO 8601.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseISODate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
