package parser

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/unicode/norm"
)

// TestColumnsCountTheFileAsStored: a line that was cleaned (control
// characters removed, decomposed letters composed) gives columns in the
// characters of the line as stored, so that they land on the value.
func TestColumnsCountTheFileAsStored(t *testing.T) {
	for _, tc := range []struct{ name, line string }{
		{"plain", "Yhteyshenkilön puhelinnumero: abc"},
		{"decomposed", norm.NFD.String("Yhteyshenkilön puhelinnumero: abc")},
		{"control", "Yhteys\x01henkil\x7fön puhelinnumero: abc"},
		{"both", norm.NFD.String("Yhteyshenkilön\x02 puhelinnumero: ääkkö abc")},
		{"indented", "\x01  " + norm.NFD.String("Yhteyshenkilön puhelinnumero: abc")},
	} {
		lines := splitLines(tc.line, nil, false)
		require.Len(t, lines, 1)
		l := &lines[0]
		off := strings.LastIndex(l.body, "abc")
		want := utf8.RuneCountInString(tc.line[:strings.LastIndex(tc.line, "abc")]) + 1
		assert.Equal(t, want, l.col(off), tc.name)
		// The line's start too.
		lead := len(tc.line) - len(strings.TrimLeft(tc.line, " \x01"))
		assert.Equal(t, utf8.RuneCountInString(tc.line[:lead])+1, l.col(0), tc.name)
	}
}

func FuzzRawColumns(f *testing.F) {
	f.Add(norm.NFD.String("Yhteyshenkilön: äö"))
	f.Add("a\x01b\u0301c")
	f.Fuzz(func(t *testing.T, raw string) {
		if !utf8.ValidString(raw) {
			return
		}
		cols := rawColumns(raw)
		n := utf8.RuneCountInString(raw)
		for i, c := range cols {
			if c < 0 || int(c) > n || i > 0 && c < cols[i-1] {
				t.Fatalf("%q: column %d of %v", raw, i, cols)
			}
		}
	})
}
