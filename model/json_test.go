package model

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"
)

// stdJSON is encoding/json's reflection over the struct and its tags, with
// the "parse" key from parseView.
func stdJSON(t testing.TB, d *Description) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	v := struct {
		*plainDescription
		Parse parseJSON `json:"parse"`
	}{(*plainDescription)(d), d.parseView()}
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimRight(buf.Bytes(), "\n")
}

func sampleDescription() *Description {
	d := New("dir/x.txt")
	p := Pos{Line: 1, Col: 1}
	d.Fund.Set(FundERDF, p)
	d.Project.Code.Set("A72213", p)
	d.Project.Name.Set("Name with \"quotes\", \\ back\nslash\ttab\x01 <html> & \u2028 \u2029 ä \xff", p)
	d.Project.PriorityAxis.Number.Set("2", p)
	d.Project.Period.Start.Set(Date{2016, time.February, 13}, p)
	d.Funding.EUStateGranted.Set(155128050, p)
	d.Funding.PublicPlanned.Set(5, p)
	d.Area.Municipalities = append(d.Area.Municipalities, Text{Value: "Kemi", Valid: true})
	d.Applicant.CoImplementers = append(d.Applicant.CoImplementers, Organisation{Name: Text{Value: "Oy", Valid: true}})
	d.Horizontal.GenderEquality.MainGoal.Answer.Set(false, p)
	d.Horizontal.GenderEquality.Mainstreamed.Answer.Set(true, p)
	d.Horizontal.Sustainability = append(d.Horizontal.Sustainability, Score{Direct: Field[int]{Value: 7, Valid: true}})
	o := OtherIndicator{Number: Text{Value: "7.1", Valid: true}, Title: Text{Value: "Osallistujien määrä", Valid: true}}
	o.Planned.Total.Set(120, p)
	o.Realised.Women.Set(4100, p)
	d.Indicators.Other = append(d.Indicators.Other, o, OtherIndicator{})
	d.OtherSections = append(d.OtherSections, OtherSection{Number: Text{Value: "8.3", Valid: true}, Text: Text{Value: "a\nb\"", Valid: true}}, OtherSection{})
	d.Horizontal.Sustainability[0].Ref = 203
	d.Horizontal.Sustainability[0].Indirect.Seen("x<&>", p)
	d.Funding.PublicRealised.Seen("12,3x", Pos{Line: 40, Col: 20})
	d.Applicant.Phone.Seen("", p)
	d.FundFromHeader, d.HeadingsFound = true, true
	d.Sections["1"] = SectionInfo{Pos: Pos{Line: 5, Col: 1}}
	d.Sections["3"] = SectionInfo{Pos: Pos{Line: 30, Col: 1}, Implicit: true}
	d.Sections["2"] = SectionInfo{Pos: Pos{Line: 20, Col: 1}}
	d.Problems = []Problem{
		{Pos: Pos{Line: 40, Col: 20}, Rule: "invalid-number", Field: "funding.public_realised", Msg: Msg("cannot read the amount %q: %s", "12,3x", "x")},
		{Rule: "unexpected-text", Msg: Msg("100%% <b>")},
	}
	return d
}

// What the JSON holds reads back into the same document: values, and how
// the text was read ("parse"), positions aside.
func TestUnmarshalJSONRoundTrip(t *testing.T) {
	sample := sampleDescription()
	// A parsed text is valid UTF-8; a problem's position is not read back.
	sample.Project.Name.Value = strings.ToValidUTF8(sample.Project.Name.Value, "\ufffd")
	sample.Problems[0].Pos = Pos{}
	for _, d := range []*Description{New("empty"), sample, Failed("x.txt", "not an EURA 2014 project description: the file is empty")} {
		b := d.AppendJSON(nil)
		var back Description
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatal(err)
		}
		if got := back.AppendJSON(nil); !bytes.Equal(b, got) {
			t.Fatalf("read back differs:\nwant %s\ngot  %s", b, got)
		}
		if d.Funding.PublicRealised.Present {
			f := back.Funding.PublicRealised
			if !f.Present || f.Valid || f.Raw != "12,3x" || !back.Applicant.Phone.Present || back.Applicant.Phone.Raw != "" {
				t.Fatalf("unread fields not restored: %+v %+v", f, back.Applicant.Phone)
			}
			if !back.FundFromHeader || !back.Sections.Has("3") || !back.Sections["3"].Implicit || back.Sections.Has("4") {
				t.Fatalf("parse state not restored: %v %v", back.FundFromHeader, back.Sections)
			}
			if len(back.Problems) != 2 || back.Problems[1].Msg.String() != "100% <b>" || back.Problems[0].Field != "funding.public_realised" {
				t.Fatalf("problems not restored: %+v", back.Problems)
			}
			if back.Project.Name.Raw != back.Project.Name.Value {
				t.Fatalf("a text's Raw is its value")
			}
		}
	}
	// Bad input is an error, not a panic or a half-read document.
	for _, bad := range []string{`{"funding":{"eu_state_granted":"x"}}`, `{"horizontal":{"sustainability":[{"ref":"a"}]}}`, `[`, `{"parse":{"sections":3}}`} {
		var back Description
		if err := json.Unmarshal([]byte(bad), &back); err == nil {
			t.Fatalf("%s: no error", bad)
		}
	}
}

func TestSectionOrder(t *testing.T) {
	order := []string{"1", "2", "3", "4", "4.1", "4.2", "4.10", "5", "7", "7.1", "8.2", "9", "10"}
	for i := range order {
		for j := range order {
			if got := sectionLess(order[i], order[j]); got != (i < j) {
				t.Fatalf("sectionLess(%q, %q) = %v", order[i], order[j], got)
			}
		}
	}
}

func TestAppendJSONMatchesEncodingJSON(t *testing.T) {
	for _, d := range []*Description{New("empty"), sampleDescription(), {}} {
		// AppendJSON writes an empty language (an entry not read) as null.
		want := bytes.Replace(stdJSON(t, d), []byte(`"language":""`), []byte(`"language":null`), 1)
		got := d.AppendJSON(nil)
		if !bytes.Equal(want, got) {
			t.Fatalf("AppendJSON differs from encoding/json:\nwant %s\ngot  %s", want, got)
		}
	}
}

func FuzzAppendString(f *testing.F) {
	f.Add("plain")
	f.Add("\"\\\n\r\t\x00\x1f<>&\u2028\u2029ä\xff\xc3")
	f.Add("Hankkeen päätavoite on sukupuolten tasa-arvon edistäminen: Ei")
	f.Add("ääääääää\xc3\xc3\xa4\xa4ö\"ö")
	f.Fuzz(func(t *testing.T, s string) {
		checkAppendString(t, s)
	})
}

func checkAppendString(t *testing.T, s string) {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	want := bytes.TrimRight(buf.Bytes(), "\n")
	if got := appendString(nil, s); !bytes.Equal(got, want) {
		t.Fatalf("appendString(%q) = %s, want %s", s, got, want)
	}
}

// appendString against encoding/json with every piece at every offset of
// an eight-byte word: two-byte characters straddle words, and a byte to
// escape sits at each position.
func TestAppendStringWords(t *testing.T) {
	pieces := []string{"ä", "Ö", "\xc3", "\xa4", "\xc3A", "\xc3\xc3\xa4", "\xc2\xa0", "\xc4\x8d", "\u2013", "\u2028",
		"\"", "\\", "\x01", "\x1f", "\x7f", "\n", "\xe2\x80", "\xff", "\xc3\x22", "\xc3\x5c", "\xc1\xbf", "\xc0\x80", "\xc2\x85", "\xdf\xbf"}
	for _, p := range pieces {
		for off := 0; off < 17; off++ {
			for _, pre := range []string{"", "ä", "äää"} {
				s := pre + strings.Repeat("a", off) + p + strings.Repeat("ö", 10)
				checkAppendString(t, s)
				checkAppendString(t, s[:len(pre)+off+len(p)])
			}
		}
	}
}

func TestGrouped(t *testing.T) {
	for v, want := range map[Fixed2]string{0: "0", 155128000: "1 551 280", 155128050: "1 551 280,50", 155128005: "1 551 280,05",
		99900: "999", 100000: "1 000", -123456700: "-1 234 567"} {
		if got := v.Grouped(); got != want {
			t.Errorf("%d: %q, want %q", int64(v), got, want)
		}
	}
}

// The walk reads a Field's Valid and Present by their index.
func TestFieldLayout(t *testing.T) {
	for _, typ := range []reflect.Type{reflect.TypeOf(Text{}), reflect.TypeOf(Field[Fixed2]{}), reflect.TypeOf(Field[bool]{})} {
		if typ.Field(1).Name != "Valid" || typ.Field(2).Name != "Present" {
			t.Fatalf("%v: Valid and Present moved", typ)
		}
	}
}

// FuzzUnmarshalJSON: any bytes either fail to read as a document or read
// into one whose JSON reads back to the same JSON; never a panic.
func FuzzUnmarshalJSON(f *testing.F) {
	f.Add(sampleDescription().AppendJSON(nil))
	f.Add(New("x").AppendJSON(nil))
	f.Add([]byte(`{"version":1,"parse":{"unread":{"funding.eu_state_granted":"1,2x","horizontal.sustainability[0].direct":""}},"horizontal":{"sustainability":[{"ref":7}]}}`))
	f.Add([]byte(`{"parse":{"sections":[{"number":"4.1","implicit":true}],"problems":[{"rule":"r","field":null,"message":"%d %"}]}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var d Description
		if err := json.Unmarshal(b, &d); err != nil {
			return
		}
		out := d.AppendJSON(nil)
		if !json.Valid(out) {
			t.Fatalf("invalid JSON written: %s", out)
		}
		var again Description
		if err := json.Unmarshal(out, &again); err != nil {
			t.Fatalf("own JSON does not read back: %v\n%s", err, out)
		}
		if got := again.AppendJSON(nil); !bytes.Equal(out, got) {
			t.Fatalf("not a fixed point:\n%s\n%s", out, got)
		}
	})
}
