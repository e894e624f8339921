package model

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func stdJSON(t testing.TB, d *Description) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(d); err != nil {
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
	return d
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
