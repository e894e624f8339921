package fetch

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/text/encoding/charmap"

	"github.com/asectl/asectl/parser"
)

// Checker decides whether a downloaded page is the description of the
// project code: nil if it is, else an error whose text says why not (an
// error page, an empty body, a login form). It must not keep page.
type Checker func(code string, page []byte) error

// LooksLikeDescription is the default Checker. It reads the page's text as
// a reader sees it (tags, scripts and styles dropped, entities decoded) and
// asks for the project code and a description's header line (for example
// "Euroopan aluekehitysrahaston (EAKR) rahoittaman hankkeen kuvaus"), or
// its section 1 heading with the project-code label, in any language of
// the parser's label tables. A page with a password field is a login page.
func LooksLikeDescription(code string, page []byte) error {
	if !ValidCode(code) {
		return fmt.Errorf("%q is not a project code", code)
	}
	if len(bytes.TrimSpace(page)) == 0 {
		return errors.New("the page is empty")
	}
	text, login := pageText(page)
	if login {
		return errors.New("the page is a login form")
	}
	if !containsWord(text, strings.ToLower(code)) {
		return errors.New("the page does not name project " + code)
	}
	for _, l := range parser.Languages() {
		for _, hs := range l.Headers {
			for _, h := range hs {
				if strings.Contains(text, fold(h)) {
					return nil
				}
			}
		}
		if strings.Contains(text, fold(l.Sections["1"])) {
			for label, field := range l.Fields["1"] {
				if field == "project.code" && strings.Contains(text, fold(label)) {
					return nil
				}
			}
		}
	}
	return errors.New("no description heading was found on the page")
}

// pageText returns the visible text of an HTML (or plain-text) page,
// lower-cased with runs of white space made one space, and whether the
// page has a password field. Bytes that are not UTF-8 are read as
// Windows-1252, the service's older pages' encoding, whatever the page
// declares: a wrong charset must not hide a description.
func pageText(page []byte) (string, bool) {
	if !utf8.Valid(page) {
		if b, err := charmap.Windows1252.NewDecoder().Bytes(page); err == nil {
			page = b
		}
	}
	var sb strings.Builder
	login := false
	skip := 0 // depth inside script, style, template
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return fold(sb.String()), login
		case html.TextToken:
			if skip == 0 {
				sb.Write(z.Text())
				sb.WriteByte(' ')
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch string(name) {
			case "script", "style", "template", "noscript":
				if tt == html.StartTagToken {
					skip++
				}
			case "input":
				for hasAttr {
					var k, v []byte
					k, v, hasAttr = z.TagAttr()
					if string(k) == "type" && strings.EqualFold(string(v), "password") {
						login = true
					}
				}
			}
			// Block elements end a line for a reader; a space is enough here.
			sb.WriteByte(' ')
		case html.EndTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "script", "style", "template", "noscript":
				skip = max(skip-1, 0)
			}
			sb.WriteByte(' ')
		}
	}
}

// fold lower-cases s and makes each run of white space (U+00A0 too) one
// space.
func fold(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), unicode.IsSpace), " ")
}

// containsWord reports whether w occurs in s not inside a longer run of
// letters and digits (A72213 is not in A722130).
func containsWord(s, w string) bool {
	if w == "" {
		return false
	}
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		j += i
		before, _ := utf8.DecodeLastRuneInString(s[:j])
		after, _ := utf8.DecodeRuneInString(s[j+len(w):])
		if !isAlnum(before) && !isAlnum(after) {
			return true
		}
		i = j + 1
	}
}

func isAlnum(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r))
}
