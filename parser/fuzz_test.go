package parser

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/asectl/asectl/internal/vary"
)

// FuzzParse: any bytes either fail with a typed error or give a model that
// marshals to valid JSON with every problem inside the file.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("../testdata/real/*.txt")
	files = append(files, sample)
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("1 Hanke\nHankekoodi: A1\n5 Projektin julkinen rahoitus, euroa\nMyönnetty EU- ja valtion rahoitus: 1.234\n"))
	f.Add([]byte("Hankekoodi: A72213\nToimintalinja: 2.\n8.2 Kestävä kehitys\nX 1 2\n"))
	f.Add([]byte("1 Hanke\nHankekoodi: S2\n7 Hakemusvaiheessa ilmoitettavat arviot hankekohtaisista seurantiedoista\n7.1 Osallistujien määrä\nSuunniteltu: 120, joista naisia 60\n8 Horisontaaliset periaatteet\n8.3 Muu\nteksti\n"))
	// HTML pages: a small one, and a twin of a real page in each style.
	f.Add([]byte("<!DOCTYPE html><h2>1 Hanke</h2><table><tr><th>Hankekoodi</th><td>A72213</td></tr><tr><th>Toimintalinja</th><td>2: Uusimman &auml;</td></tr></table><p>a<br>b</p>"))
	if b, err := os.ReadFile("../testdata/real/A74284.txt"); err == nil {
		if res, err := Parse("x", b, Options{}); err == nil {
			for _, style := range styles {
				f.Add([]byte(renderHTML(style, string(b), res.Doc)))
			}
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		checkScan(t, src)
		res, err := Parse("fuzz", src, Options{})
		if err != nil {
			if !errors.Is(err, ErrNotDescription) && !errors.Is(err, ErrEncoding) {
				t.Fatalf("untyped error: %v", err)
			}
			return
		}
		b, err := json.Marshal(res.Doc)
		if err != nil {
			t.Fatalf("marshal: %v", err)
		}
		if !json.Valid(b) {
			t.Fatalf("invalid JSON: %s", b)
		}
		lines := bytes.Count(src, []byte("\n")) + bytes.Count(src, []byte("\r")) + 1
		for _, p := range res.Problems {
			if p.Pos.Line < 1 || p.Pos.Col < 1 || p.Pos.Line > lines {
				t.Fatalf("problem outside the file (%d lines): %+v", lines, p)
			}
		}
		for i := 1; i < len(res.Problems); i++ {
			if res.Problems[i].Pos.Before(res.Problems[i-1].Pos) {
				t.Fatalf("problems not sorted")
			}
		}
		if text, _, err := Decode(src, "auto"); err == nil && !res.HTML {
			// A page's positions are checked against its text twin
			// (TestHTMLTwins): its values stand there with entities and tags.
			checkPositions(t, text, res.Doc)
		}
	})
}

// checkScan holds scanUTF8 to what it replaces: utf8.Valid, and the line by
// line scan for characters that need the exact checks.
func checkScan(t *testing.T, src []byte) {
	t.Helper()
	valid, clean := scanUTF8(src)
	if valid != utf8.Valid(src) {
		t.Fatalf("scanUTF8 says valid=%v of %q", valid, src)
	}
	if !valid {
		return
	}
	text := strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(string(src))
	want := true
	for _, l := range strings.Split(text, "\n") {
		if needsExactChecks(l) {
			want = false
		}
	}
	if clean != want {
		t.Fatalf("scanUTF8 says clean=%v of %q", clean, src)
	}
}

// FuzzFieldValue puts any text in place of one value of the reference
// sample, so that every field's own reading (amounts, dates, periods,
// figures, names, answers, scores) meets hostile values at its place; random
// bytes seldom reach them. No panic, and every problem lies on a line of
// the file, at most one column past its end.
func FuzzFieldValue(f *testing.F) {
	s := vary.ForFuzz(f, sample)
	f.Fuzz(func(t *testing.T, which uint8, value string) {
		in := s.With(int(which), value)
		res, err := Parse("fuzz", []byte(in), Options{})
		if err != nil {
			if !errors.Is(err, ErrNotDescription) && !errors.Is(err, ErrEncoding) {
				t.Fatalf("untyped error: %v", err)
			}
			return
		}
		if _, err := json.Marshal(res.Doc); err != nil {
			t.Fatalf("marshal: %v", err)
		}
		text, _, err := Decode([]byte(in), "auto")
		if err != nil {
			t.Fatal(err)
		}
		checkPositions(t, text, res.Doc)
		got := strings.Split(text, "\n")
		for _, p := range res.Problems {
			if p.Pos.Line < 1 || p.Pos.Line > len(got) {
				t.Fatalf("problem outside the file: %+v", p)
			}
			if n := utf8.RuneCountInString(strings.TrimRight(got[p.Pos.Line-1], " \t\r")); p.Pos.Col < 1 || p.Pos.Col > n+1 {
				t.Fatalf("problem past its line (%d characters): %+v", n, p)
			}
		}
	})
}
