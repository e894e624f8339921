package parser

import "strings"

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

// otherPeriod returns why the lines are a page of another programme period
// ("" if they are not): a 2007 header line, or two of its headings and
// labels.
func otherPeriod(lines []line, f *folder) string {
	score := 0
	seen := map[string]bool{}
	for i := range lines {
		l := &lines[i]
		if l.body == "" || len(l.body) > maxLabelBytes {
			continue
		}
		if _, ok := fundBracket(l.body); ok && strings.HasSuffix(l.normBody(f), eura2007.headerSuffix) {
			return reasonEURA2007
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
		if score >= 2 {
			return reasonEURA2007
		}
	}
	return ""
}
