package model

import (
	"math/bits"
	"sort"
	"strconv"
	"unicode/utf8"
)

// AppendJSON appends the description's compact JSON to dst: byte for byte
// what encoding/json gives with SetEscapeHTML(false) (a test holds them
// equal), without reflection or the re-scan of every Field's MarshalJSON.
// Batches spend most of their output time here.
func (d *Description) AppendJSON(dst []byte) []byte {
	dst = d.appendValues(dst)
	dst = append(dst, `,"parse":`...)
	dst = d.appendParse(dst)
	return append(dst, '}')
}

// AppendValuesJSON is AppendJSON without the "parse" key: the values
// alone, which a round trip through the canonical layout, or an HTML page
// and its text, keep (how the text was read, and where, differs).
func (d *Description) AppendValuesJSON(dst []byte) []byte {
	return append(d.appendValues(dst), '}')
}

// appendParse writes the "parse" key's object as encoding/json writes
// parseView's (a test holds them equal), without its maps and copies.
func (d *Description) appendParse(dst []byte) []byte {
	dst = append(dst, `{"fund_from_header":`...)
	dst = strconv.AppendBool(dst, d.FundFromHeader)
	dst = append(dst, `,"headings_found":`...)
	dst = strconv.AppendBool(dst, d.HeadingsFound)
	dst = append(dst, `,"sections":[`...)
	type sec struct {
		num string
		SectionInfo
	}
	var buf [24]sec
	secs := buf[:0]
	for n, s := range d.Sections {
		secs = append(secs, sec{n, s})
	}
	// Insertion sort: a few dozen sections at most.
	for i := 1; i < len(secs); i++ {
		for j := i; j > 0; j-- {
			a, b := &secs[j-1], &secs[j]
			if !sectionBefore(b.num, b.Pos, a.num, a.Pos) {
				break
			}
			*a, *b = *b, *a
		}
	}
	for i, s := range secs {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"number":`...)
		dst = appendString(dst, s.num)
		dst = append(dst, `,"implicit":`...)
		dst = strconv.AppendBool(dst, s.Implicit)
		dst = append(dst, '}')
	}
	dst = append(dst, `],"unread":{`...)
	type kv struct{ path, raw string }
	var unread []kv
	d.eachField(false, func(path string, f field) {
		_, _, raw := f.state()
		unread = append(unread, kv{path, raw})
	})
	if len(unread) > 1 {
		sort.Slice(unread, func(i, j int) bool { return unread[i].path < unread[j].path })
	}
	for i, u := range unread {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendString(dst, u.path)
		dst = append(dst, ':')
		dst = appendString(dst, u.raw)
	}
	dst = append(dst, `},"problems":[`...)
	for i := range d.Problems {
		p := &d.Problems[i]
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"rule":`...)
		dst = appendString(dst, p.Rule)
		dst = append(dst, `,"field":`...)
		if p.Field == "" {
			dst = append(dst, "null"...)
		} else {
			dst = appendString(dst, p.Field)
		}
		dst = append(dst, `,"message":`...)
		dst = appendString(dst, p.Msg.String())
		dst = append(dst, `,"line":`...)
		if !p.Pos.IsValid() {
			dst = append(dst, `null,"column":null}`...)
			continue
		}
		dst = strconv.AppendInt(dst, int64(p.Pos.Line), 10)
		dst = append(dst, `,"column":`...)
		dst = strconv.AppendInt(dst, int64(p.Pos.Col), 10)
		dst = append(dst, '}')
	}
	return append(dst, "]}"...)
}

func appendText(dst []byte, t Text) []byte {
	if !t.Valid {
		return append(dst, "null"...)
	}
	return appendString(dst, t.Value)
}

func appendFixed(dst []byte, f Field[Fixed2]) []byte {
	if !f.Valid {
		return append(dst, "null"...)
	}
	return append(dst, f.Value.String()...)
}

func appendInt(dst []byte, f Field[int]) []byte {
	if !f.Valid {
		return append(dst, "null"...)
	}
	return strconv.AppendInt(dst, int64(f.Value), 10)
}

func appendBool(dst []byte, f Field[bool]) []byte {
	switch {
	case !f.Valid:
		return append(dst, "null"...)
	case f.Value:
		return append(dst, "true"...)
	}
	return append(dst, "false"...)
}

// appendRef writes a criterion reference, null for 0.
func appendRef(dst []byte, r CriterionRef) []byte {
	if r == 0 {
		return append(dst, "null"...)
	}
	return strconv.AppendInt(dst, int64(r), 10)
}

func appendDate(dst []byte, f Field[Date]) []byte {
	if !f.Valid {
		return append(dst, "null"...)
	}
	dst = append(dst, '"')
	dst = append(dst, f.Value.String()...)
	return append(dst, '"')
}

const hexDigits = "0123456789abcdef"

// plainPrefix returns how many of eight bytes, from the first, are ASCII
// that JSON takes as it is: no control character, quote or backslash. The
// tests below may flag a byte above a flagged one falsely, never one below
// it, so the lowest flag is a true one.
func plainPrefix(w uint64) int {
	const lo, hi = 0x0101010101010101, 0x8080808080808080
	q, b := w^'"'*lo, w^'\\'*lo
	bad := (w | (w - 0x20*lo) | ((q - lo) &^ q) | ((b - lo) &^ b)) & hi
	if bad == 0 {
		return 8
	}
	return bits.TrailingZeros64(bad) >> 3
}

// load64 reads s[i:i+8] as a little-endian word: the compiler makes it one
// load, with no unsafe view of the string's bytes.
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// AppendJSONString appends s quoted as encoding/json quotes it without
// HTML escaping. Other writers of JSON (the findings report) use it.
func AppendJSONString(dst []byte, s string) []byte { return appendString(dst, s) }

// AppendJSONText appends t as a JSON string, or null when it is absent:
// how every text of the parse JSON is written.
func AppendJSONText(dst []byte, t Text) []byte { return appendText(dst, t) }

// AppendJSONDate appends a date as "YYYY-MM-DD", or null.
func AppendJSONDate(dst []byte, f Field[Date]) []byte { return appendDate(dst, f) }

// AppendJSONFixed appends an amount as a JSON number in euros, exact, with
// only the fraction digits it needs (1551280, 1481507.5, 0.25: Fixed2.String),
// or null when no value was read.
func AppendJSONFixed(dst []byte, f Field[Fixed2]) []byte { return appendFixed(dst, f) }

// appendString quotes s as encoding/json does without HTML escaping:
// control characters as \n, \r, \t, \b, \f or \u00XX, U+2028 and U+2029 escaped,
// invalid UTF-8 as U+FFFD.
func appendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		// The bytes that need no escape before the first that may, eight
		// at a time: most text is runs of them.
		for i+8 <= len(s) {
			k := plainPrefix(load64(s, i))
			i += k
			if k < 8 {
				break
			}
		}
		if i == len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '"', '\\':
				dst = append(dst, '\\', c)
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		if c >= 0xc2 && c <= 0xdf && i+1 < len(s) && s[i+1]&0xc0 == 0x80 {
			i += 2 // a valid two-byte character (ä, ö …) is written as it is
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
