package parser

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzSplitWomen: any figure splits without a panic, the women's part
// starts a word of the value after the total's comma and holds a digit, or
// is empty.
func FuzzSplitWomen(f *testing.F) {
	for _, s := range []string{"120, joista naisia 60", "1 200, joista alle 25-vuotiaita naisia 540", "98, joista naisia 41, miehiä 57",
		"120, joista naisia 1e30", "15", "15, joista naisia", "1,5, x 2", ",a", "1,\u00a0naisia\u00a01\u00a0200"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, value string) {
		total, off, ok := splitWomen(value)
		if !ok {
			return
		}
		if off < 0 || off > len(value) || len(total) > len(value) {
			t.Fatalf("%q: total %q, women at %d", value, total, off)
		}
		women := value[off:]
		if women == "" {
			return
		}
		if !strings.ContainsAny(women, "0123456789") {
			t.Fatalf("%q: women's part %q holds no digit", value, women)
		}
		if r, _ := utf8.DecodeLastRuneInString(value[:off]); off > 0 && !unicode.IsSpace(r) && r != ',' {
			t.Fatalf("%q: women's part %q does not start a word", value, women)
		}
	})
}
