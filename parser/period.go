package parser

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/asectl/asectl/model"
)

// Pages of the 2007–2013 programme (EURA 2007) share much of the 2014
// pages' vocabulary, and were half read as 2014 descriptions with dozens of
// findings. Their own header line, headings and labels (folded as
// normLabel folds) identify them; see FORMAT.md, "Other shapes seen".
var eura2007 = struct {
	headerSuffix string   // the header line ends so, and names its fund in brackets
	headings     []string // a heading line starts so
	labels       []string // a "Label: value" line's label
}{
	headerSuffix: "rahoittaman projektin kuvaus",
	headings:     []string{"1. projekti", "2. projektin toteuttaja", "3. projektin toteutusalue"},
	labels: []string{"projektikoodi", "projektin nimi", "osio", "ohjelma", "projektityyppi",
		"toteuttajaorganisaation nimi", "vastuuhenkilön nimi"},
}

const reasonEURA2007 = "this is a page of the 2007–2013 programme (EURA 2007: Projektikoodi, Projektityyppi, sections 1. Projekti, 2. Projektin toteuttaja); asectl reads 2014–2020 descriptions (EURA 2014) only"

// reasonEURA2007Code refuses a 2007 page in a language whose labels the
// tables do not know (English), told by its project code; see code2007.
const reasonEURA2007Code = "this is a page of the 2007–2013 programme (EURA 2007: its project code is an ESF code of that programme, S1 and four digits, where 2014–2020 ESF codes are S2…); asectl reads 2014–2020 descriptions (EURA 2014) only"

// otherPeriod returns why the lines are a page of another programme period
// ("" if they are not): a 2007 header line, or two of its headings and
// labels.
func otherPeriod(lines []line, f *folder) string {
	if header, score := signs2007(lines, f, 2); header || score >= 2 {
		return reasonEURA2007
	}
	return ""
}

// code2007 returns why a page whose project code was read is a page of the
// 2007–2013 programme ("" if it is not), whatever its language: the EURA
// 2007 pages' labels are known in Finnish only (FORMAT.md), but their ESF
// codes are S1dddd (the 2007–2013 project list: S10001–S12162), while every
// 2014–2020 code is A7dddd or S2dddd (all 2,881 of the 2014–2020 list). A
// mistyped code alone must not refuse a 2014 page, so a second sign is
// asked for: a line numbered "N. Title" before the code, as the 2007 pages
// number their sections ("1. Projekti") and the 2014 pages do not ("1
// Hanke"), or one of the Finnish 2007 headings or labels. The 2007 EAKR
// codes' range is not known: such pages are not told apart.
func code2007(lines []line, f *folder, code model.Text) string {
	c := code.Value
	if !code.Valid || len(c) != 6 || c[0] != 'S' || c[1] != '1' || !isDigits(c[2:]) {
		return ""
	}
	if header, score := signs2007(lines, f, 1); header || score >= 1 {
		return reasonEURA2007Code
	}
	for i := range lines {
		l := &lines[i]
		if l.num >= code.Pos.Line {
			break
		}
		if dottedHeading(l.body) {
			return reasonEURA2007Code
		}
	}
	return ""
}

// dottedHeading reports whether s looks like a section heading numbered
// with a dot: "1. Project", short, capitalised, not a sentence.
func dottedHeading(s string) bool {
	if len(s) < 4 || len(s) > 80 || s[0] < '1' || s[0] > '9' || s[1] != '.' || s[2] != ' ' || strings.HasSuffix(s, ".") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[3:])
	return unicode.IsUpper(r)
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// signs2007 looks for the Finnish EURA 2007 header line and counts the
// other headings and labels of those pages seen, up to enough.
func signs2007(lines []line, f *folder, enough int) (header bool, score int) {
	seen := map[string]bool{}
	for i := range lines {
		l := &lines[i]
		if l.body == "" || len(l.body) > maxLabelBytes {
			continue
		}
		if _, ok := fundBracket(l.body); ok && strings.HasSuffix(l.normBody(f), eura2007.headerSuffix) {
			return true, score
		}
		if c := l.body[0]; c >= '1' && c <= '3' {
			n := l.normBody(f)
			for _, h := range eura2007.headings {
				if strings.HasPrefix(n, h) && !seen[h] && (len(n) == len(h) || n[len(h)] == ' ') {
					seen[h] = true
					score++
				}
			}
		}
		if k := l.labelKey(f); k != "" {
			for _, lb := range eura2007.labels {
				if k == lb && !seen[lb] {
					seen[lb] = true
					score++
				}
			}
		}
		if score >= enough {
			return false, score
		}
	}
	return false, score
}
