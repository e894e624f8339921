package report

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/asectl/asectl/parser"
	"github.com/asectl/asectl/validate"
)

// TestFindingsSortKeyOrder: the portfolio table's "Errors / warnings"
// column sorts errors first, then warnings, whatever the number of
// warnings. Its key was errors × 100,000 + warnings, so a description with
// 100,000 warnings or more (one with unknown municipalities listed) sorted
// above one with an error.
func TestFindingsSortKeyOrder(t *testing.T) {
	s := sampleItems(t)[0]
	withCounts := func(src string, e, w int) Item {
		return Item{Source: src, Doc: s.Doc, Counts: &Counts{Total: e + w, Errors: e, Warnings: w, ByRule: map[string]int{}}}
	}
	items := []Item{
		withCounts("a.txt", 1, 0),
		withCounts("b.txt", 0, 100000),
		withCounts("c.txt", 0, 900001),
		withCounts("d.txt", 2, 99999),
		withCounts("e.txt", 1, 123456789),
	}
	// The order the column must give, lowest first.
	want := []string{"0 / 100,000", "0 / 900,001", "1 / 0", "1 / 123,456,789", "2 / 99,999"}
	page := string(render(t, true, items, "en"))
	re := regexp.MustCompile(`<td class="num" data-key="([0-9]+)">([0-9,]+ / [0-9,]+)</td>`)
	ms := re.FindAllStringSubmatch(page, -1)
	require.Len(t, ms, len(items))
	keys := map[string]float64{}
	for _, m := range ms {
		// The page's script compares the keys as JavaScript numbers.
		k, err := strconv.ParseFloat(m[1], 64)
		require.NoError(t, err)
		require.Equal(t, m[1], strconv.FormatFloat(k, 'f', -1, 64), "key %s is not exact as a float64", m[1])
		keys[m[2]] = k
	}
	for i := 1; i < len(want); i++ {
		assert.Less(t, keys[want[i-1]], keys[want[i]], "%q sorts before %q", want[i-1], want[i])
	}
}

// TestPortfolioCountsGrouped: every count on a portfolio page is written
// with the language's digit grouping — the descriptions, the counts by
// fund, axis, objective, state and region, the bands of execution rates
// and each project's errors and warnings — as the findings' totals are
// ("0 errors, 6,028 warnings" stood next to "0 / 5001").
func TestPortfolioCountsGrouped(t *testing.T) {
	s := sampleItems(t)[0]
	const n = 1234
	items := make([]Item, 0, n)
	for i := range n {
		it := s
		it.Source = fmt.Sprintf("d%d.txt", i)
		items = append(items, it)
	}
	items[0].Counts = &Counts{Total: 5001, Warnings: 5001, ByRule: map[string]int{"area-unknown-name": 5001}}
	for _, c := range []struct{ lang, sep string }{{"en", ","}, {"fi", "\u00a0"}} {
		want := "1" + c.sep + "234"
		page := string(render(t, true, items, c.lang))
		has(t, page, `<td class="num">`+want+`</td></tr><tr><th scope="row">`, "%s: Descriptions", c.lang)
		hasNot(t, page, ">1234<", c.lang)
		// Fund, axis, objective, state, region: all n descriptions.
		assert.Equal(t, 5, strings.Count(page, `</td><td class="num">`+want+`</td></tr></table>`), c.lang)
		has(t, page, ">0 / 5"+c.sep+"001</td>", c.lang)
		// The execution rates' band of the sample (95.5 %).
		has(t, page, ">"+want+"</text>", c.lang)
		md := string(render(t, false, items, c.lang))
		has(t, md, " | "+want+" |\n", c.lang)
		hasNot(t, md, " 1234 ", c.lang)
		has(t, md, " | 0 / 5"+c.sep+"001 |\n", c.lang)
	}
}

// TestMoreNamesSingular: one name left out is "… 1 more" in English and
// "… 1 muu" in Finnish (not "1 muuta", the partitive that follows 2 and
// up).
func TestMoreNamesSingular(t *testing.T) {
	for _, c := range []struct {
		extra int
		en    string
		fi    string
	}{
		{1, "… 1 more<", "… 1 muu<"},
		{2, "… 2 more<", "… 2 muuta<"},
	} {
		res := manyNames(t, maxShownNames-4+c.extra) // A72213 lists 4
		require.Len(t, res.Doc.Area.Municipalities, maxShownNames+c.extra)
		it := Item{Source: "many.txt", Doc: res.Doc}
		has(t, string(render(t, true, []Item{it}, "en")), c.en)
		has(t, string(render(t, true, []Item{it}, "fi")), c.fi)
	}
}

// has and hasNot check for sub in a page without printing the page.
func has(t *testing.T, page, sub string, msg ...any) {
	t.Helper()
	assert.True(t, strings.Contains(page, sub), "no %q in the page %v", sub, msg)
}

func hasNot(t *testing.T, page, sub string, msg ...any) {
	t.Helper()
	assert.False(t, strings.Contains(page, sub), "%q in the page %v", sub, msg)
}

// longNames parses testdata/A72213.txt with n unknown municipalities of
// 60 characters each added to its list.
func longNames(t *testing.T, n int) *parser.Result {
	t.Helper()
	return longNamesIn(t, read(t, "../testdata/A72213.txt"), n)
}

func longNamesIn(t *testing.T, src []byte, n int) *parser.Result {
	t.Helper()
	var names bytes.Buffer
	for i := range n {
		fmt.Fprintf(&names, ", Pitkänimisenkuntayhtymänalueellinenosasto%04dYhteistoiminta", i)
	}
	i := bytes.Index(src, []byte("\nKunnat:"))
	require.Positive(t, i)
	end := i + 1 + bytes.IndexByte(src[i+1:], '\n')
	src = bytes.Join([][]byte{src[:end], names.Bytes(), src[end:]}, nil)
	res, err := parser.Parse("long.txt", src, parser.Options{})
	require.NoError(t, err)
	return res
}

// TestMarkdownWithinComment: a Markdown page stays within a pull-request
// comment (65,536 characters on GitHub) when its findings and names are
// long: 2,000 unknown municipalities of 60 characters made an 89,125
// character page (400 names in one cell, 300 findings quoting them). The
// findings table stops short of its 300 rows when its characters run out
// and says exactly how many more there are; a cell of names stops at
// maxNameChars characters with how many names it left out.
func TestMarkdownWithinComment(t *testing.T) {
	const n = 2000
	res := longNames(t, n)
	all := validate.Check(res, validate.Config{Today: today})
	require.Len(t, all, n+1)
	it := Item{Source: "long.txt", Doc: res.Doc, Findings: all}
	for _, lang := range []string{"en", "fi"} {
		md := string(render(t, false, []Item{it}, lang))
		assert.LessOrEqual(t, utf8.RuneCountInString(md), 65536, lang)
		rows := strings.Count(md, "\n| warning |")
		assert.Positive(t, rows, lang)
		sep := map[string]string{"en": ",", "fi": "\u00a0"}[lang]
		more := map[string]string{"en": "_… %s more findings not shown: asectl validate lists them all_\n",
			"fi": "_… %s havaintoa lisää ei näy tässä: asectl validate luettelee kaikki_\n"}[lang]
		has(t, md, fmt.Sprintf(more, group(len(all)-rows, sep)), lang)
		// The names' cell: whole names, then how many more.
		cell := regexp.MustCompile(`\| (?:Municipalities|Kunnat) \| (.*) \|\n`).FindStringSubmatch(md)
		require.NotNil(t, cell, lang)
		assert.LessOrEqual(t, utf8.RuneCountInString(cell[1]), maxNameChars+40, lang)
		names := strings.Split(cell[1], ", ")
		last := names[len(names)-1]
		shown := len(names) - 1
		word := map[string]string{"en": "more", "fi": "muuta"}[lang]
		assert.Equal(t, fmt.Sprintf("… %s %s", group(n+4-shown, sep), word), last, lang)
		page := string(render(t, true, []Item{it}, lang))
		has(t, page, ", "+last+"<", lang)
	}

	// Every municipality of Finland (320, 3,097 characters joined) fits in
	// a cell whole.
	assert.Greater(t, maxNameChars, 3097+3*320)
}

// TestMarkdownWithinCommentEscapes: the free texts' budget counts the
// characters written, escapes included. It counted them before escaping,
// so a text of Markdown characters (each written with a backslash) beside
// long findings and names made a page longer than a comment takes.
func TestMarkdownWithinCommentEscapes(t *testing.T) {
	special := strings.Repeat("*_[x]_* ", 10) + "\n"
	src := strings.Replace(string(read(t, "../testdata/A72213.txt")), "9 Loppuraportin tiivistelmä\n",
		"9 Loppuraportin tiivistelmä\n"+strings.Repeat(special, 600), 1)
	res := longNamesIn(t, []byte(src), 2000)
	it := Item{Source: "long.txt", Doc: res.Doc, Findings: validate.Check(res, validate.Config{Today: today})}
	for _, lang := range []string{"en", "fi"} {
		md := string(render(t, false, []Item{it}, lang))
		assert.LessOrEqual(t, utf8.RuneCountInString(md), 65536, lang)
		end := regexp.MustCompile(map[string]string{"en": `\n_… [0-9,]+ more characters: the HTML report has the whole text_\n\n$`,
			"fi": `\n_… [0-9\x{a0}]+ merkkiä lisää: HTML-raportissa on koko teksti_\n\n$`}[lang])
		assert.True(t, end.MatchString(md), "%s: ends %q", lang, md[max(0, len(md)-200):])
	}
}

// TestMarkdownWithinCommentAstral: GitHub counts a comment's characters
// in UTF-16 code units, as JavaScript does, so an emoji counts 2. The
// budgets counted code points, so free texts and names of emoji made a page
// longer than a comment takes.
func TestMarkdownWithinCommentAstral(t *testing.T) {
	text := strings.Repeat("😀", 80) + "\n"
	src := strings.Replace(string(read(t, "../testdata/A72213.txt")), "9 Loppuraportin tiivistelmä\n",
		"9 Loppuraportin tiivistelmä\n"+strings.Repeat(text, 600), 1)
	src = strings.Replace(src, "Hankkeen nimi: ", "Hankkeen nimi: "+strings.Repeat("🦊", 900), 1)
	res := longNamesIn(t, []byte(src), 2000)
	it := Item{Source: "astral.txt", Doc: res.Doc, Findings: validate.Check(res, validate.Config{Today: today})}
	for _, lang := range []string{"en", "fi"} {
		md := string(render(t, false, []Item{it}, lang))
		assert.LessOrEqual(t, len(utf16.Encode([]rune(md))), 65536, lang)
		end := regexp.MustCompile(map[string]string{"en": `\n_… [0-9,]+ more characters: the HTML report has the whole text_\n\n$`,
			"fi": `\n_… [0-9\x{a0}]+ merkkiä lisää: HTML-raportissa on koko teksti_\n\n$`}[lang])
		assert.True(t, end.MatchString(md), "%s: ends %q", lang, md[max(0, len(md)-200):])
	}
}

// TestMarkdownPageCut: hostile values in every fact (each cut at
// maxMarkdownCell, of emoji that count 2 each) and a cell of emoji names
// made an 88,336-unit page; the page is cut at a line within a comment,
// with a note that says so.
func TestMarkdownPageCut(t *testing.T) {
	src := string(read(t, "../testdata/A72213.txt"))
	re := regexp.MustCompile(`(?m)^(Hankkeen nimi|Hakijan virallinen nimi|Vastuuviranomainen|Jakeluosoite|Toimintalinja|Erityistavoite): `)
	src = re.ReplaceAllString(src, "$1: "+strings.Repeat("🦊", 20000))
	var names strings.Builder
	for i := range 2000 {
		fmt.Fprintf(&names, ", %s%04d", strings.Repeat("😀", 30), i)
	}
	i := strings.Index(src, "\nKunnat:")
	require.Positive(t, i)
	end := i + 1 + strings.IndexByte(src[i+1:], '\n')
	src = src[:end] + names.String() + src[end:]
	res, err := parser.Parse("astral.txt", []byte(src), parser.Options{})
	require.NoError(t, err)
	it := Item{Source: "astral.txt", Doc: res.Doc, Findings: validate.Check(res, validate.Config{Today: today})}
	for _, lang := range []string{"en", "fi"} {
		md := string(render(t, false, []Item{it}, lang))
		n := len(utf16.Encode([]rune(md)))
		assert.LessOrEqual(t, n, 65536, lang)
		assert.Greater(t, n, 60000, lang)
		note := map[string]string{"en": "\n\n_… the rest of the page is left out to stay within a pull-request comment: the HTML report has it all_\n",
			"fi": "\n\n_… sivun loppu jätetään pois, jotta se mahtuu pull request -kommenttiin: HTML-raportissa on kaikki_\n"}[lang]
		assert.True(t, strings.HasSuffix(md, note), "%s: ends %q", lang, md[max(0, len(md)-200):])
		assert.True(t, utf8.ValidString(md), lang)
	}
}

// TestMarkdownLongValue: one value of 100,000 characters (a project name)
// is cut in the Markdown page's title, facts and findings; it made a
// 202,744-character page.
func TestMarkdownLongValue(t *testing.T) {
	src := strings.Replace(string(read(t, "../testdata/A72213.txt")), "Hankkeen nimi: ",
		"Hankkeen nimi: "+strings.Repeat("Nimi ", 20000), 1)
	it := item(t, "longname.txt", []byte(src))
	for _, lang := range []string{"en", "fi"} {
		md := string(render(t, false, []Item{it}, lang))
		assert.LessOrEqual(t, utf8.RuneCountInString(md), 65536, lang)
		lines := strings.Split(md, "\n")
		title := lines[0]
		assert.True(t, strings.HasPrefix(title, "# A72213 Nimi Nimi ") && strings.HasSuffix(title, "…"), lang)
		assert.Equal(t, maxMarkdownTitle+len("# ")+1, utf8.RuneCountInString(title), lang)
		var cell string
		for _, l := range lines {
			if _, v, ok := strings.Cut(l, " | Nimi Nimi "); ok && strings.HasPrefix(l, "| ") {
				cell = "Nimi Nimi " + strings.TrimSuffix(v, " |")
			}
		}
		assert.True(t, strings.HasSuffix(cell, "…"), lang)
		assert.Equal(t, maxMarkdownCell+1, utf8.RuneCountInString(cell), lang)
	}
}
