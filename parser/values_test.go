package parser

import (
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/unicode/norm"

	"github.com/asectl/asectl/model"
)

func TestParseAmount(t *testing.T) {
	tests := []struct {
		in   string
		want model.Fixed2 // hundredths
		err  bool
	}{
		{"1 551 280", 155128000, false},
		{"1\u00a0551\u00a0280", 155128000, false},
		{"1\u202f551\u202f280", 155128000, false},
		{"1551280", 155128000, false},
		{"1 551 280,50", 155128050, false},
		{"1 551 280.5", 155128050, false},
		{"1551280.00", 155128000, false},
		{"1,551,280", 155128000, false},
		{"1.551.280", 155128000, false},
		{"1.551.280,25", 155128025, false},
		{"1,551,280.25", 155128025, false},
		{"0.00", 0, false},
		{"0,5", 50, false},
		{"0.000", 0, false},
		{"12.500", 0, true}, // thousands or decimals? refused
		{"1 551 280 €", 155128000, false},
		{"1 551 280 euroa", 155128000, false},
		{"-5", -500, false},
		{"", 0, true},
		{"abc", 0, true},
		{"1 55 280", 0, true},
		{"1 551 2800", 0, true},
		{"12,345,67", 0, true},
		{"1.2.3", 0, true},
		{"1,234.567.8", 0, true},
		{"1.005", 0, true},
		{"0.123", 0, true},
		{"5,", 0, true},
		{",5", 0, true},
		{"1 551 280 x", 0, true},
		{"123456789012345678901234567890", 0, true},
		{"999999999999999", 99999999999999900, false},
		{"1e6", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseAmount(tt.in)
			if tt.err {
				assert.Error(t, err, "got %v", got)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

// plainAmount is a shortcut: whatever it reads, the full reading reads the
// same; and it does take the common forms.
func TestPlainAmount(t *testing.T) {
	for _, s := range []string{"0", "0.00", "0,5", "7", "12,5", "1 551 280", "1551280", "1 234,56", "999 999 999 999 999"} {
		v, ok := plainAmount(s)
		require.True(t, ok, "%q takes the shortcut", s)
		full, err := readAmount(s)
		require.NoError(t, err)
		assert.Equal(t, full, v, "%q", s)
	}
	for _, s := range []string{"", "00", "01", "0 123", "12.500", "1 55 280", "1234 567", "1  234", "5,", ",5", "-5", "1,234.5", "1 234 ", "1 234,567"} {
		_, ok := plainAmount(s)
		assert.False(t, ok, "%q goes the full way", s)
	}
}

func FuzzPlainAmount(f *testing.F) {
	for _, s := range []string{"1 551 280", "0.00", "12,5", "1 234,56", "0,5", "00", "1.234", "999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := plainAmount(s)
		if !ok {
			return
		}
		full, err := readAmount(s)
		if err != nil || full != v {
			t.Fatalf("%q: shortcut %v, full reading %v (%v)", s, v, full, err)
		}
	})
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want model.Date
		err  bool
	}{
		{"13.2.2016", model.Date{Year: 2016, Month: time.February, Day: 13}, false},
		{"01.02.2016", model.Date{Year: 2016, Month: time.February, Day: 1}, false},
		{"29.2.2016", model.Date{Year: 2016, Month: time.February, Day: 29}, false},
		{"31.12.2023", model.Date{Year: 2023, Month: time.December, Day: 31}, false},
		{"31.12.2023.", model.Date{Year: 2023, Month: time.December, Day: 31}, false},
		{"31.2.2016", model.Date{}, true},
		{"29.2.2017", model.Date{}, true},
		{"0.1.2016", model.Date{}, true},
		{"1.13.2016", model.Date{}, true},
		{"1.1.16", model.Date{}, true},
		{"1.1.020160", model.Date{}, true},
		{"1.1.201600000000000000000000000000", model.Date{}, true},
		{"2016-02-13", model.Date{}, true},
		{"", model.Date{}, true},
		{"a.b.cccc", model.Date{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDate(tt.in)
			if tt.err {
				assert.Error(t, err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestParseScore(t *testing.T) {
	for in, want := range map[string]int{"0": 0, "10": 10, " 7 ": 7, "11": 11} {
		got, err := ParseScore(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	for _, in := range []string{"", "7.5", "-1", "x", "1000", "7,0"} {
		_, err := ParseScore(in)
		assert.Error(t, err, in)
	}
}

func TestFixed2String(t *testing.T) {
	for v, want := range map[model.Fixed2]string{0: "0", 155128000: "1551280", 50: "0.5", 1225: "12.25", 5: "0.05", -300: "-3", -5: "-0.05"} {
		assert.Equal(t, want, v.String())
	}
}

// The folder gives normLabel's result, and a string it handed out stays
// as it was while its arena grows past it.
func TestFolder(t *testing.T) {
	var f folder
	var got, want []string
	inputs := []string{"Hankekoodi:", "hankekoodi", "  Two   WORDS ", "Åland’s – ÖÄ", "İstanbul", "",
		strings.Repeat("Ab ", 85), strings.Repeat("x", 300)}
	for i := 0; i < 500; i++ {
		for _, s := range inputs {
			got = append(got, f.fold(s))
			want = append(want, normLabel(s))
		}
	}
	assert.Equal(t, want, got)
}

// The characters the line scan lets through without the exact checks are
// neither controls nor changed by NFC, alone or after any Latin letter.
func TestSafePunctuation(t *testing.T) {
	safe := []rune{'\u20ac'}
	for r := rune(0x2010); r <= 0x2027; r++ {
		safe = append(safe, r)
	}
	for _, r := range safe {
		s := string(r)
		assert.False(t, suspectIn(s, 0, len(s)), "%U goes the fast way", r)
		assert.False(t, isControl(r), "%U", r)
		for _, before := range []string{"", "a", "ä", "Å", "e", " ", "\u0301"} {
			assert.True(t, norm.NFC.IsNormalString(norm.NFC.String(before)+s), "%q + %U", before, r)
		}
	}
}

func TestScanUTF8(t *testing.T) {
	for _, s := range []string{
		"", "plain ASCII text, long enough for words\n", "tab\there\r\nand CRLF", "ääkköset öö ÅÅ",
		"bell\a", "del\x7f", "nbsp\u00a0ok", "C1\u0085", "dash \u2013 quote \u2019 euro \u20ac",
		"combining e\u0301", "zero width\u200b", "bom\ufeff", "bidi\u202e", "invalid \xff", "cut \xc3",
		"surrogate \xed\xa0\x80", "overlong \xc0\xaf", "replacement \ufffd", "\x00\x00\x00\x00\x00\x00\x00\x00",
		strings.Repeat("abcdefg\n", 5) + "\x01", strings.Repeat("ä", 40) + "\u0301",
	} {
		checkScan(t, []byte(s))
	}
	// The eight-byte steps for ASCII and C3 xx: every piece at every offset
	// of a word, alone and after a letter ä, so that pieces straddle words.
	pieces := []string{"ä", "Ö", "\xc3", "\xa4", "\xc3A", "\xc3\xc3\xa4", "\xc2\xa0", "\xc2\x85", "\xc4\x8d",
		"\u2013", "\u0301", "\x01", "\x7f", "\n", "\xe2\x80", "\xf0\x9f\x98\x80", "\xff", "\xc1\xbf"}
	for _, p := range pieces {
		for off := 0; off < 17; off++ {
			for _, pre := range []string{"", "ä", "äää"} {
				s := pre + strings.Repeat("a", off) + p + strings.Repeat("b", 20)
				checkScan(t, []byte(s))
				checkScan(t, []byte(s[:len(s)-20])) // the piece at the very end
			}
		}
	}
}

// FuzzScanUTF8 holds the fast scan to utf8.Valid and the line scan.
func FuzzScanUTF8(f *testing.F) {
	for _, s := range []string{"Hankkeen tiivistelmä: työllisyys ja yrittäjyys", "ää\xc3", "\xc3\xa4\xa4ööööööö",
		"äöäöäöäöäöäöäöäöäö\u2013äöäö", "a\xc3\xc3\xa4bbbbbbbbb", "\x00ä\x1fö"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		checkScan(t, src)
	})
}

func TestNormLabel(t *testing.T) {
	for in, want := range map[string]string{
		"Hankekoodi":                "hankekoodi",
		"Hankekoodi:":               "hankekoodi",
		"  Two   WORDS \t":          "two words",
		"x\t\ty z":                  "x y z",
		"Don`t":                     "don't",
		"Don’t – ever":              "don't - ever",
		"ÄÖ Å äö":                   "äö å äö",
		"Uusien työpaikkojen määrä": "uusien työpaikkojen määrä",
		"ΣΊΣΥΦΟΣ x":                 "σίσυφοσ x",
		"a\u00a0b":                  "a b",
		"already folded text":       "already folded text",
		"":                          "",
	} {
		assert.Equal(t, want, normLabel(in), "%q", in)
	}
}

// fundBracket skips a bracket at once unless an e follows it: every token
// must start so.
func TestFundBracketTokens(t *testing.T) {
	for _, b := range fundBrackets {
		assert.Equal(t, byte('e'), b.token[1], "%q", b.token)
	}
	for in, want := range map[string]string{"(EAKR)": "EAKR", "x (ESR) y": "ESR", "(a) (e) (esf)": "ESR", "(Erdf)": "EAKR", "(Erdf": "", "(x)": "", "(": "", "(e": ""} {
		got, _ := fundBracket(in)
		assert.Equal(t, want, got, "%q", in)
	}
}

// Every labelled field of the field table has a label in every language, and every label
// names one of them (index refuses others).
func TestEveryFieldHasALabel(t *testing.T) {
	for _, lang := range Languages() {
		has := map[fieldID]bool{}
		for _, labels := range lang.fieldIdx {
			for _, id := range labels {
				has[id] = true
			}
		}
		for _, id := range model.Fields() {
			if !id.Kind().Labelled() {
				continue
			}
			assert.True(t, has[id], "%s has no label for %s", lang.Code, id.Path())
		}
	}
}

// The table of sections: numbers round-trip, parents, kinds, the order.
func TestSections(t *testing.T) {
	want := []string{"1", "2", "3", "4", "4.1", "4.2", "5", "6", "7", "7.1", "7.2", "8", "8.1", "8.2", "9"}
	var got []string
	for i, s := range Sections() {
		assert.Equal(t, Section(i+1), s)
		assert.Equal(t, s, SectionOf(s.String()))
		got = append(got, s.String())
		if p := s.Parent(); p != 0 {
			assert.True(t, strings.HasPrefix(s.String(), p.String()+"."), s.String())
			assert.Equal(t, kindContainer, p.Kind(), "the parent of %s holds subsections", s)
		}
		if s.Kind() == kindText {
			assert.NotEmpty(t, textPath(s), "free text %s has a JSON path", s)
		}
	}
	assert.Equal(t, want, got)
	for _, num := range []string{"", "0", "10", "4.3", "8.2.1", "x"} {
		assert.Zero(t, SectionOf(num), num)
	}
	assert.Equal(t, "", Section(0).String())
	ss := Sections()
	ss[0] = 9
	assert.Equal(t, Section(1), Sections()[0], "Sections is a copy")
}

func TestIndexFold(t *testing.T) {
	for _, c := range []struct {
		s, phrase string
		i, j      int
	}{
		{"6, joihin työllistyvät naiset 2", "joihin työllistyvät naiset", 3, 31},
		{"6, JOIHIN TYÖLLISTYVÄT NAISET 2", "joihin työllistyvät naiset", 3, 31},
		{"6, of whom women 2", "Of Whom Women", 3, 16},
		// A letter whose other case is longer or shorter in UTF-8: the
		// offsets stay the input's.
		{"ȺȺ, joihin naiset 1", "joihin naiset", 6, 19},
		{"ⱥȺ, JOIHIN naiset 1", "joihin naiset", 7, 20},
		{"ab \u212aK", "kk", 3, 7}, // the Kelvin sign folds to k
		{"İ, joihin", "joihin", 4, 10},
		{"no phrase here", "joihin", -1, -1},
		{"joihi", "joihin", -1, -1},
		{"", "joihin", -1, -1},
		{"x", "", 0, 0},
		{"j\xffoihin joihin", "joihin", 8, 14},
	} {
		i, j := indexFold(c.s, c.phrase)
		if i != c.i || j != c.j {
			t.Errorf("indexFold(%q, %q) = %d, %d; want %d, %d", c.s, c.phrase, i, j, c.i, c.j)
		}
		if i >= 0 && !strings.EqualFold(c.s[i:j], c.phrase) {
			t.Errorf("indexFold(%q, %q): %q is not the phrase", c.s, c.phrase, c.s[i:j])
		}
	}
	// The ASCII start is a shortcut of trying every character.
	for _, s := range []string{"x JOIHIN y joihin", "jjjoihin", "Joihin", "ſjoihin", "öJoIhIn", "j\xffJoihin", "of WHOM women", "ooof whom"} {
		for _, phrase := range []string{"joihin", "of whom", "ojoihin"} {
			first, _ := utf8.DecodeRuneInString(phrase)
			i, j := indexFold(s, phrase)
			ri, rj := indexFoldRunes(s, phrase, first)
			assert.Equal(t, [2]int{ri, rj}, [2]int{i, j}, "%q in %q", phrase, s)
		}
	}
	// No character outside ASCII folds to an ASCII letter but the Kelvin
	// sign and the long s, which asciiCases leaves to the slow way.
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			if f < utf8.RuneSelf {
				if _, _, ok := asciiCases(f); ok {
					t.Errorf("%U folds to %q, which asciiCases takes for ASCII only", r, f)
				}
			}
		}
	}
}
