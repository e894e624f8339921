package report

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/asectl/asectl/internal/vary"
	"github.com/asectl/asectl/parser"
	"github.com/asectl/asectl/validate"
)

// manyNames parses testdata/A72213.txt with n unknown municipalities added
// to its list (one area-unknown-name finding each).
func manyNames(t *testing.T, n int) *parser.Result {
	t.Helper()
	src := read(t, "../testdata/A72213.txt")
	src = vary.WithNames(src, n)
	res, err := parser.Parse("many.txt", src, parser.Options{})
	require.NoError(t, err)
	return res
}

// TestFindingsCapped: a description with more findings than
// MaxShownFindings lists that many, says exactly how many more there are
// (in the page's language) and counts every finding in its totals; a
// portfolio counts them all too. An item filled from a findings stream
// (AddFindings, in chunks) holds at most MaxShownFindings and gives the same
// pages, byte for byte, as one holding every finding.
func TestFindingsCapped(t *testing.T) {
	const extra = 1234
	res := manyNames(t, MaxShownFindings+extra)
	cfg := validate.Config{Today: today}
	all := validate.Check(res, cfg)
	require.Greater(t, len(all), MaxShownFindings+extra-1)
	unknown, errs, warns := 0, 0, 0
	for _, f := range all {
		if f.Rule == "area-unknown-name" {
			unknown++
		}
		switch f.Severity {
		case validate.Error:
			errs++
		case validate.Warning:
			warns++
		}
	}
	require.Equal(t, MaxShownFindings+extra, unknown)
	whole := Item{Source: "many.txt", Doc: res.Doc, Findings: all}

	streamed := func(chunk int) Item {
		fs, st := validate.CheckStream(res, cfg, chunk)
		require.NotNil(t, st, "chunk %d", chunk)
		it := Item{Source: "many.txt", Doc: res.Doc, Findings: fs}
		require.NoError(t, st.Each(nil, it.AddFindings))
		require.Len(t, it.Findings, MaxShownFindings)
		require.Equal(t, all[:MaxShownFindings], it.Findings)
		require.Equal(t, Counts{Total: len(all), Errors: errs, Warnings: warns, ByRule: countFindings(all).ByRule}, *it.Counts)
		return it
	}
	wantMore := map[string]string{
		"en": fmt.Sprintf("… %s more findings not shown: asectl validate lists them all", group(len(all)-MaxShownFindings, ",")),
		"fi": fmt.Sprintf("… %s havaintoa lisää ei näy tässä: asectl validate luettelee kaikki", group(len(all)-MaxShownFindings, "\u00a0")),
	}
	// The Markdown table lists at most maxMarkdownRows, fewer when their
	// characters run out (maxMarkdownFindingChars).
	wantMoreMD := func(lang string, rows int) string {
		return map[string]string{
			"en": fmt.Sprintf("_… %s more findings not shown: asectl validate lists them all_\n", group(len(all)-rows, ",")),
			"fi": fmt.Sprintf("_… %s havaintoa lisää ei näy tässä: asectl validate luettelee kaikki_\n", group(len(all)-rows, "\u00a0")),
		}[lang]
	}
	wantSum := map[string]string{
		"en": fmt.Sprintf("(%d errors, %s warnings)", errs, group(warns, ",")),
		"fi": fmt.Sprintf("(%d virhettä, %s varoitusta)", errs, group(warns, "\u00a0")),
	}
	wantNames := map[string]string{
		"en": fmt.Sprintf("Eik%d, … %s more<", maxShownNames-5, group(len(res.Doc.Area.Municipalities)-maxShownNames, ",")),
		"fi": fmt.Sprintf("Eik%d, … %s muuta<", maxShownNames-5, group(len(res.Doc.Area.Municipalities)-maxShownNames, "\u00a0")),
	}
	for _, lang := range []string{"en", "fi"} {
		page := string(render(t, true, []Item{whole}, lang))
		assert.Equal(t, MaxShownFindings, strings.Count(page, `<tr><td class="sev-`), lang)
		assert.Equal(t, 1, strings.Count(page, "\n<p class=\"sub\">"+wantMore[lang]+"</p>\n"), lang)
		assert.Contains(t, page, wantSum[lang]+"</small></h2>")
		assert.Contains(t, page, wantNames[lang])
		assert.NotContains(t, page, fmt.Sprintf("Eik%d,", maxShownNames-4))
		md := string(render(t, false, []Item{whole}, lang))
		rows := strings.Count(md, "\n| warning |")
		assert.True(t, rows > 100 && rows <= maxMarkdownRows, "%d rows", rows)
		assert.Equal(t, 1, strings.Count(md, "\n"+wantMoreMD(lang, rows)), lang)
		assert.Contains(t, md, wantSum[lang]+"\n")
		assert.Contains(t, md, strings.TrimSuffix(wantNames[lang], "<")+" |")

		for _, chunk := range []int{1, 7, 1000, 1001, len(all) - 1} {
			it := streamed(chunk)
			assert.Equal(t, page, string(render(t, true, []Item{it}, lang)), "chunk %d", chunk)
			assert.Equal(t, md, string(render(t, false, []Item{it}, lang)), "chunk %d", chunk)
		}

		// A portfolio: the totals, the most frequent findings and the
		// project's row count every finding, not the ones listed.
		s := sampleItems(t)[0]
		pwhole := string(render(t, true, []Item{whole, s}, lang))
		pstream := string(render(t, true, []Item{streamed(100), s}, lang))
		assert.Equal(t, pwhole, pstream)
		se, sw := 0, 0
		for _, f := range s.Findings {
			switch f.Severity {
			case validate.Error:
				se++
			case validate.Warning:
				sw++
			}
		}
		sep := map[string]string{"en": ",", "fi": "\u00a0"}[lang]
		row := fmt.Sprintf(`data-key="%d">%s / %s</td>`, errs*(warns+1)+warns, group(errs, sep), group(warns, sep))
		assert.Contains(t, pwhole, row)
		top := map[string]string{"en": fmt.Sprintf("<code>area-unknown-name</code></td><td>%s findings in 1 file</td>", group(unknown, ",")),
			"fi": fmt.Sprintf("<code>area-unknown-name</code></td><td>%s havaintoa 1 tiedostossa</td>", group(unknown, "\u00a0"))}
		assert.Contains(t, pwhole, top[lang])
		total := map[string]string{"en": fmt.Sprintf("%d errors, %s warnings", errs+se, group(warns+sw, ",")),
			"fi": fmt.Sprintf("%d virhettä, %s varoitusta", errs+se, group(warns+sw, "\u00a0"))}
		assert.Contains(t, pwhole, "<td class=\"num\">"+total[lang]+"</td>")
	}

	// At the cap exactly, nothing is left out and nothing is said.
	at := Item{Source: "many.txt", Doc: res.Doc, Findings: all[:MaxShownFindings]}
	page := string(render(t, true, []Item{at}, "en"))
	assert.Equal(t, MaxShownFindings, strings.Count(page, `<tr><td class="sev-`))
	assert.NotContains(t, page, "not shown")
}

// group writes n with sep between groups of three digits, as the page's
// language does.
func group(n int, sep string) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + sep + s[i:]
	}
	return s
}
