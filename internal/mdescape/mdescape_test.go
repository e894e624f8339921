package mdescape

import (
	"strings"
	"testing"
	"unicode/utf16"
)

func TestEscape(t *testing.T) {
	const wj = "&#8288;"
	tests := []struct{ name, in, want string }{
		{"plain", "Kainuun liitto", "Kainuun liitto"},
		{"mention at start", "@octocat", "@" + wj + "octocat"},
		{"mention after space", "ask @octocat now", "ask @" + wj + "octocat now"},
		{"team mention", "@org/team", "@" + wj + "org/team"},
		{"mention after non-ASCII letter", "ä@name", "ä@" + wj + "name"},
		{"mention after punctuation", "(@name)", "(@" + wj + "name)"},
		{"mention hidden by a control character", "@\x01name", "@" + wj + "name"},
		{"mention after a line break", "x\n@name", "x @" + wj + "name"},
		{"e-mail address", "info@kainuu.fi", "info@kainuu.fi"},
		{"e-mail address with underscore", "a_b@c.fi", "a\\_b@c.fi"},
		{"at sign alone", "a @ b", "a @ b"},
		{"at sign at end", "x@", "x@"},
		{"double at", "@@name", "@@" + wj + "name"},
		{"issue reference", "#123", "\\#" + wj + "123"},
		{"cross reference", "owner/repo#12", "owner/repo\\#" + wj + "12"},
		{"hash word", "#tag", "\\#tag"},
		{"markdown", "a|b *c* <d> & `e`", "a\\|b \\*c\\* &lt;d&gt; &amp; \\`e\\`"},
		{"line breaks and controls", "a\r\nb\tc\x00\x7f\u0085d", "a  b cd"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Escape(tt.in); got != tt.want {
				t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestLen(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"abc", 3},
		{"äö€", 3},
		{"😀", 2},
		{"a😀b𝔘", 6},
		{"\xff\xfe", 2},
		{strings.Repeat("😀", 40000), 80000},
	}
	for _, tt := range tests {
		if got := Len(tt.in); got != tt.want {
			t.Errorf("Len(%.20q) = %d, want %d", tt.in, got, tt.want)
		}
		if got := len(utf16.Encode([]rune(tt.in))); got != tt.want {
			t.Errorf("utf16 of %.20q = %d, test wants %d", tt.in, got, tt.want)
		}
	}
}

func FuzzEscape(f *testing.F) {
	for _, s := range []string{"@octocat", "info@kainuu.fi", "#12", "@\x01a", "ä@b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Escape(s)
		if strings.ContainsAny(out, "\n\r<>") {
			t.Fatalf("Escape(%q) = %q has a raw line break or tag", s, out)
		}
		// As GitHub reads it once the joiner's reference is decoded: no
		// "@" at a boundary directly followed by a name's first character.
		out = strings.ReplaceAll(out, wordJoiner, "\u2060")
		for i := 0; i+1 < len(out); i++ {
			if out[i] == '@' && isAlnum(out[i+1]) && (i == 0 || !isWord(rune(out[i-1]))) {
				t.Fatalf("Escape(%q) = %q mentions at %d", s, out, i)
			}
			if out[i] == '#' && isDigit(out[i+1]) {
				t.Fatalf("Escape(%q) = %q references an issue at %d", s, out, i)
			}
		}
	})
}
