package model

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Message is a user-facing message kept as a format and its arguments, so
// that it can be rendered in another language from a catalogue keyed by the
// English format (golang.org/x/text/message; see package messages).
type Message struct {
	Format string
	Args   []any
}

// Msg builds a Message.
func Msg(format string, args ...any) Message { return Message{format, args} }

// String renders the message in English.
func (m Message) String() string { return fmt.Sprintf(m.Format, m.Args...) }

// Problem is something the parser could not read as it stands.
type Problem struct {
	Pos   Pos
	Rule  string
	Field string // JSON path of the field, e.g. "funding.eu_state_granted"
	Msg   Message
}

// CriterionRef identifies a sustainability criterion the programme knows,
// the same in every language: group×100 + index + 1 (group and index from
// 0, in the label tables' order). 0 is a criterion the programme does not
// have, null in JSON.
type CriterionRef int

// MarshalJSON writes the number, or null for 0.
func (r CriterionRef) MarshalJSON() ([]byte, error) {
	if r == 0 {
		return []byte("null"), nil
	}
	return strconv.AppendInt(nil, int64(r), 10), nil
}

// UnmarshalJSON reads a number or null.
func (r *CriterionRef) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*r = 0
		return nil
	}
	var n int
	if err := json.Unmarshal(b, &n); err != nil {
		return err
	}
	*r = CriterionRef(n)
	return nil
}

// parseJSON is the "parse" key of the JSON document: how the text was
// read, beyond its values. It is what validation needs besides the values,
// so that a description read back from the JSON gives the same findings as
// its source (positions aside: the JSON keeps none).
type parseJSON struct {
	// FundFromHeader: the fund was named by the header line (not derived
	// from the project code).
	FundFromHeader bool `json:"fund_from_header"`
	// HeadingsFound: at least one section heading was found.
	HeadingsFound bool `json:"headings_found"`
	// Sections found, in document order.
	Sections []sectionJSON `json:"sections"`
	// Unread maps the JSON path of each field whose label was there but
	// whose value could not be read (or was empty: "") to its text as
	// printed. Such a field is null among the values.
	Unread map[string]string `json:"unread"`
	// Problems are what the parser could not read as it stands.
	Problems []problemJSON `json:"problems"`
}

type sectionJSON struct {
	Number   string `json:"number"`
	Implicit bool   `json:"implicit"`
}

type problemJSON struct {
	Rule    string  `json:"rule"`
	Field   *string `json:"field"`
	Message string  `json:"message"`
	Line    *int    `json:"line"`
	Column  *int    `json:"column"`
}

// parseView is the "parse" key's content for d.
func (d *Description) parseView() parseJSON {
	v := parseJSON{FundFromHeader: d.FundFromHeader, HeadingsFound: d.HeadingsFound,
		Sections: []sectionJSON{}, Unread: d.Unread(), Problems: []problemJSON{}}
	nums := make([]string, 0, len(d.Sections))
	for n := range d.Sections {
		nums = append(nums, n)
	}
	sort.Slice(nums, func(i, j int) bool {
		return sectionBefore(nums[i], d.Sections[nums[i]].Pos, nums[j], d.Sections[nums[j]].Pos)
	})
	for _, n := range nums {
		v.Sections = append(v.Sections, sectionJSON{n, d.Sections[n].Implicit})
	}
	for _, p := range d.Problems {
		pj := problemJSON{Rule: p.Rule, Message: p.Msg.String()}
		if p.Field != "" {
			pj.Field = &p.Field
		}
		if p.Pos.IsValid() {
			line, col := p.Pos.Line, p.Pos.Col
			pj.Line, pj.Column = &line, &col
		}
		v.Problems = append(v.Problems, pj)
	}
	return v
}

// sectionBefore orders the sections of the "parse" key: by position, then
// by number (sectionLess).
func sectionBefore(a string, apos Pos, b string, bpos Pos) bool {
	if apos != bpos {
		return apos.Before(bpos)
	}
	return sectionLess(a, b)
}

// sectionLess orders section numbers as numbers ("4.1" < "4.2" < "5").
func sectionLess(a, b string) bool {
	for a != "" && b != "" {
		x, ra, _ := strings.Cut(a, ".")
		y, rb, _ := strings.Cut(b, ".")
		nx, ex := strconv.Atoi(x)
		ny, ey := strconv.Atoi(y)
		if ex == nil && ey == nil && nx != ny {
			return nx < ny
		}
		if x != y {
			return x < y
		}
		a, b = ra, rb
	}
	return a == "" && b != ""
}

// MarshalJSON writes the JSON document (AppendJSON).
func (d *Description) MarshalJSON() ([]byte, error) { return d.AppendJSON(nil), nil }

// plainDescription is Description without its JSON methods.
type plainDescription Description

// UnmarshalJSON reads a document that asectl wrote: the values, and under
// "parse" how the text was read. Positions are not in the JSON and stay
// zero; a text value's Raw is its value; a field listed as unread is
// Present with its printed text as Raw. A document of an older asectl,
// without "parse", reads with no sections, unread fields or problems.
func (d *Description) UnmarshalJSON(b []byte) error {
	var doc struct {
		*plainDescription
		Parse *parseJSON `json:"parse"`
	}
	*d = Description{}
	doc.plainDescription = (*plainDescription)(d)
	if err := json.Unmarshal(b, &doc); err != nil {
		return err
	}
	d.Sections = Sections{}
	if doc.Parse == nil {
		return nil
	}
	pv := doc.Parse
	d.FundFromHeader, d.HeadingsFound = pv.FundFromHeader, pv.HeadingsFound
	for _, s := range pv.Sections {
		d.Sections[s.Number] = SectionInfo{Implicit: s.Implicit}
	}
	for _, p := range pv.Problems {
		pr := Problem{Rule: p.Rule, Msg: Msg("%s", p.Message)}
		if p.Field != nil {
			pr.Field = *p.Field
		}
		d.Problems = append(d.Problems, pr)
	}
	if len(pv.Unread) > 0 {
		d.eachField(true, func(path string, f field) {
			if raw, ok := pv.Unread[path]; ok {
				f.markUnread(raw)
			}
		})
	}
	return nil
}

// field is what the walk sees of a Field.
type field interface {
	state() (present, valid bool, raw string)
	markUnread(raw string)
}

func (f *Field[T]) state() (present, valid bool, raw string) { return f.Present, f.Valid, f.Raw }

func (f *Field[T]) markUnread(raw string) {
	var zero T
	f.Value, f.Valid, f.Present, f.Raw = zero, false, true, raw
}

// Unread maps the JSON path of every field whose label was there but whose
// value could not be read (or was empty) to its text as printed: the
// "parse.unread" key of the JSON. Paths of list items carry their index
// ("horizontal.sustainability[2].direct").
func (d *Description) Unread() map[string]string {
	out := map[string]string{}
	d.eachField(false, func(path string, f field) {
		_, _, raw := f.state()
		out[path] = raw
	})
	return out
}
