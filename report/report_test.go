package report

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	stdhtml "html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/asectl/asectl/internal/gen"
	goldenfile "github.com/asectl/asectl/internal/golden"
	"github.com/asectl/asectl/model"
	"github.com/asectl/asectl/parser"
	"github.com/asectl/asectl/validate"
)

var update = flag.Bool("update", false, "rewrite golden files")

var today = model.Date{Year: 2026, Month: time.November, Day: 27}

func item(t *testing.T, name string, src []byte) Item {
	t.Helper()
	res, err := parser.Parse(name, src, parser.Options{})
	require.NoError(t, err)
	return Item{Source: name, Doc: res.Doc, Findings: validate.Check(res, validate.Config{Today: today})}
}

func read(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return b
}

func sampleItems(t *testing.T) []Item {
	return []Item{item(t, "testdata/A72213.txt", read(t, "../testdata/A72213.txt"))}
}

// portfolioItems: the sample, generated descriptions, a real cut-short
// page and an unreadable input.
func portfolioItems(t *testing.T) []Item {
	items := sampleItems(t)
	g := gen.New(read(t, "../testdata/A72213.txt"), 5)
	for i := 0; i < 6; i++ {
		items = append(items, item(t, fmt.Sprintf("gen/%d.txt", i), g.Description(i)))
	}
	items = append(items, item(t, "testdata/real/S20044.txt", read(t, "../testdata/real/S20044.txt")))
	items = append(items, Item{Source: "missing.txt", Error: "cannot read: no such file or directory"})
	return items
}

func render(t *testing.T, html bool, items []Item, lang string) []byte {
	t.Helper()
	var buf bytes.Buffer
	o := Options{Lang: lang, Today: today, Version: "test"}
	if html {
		require.NoError(t, HTML(&buf, items, o))
	} else {
		require.NoError(t, Markdown(&buf, items, o))
	}
	return buf.Bytes()
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	goldenfile.Check(t, filepath.Join("../testdata/golden/report", name), got, *update)
}

func TestGolden(t *testing.T) {
	for _, lang := range []string{"en", "fi"} {
		golden(t, "project."+lang+".html", render(t, true, sampleItems(t), lang))
		golden(t, "project."+lang+".md", render(t, false, sampleItems(t), lang))
		golden(t, "portfolio."+lang+".html", render(t, true, portfolioItems(t), lang))
		golden(t, "portfolio."+lang+".md", render(t, false, portfolioItems(t), lang))
	}
}

func TestLocaleFormats(t *testing.T) {
	fi, en := newLocale("fi"), newLocale("en")
	assert.Equal(t, "1\u00a0551\u00a0280\u00a0€", fi.euros(155128000))
	assert.Equal(t, "€1,551,280", en.euros(155128000))
	assert.Equal(t, "13.2.2016", fi.date(model.Date{Year: 2016, Month: 2, Day: 13}))
	assert.Equal(t, "13 Feb 2016", en.date(model.Date{Year: 2016, Month: 2, Day: 13}))
	assert.Equal(t, "95,5\u00a0%", fi.percent(148150700, 155128000))
	names := []string{"Örö", "Zeta", "Åland", "Äijä", "Alpha"}
	fi.sortNames(names)
	assert.Equal(t, []string{"Alpha", "Zeta", "Åland", "Äijä", "Örö"}, names, "Finnish order: Å, Ä, Ö after Z")
	names = []string{"Örö", "Zeta", "Åland", "Äijä", "Alpha"}
	en.sortNames(names)
	assert.Equal(t, []string{"Äijä", "Åland", "Alpha", "Örö", "Zeta"}, names)
}

// TestHostileValuesAreEscaped: <script> and quotes in any field come out
// escaped, in both formats.
func TestHostileValuesAreEscaped(t *testing.T) {
	src := strings.NewReplacer(
		"Hankkeen nimi: Lapin", `Hankkeen nimi: <script>alert("x")</script> "Lapin`,
		"Lapin liitto", `<img src=x onerror=alert(1)>|*bold*`,
		"Hakijan virallinen nimi: Lapin Yliopisto", `Hakijan virallinen nimi: '"><svg onload=alert(1)>`,
		"Luonnonvarojen käytön kestävyys 8 9\n", "Luonnonvarojen käytön kestävyys 8 9\n</desc><script>alert(2)</script>\n",
		"\n9 Loppuraportin", "\n8.3 Osa <script>alert(3)</script>\n<b onclick=x>teksti</b>\n\n9 Loppuraportin",
		"8 Horisontaaliset periaatteet", "7.3 Osallistujat <svg onload=alert(4)>\nSuunniteltu: 5\n\n8 Horisontaaliset periaatteet",
	).Replace(string(read(t, "../testdata/A72213.txt")))
	items := []Item{item(t, `x"<script>.txt`, []byte(src))}
	for _, html := range []bool{true, false} {
		out := string(render(t, html, items, "en"))
		assert.NotContains(t, out, "<script>alert")
		assert.NotContains(t, out, "<img src=x")
		assert.NotContains(t, out, "<svg onload")
		assert.NotContains(t, out, "</desc><script>")
		assert.NotContains(t, out, "<b onclick")
		assert.Contains(t, out, "Osa &lt;script&gt;alert(3)&lt;/script&gt;")
		if html {
			assert.Contains(t, out, "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;")
		} else {
			assert.Contains(t, out, `&lt;script&gt;alert("x")&lt;/script&gt;`)
			assert.Contains(t, out, `\|\*bold\*`)
		}
	}
	// A portfolio too.
	out := string(render(t, true, append(items, portfolioItems(t)...), "fi"))
	assert.NotContains(t, out, "<script>alert")
	assert.Equal(t, 1, strings.Count(out, "<script>"), "only the page's own sorting script")
}

func TestChartsHaveTheirBars(t *testing.T) {
	// Each chart is drawn twice: wide, and compact for phones.
	out := string(render(t, true, sampleItems(t), "en"))
	assert.Equal(t, 2*15, strings.Count(out, `class="bar direct"`))
	assert.Equal(t, 2*15, strings.Count(out, `class="bar indirect"`))
	assert.Equal(t, 2*2, strings.Count(out, `class="bar planned"`))
	assert.Equal(t, 2*2, strings.Count(out, `class="bar realised"`))
	assert.Equal(t, 2*1, strings.Count(out, `class="bar project"`))
	assert.Equal(t, 3, strings.Count(out, `<svg class="chart wide"`), "timeline, funding, scores")
	assert.Equal(t, 3, strings.Count(out, `<svg class="chart compact"`))
	assert.NotRegexp(t, `(?i)(src|href)="https?:`, out, "no external requests")
}

func findChromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// oddItems: the sample with a period from 1.1.1000 to 31.12.9999 and long
// unbroken values (a name, a URL, a path) that a page must wrap.
func oddItems(t *testing.T) []Item {
	long := strings.Repeat("Pitkä", 30)
	src := strings.NewReplacer(
		"Alkaa 13.2.2016 ja päättyy 15.3.2018", "Alkaa 1.1.1000 ja päättyy 31.12.9999",
		"Hankkeen nimi: Lapin", "Hankkeen nimi: "+long+" Lapin",
		"http://www.ulapland.fi", "http://www.ulapland.fi/"+strings.Repeat("polku/", 40),
	).Replace(string(read(t, "../testdata/A72213.txt")))
	return []Item{item(t, "testdata/"+strings.Repeat("hakemisto/", 20)+"A72213.txt", []byte(src))}
}

// TestValuesInsideTheirDrawing: whatever the amounts, a bar's value is
// placed within its drawing by the width estimate (the browser test checks
// the estimate against real text).
func TestValuesInsideTheirDrawing(t *testing.T) {
	for _, v := range []string{"8", "1 551 280 €", "99 999 999 999 999 €", "€100,000,000,000,000.99"} {
		rows := []barRow{{label: "a", value: "1 €", v: 1}, {label: strings.Repeat("W", 50), value: v, v: 1e15}}
		c := hbars("t", "d", rows, 1e15, nil)
		for _, d := range []Chart{c, *c.Compact} {
			for _, b := range d.Bars {
				assert.GreaterOrEqual(t, b.ValueX, edge, "%s %q", d.Form, b.Value)
				assert.LessOrEqual(t, b.ValueX+textWidth(b.Value, false), d.Width-edge+0.05, "%s %q", d.Form, b.Value)
				assert.LessOrEqual(t, textWidth(b.Label, false), d.Width-2*edge, "%s %q", d.Form, b.Label)
			}
			assert.GreaterOrEqual(t, d.Bars[1].W, 100.0, "%s: the longest bar keeps some length", d.Form)
		}
	}
}

// oddAmountItems: a portfolio whose amounts carry three zeros too many and
// whose region names are long and in capitals, as a mistyped or hostile
// page has them: the funding values at the bars' ends and the region labels
// left their drawings (the width of a character was estimated as 7 units,
// "W" is 11.9 and a digit 7.6).
func oddAmountItems(t *testing.T) []Item {
	src := string(read(t, "../testdata/A72213.txt"))
	var items []Item
	for i, region := range []string{strings.Repeat("W", 40), strings.Repeat("MAAKUNTA", 6), "Lappi"} {
		s := strings.NewReplacer(
			"Myönnetty EU- ja valtion rahoitus: 1 551 280", "Myönnetty EU- ja valtion rahoitus: 9 999 999 999",
			"Suunniteltu julkinen rahoitus yhteensä: 1 926 333", "Suunniteltu julkinen rahoitus yhteensä: 99 999 999 999,99",
			"Maakunnat: Lappi", "Maakunnat: "+region,
		).Replace(src)
		items = append(items, item(t, fmt.Sprintf("odd/%d.txt", i), []byte(s)))
	}
	return items
}

// measurePage wraps a page in a frame of the given width (headless
// Chromium's own window is at least 500 pixels wide) and measures what a
// person would see there, writing it into the wrapper as JSON: the frame's
// width, the page's width (wider means sideways scrolling), whether the
// page's script ran, and for every text of every chart shown, whether it
// lies inside its drawing and the size its letters render at in CSS pixels.
func measurePage(page []byte, width int) []byte {
	// The wrapper says its charset: without it the page in srcdoc was read
	// as Windows-1252, and "6 280 676 €" measured as "6Â 280Â 676Â â‚¬".
	return []byte(fmt.Sprintf(`<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0">
<iframe id="f" style="width:%dpx;height:3000px;border:0" srcdoc="%s"></iframe>
<script>
document.getElementById("f").addEventListener("load", function () {
  var w = this.contentWindow, d = this.contentDocument;
  var out = {viewport: w.innerWidth, page: d.documentElement.scrollWidth, ready: d.body.getAttribute("data-ready") === "1",
    charts: 0, texts: 0, minFont: 1e9, outside: [], broken: []};
  d.querySelectorAll("svg.chart").forEach(function (svg) {
    var r = svg.getBoundingClientRect();
    if (r.width === 0) { return; }
    out.charts++;
    var vb = svg.viewBox.baseVal, scale = r.width / vb.width;
    svg.querySelectorAll("text").forEach(function (t) {
      if (t.textContent.trim() === "") { return; }
      out.texts++;
      var b = t.getBBox();
      if (b.x < -0.5 || b.y < -0.5 || b.x + b.width > vb.width + 0.5 || b.y + b.height > vb.height + 0.5) {
        out.outside.push(svg.getAttribute("aria-label") + ": " + t.textContent + " [" + [b.x, b.y, b.width, b.height].map(Math.round) + "] in [" + vb.width + "," + vb.height + "]");
      }
      out.minFont = Math.min(out.minFont, parseFloat(w.getComputedStyle(t).fontSize) * scale);
    });
  });
  // The page's own words (the tables' headers, the headings) must not
  // break in the middle: a word whose parts lie on two lines is listed.
  d.querySelectorAll("th, h2, h3").forEach(function (e) {
    var walk = d.createTreeWalker(e, 4), n, m;
    while ((n = walk.nextNode())) {
      var re = /[^\s\-\u2013\u2014\/]{2,}/g;
      while ((m = re.exec(n.data))) {
        var range = d.createRange(), lines = {};
        range.setStart(n, m.index);
        range.setEnd(n, m.index + m[0].length);
        Array.prototype.forEach.call(range.getClientRects(), function (x) { if (x.width > 0) { lines[Math.round(x.bottom)] = true; } });
        if (Object.keys(lines).length > 1) { out.broken.push(e.tagName.toLowerCase() + ": " + m[0]); }
      }
    }
  });
  var pre = document.createElement("pre");
  pre.id = "measure";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script></body></html>`, width, stdhtml.EscapeString(string(page))))
}

type measurement struct {
	Viewport, Page, Charts, Texts int
	Ready                         bool
	MinFont                       float64
	Outside, Broken               []string
}

var chromeArgs = []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
	"--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
	"--enable-logging=stderr", "--v=0"}

// TestHTMLInChromium opens the reports in headless Chromium at a phone's
// width (390 CSS pixels) and a desktop's (1200): the page loads with no
// console error, the script runs, the charts have their bars, no chart
// label falls outside its drawing, chart text renders at 10 CSS pixels or
// more, no word of a table header or heading breaks in the middle
// ("Lukukelvottoma|t" did at 390), and the page does not scroll sideways.
// Screenshots are saved.
func TestHTMLInChromium(t *testing.T) {
	bin := findChromium()
	if bin == "" {
		t.Skip("no Chromium found (apt-get install chromium): the browser test is skipped")
	}
	dir := t.TempDir()
	for _, c := range []struct {
		name   string
		items  []Item
		counts map[string]int // per drawing; each chart has a wide and a compact one
		ready  bool
	}{
		{"project", sampleItems(t), map[string]int{`class="bar direct"`: 15, `class="bar indirect"`: 15, `class="bar project"`: 1, `class="bar planned"`: 2, `class="bar realised"`: 2}, false},
		{"portfolio", portfolioItems(t), map[string]int{`class="bar direct"`: 15, `class="bar indirect"`: 15, `class="bar realised"`: 11}, true},
		{"odd", oddItems(t), map[string]int{`class="bar project"`: 1}, false},
		{"odd-amounts", oddAmountItems(t)[:1], map[string]int{`class="bar planned"`: 2}, false},
		{"odd-portfolio", oddAmountItems(t), map[string]int{`class="bar realised"`: 11}, true},
	} {
		for _, width := range []int{390, 1200} {
			t.Run(fmt.Sprintf("%s/%d", c.name, width), func(t *testing.T) {
				html := render(t, true, c.items, "fi")
				page := filepath.Join(dir, fmt.Sprintf("%s-%d.html", c.name, width))
				require.NoError(t, os.WriteFile(page, measurePage(html, width), 0o644))
				args := append(chromeArgs, "--user-data-dir="+filepath.Join(dir, "profile-"+c.name), fmt.Sprintf("--window-size=%d,2000", width))
				cmd := exec.Command(bin, append(args, "--dump-dom", "file://"+page)...)
				var stderr bytes.Buffer
				cmd.Stderr = &stderr
				dom, err := cmd.Output()
				require.NoError(t, err, "chromium: %s", stderr.String())
				for _, l := range strings.Split(stderr.String(), "\n") {
					if strings.Contains(l, "CONSOLE") || strings.Contains(l, "Uncaught") {
						t.Errorf("console message: %s", l)
					}
				}
				for sel, n := range c.counts {
					assert.Equal(t, 2*n, strings.Count(string(html), sel), sel)
				}
				m := regexp.MustCompile(`<pre id="measure">([^<]*)</pre>`).FindSubmatch(dom)
				require.NotNil(t, m, "the measuring script ran")
				var got measurement
				require.NoError(t, json.Unmarshal([]byte(stdhtml.UnescapeString(string(m[1]))), &got))
				t.Logf("%+v", got)
				assert.Equal(t, c.ready, got.Ready, "the sorting script ran")
				require.Equal(t, width, got.Viewport, "the window has the width asked for")
				assert.LessOrEqual(t, got.Page, got.Viewport, "the page scrolls sideways")
				assert.Positive(t, got.Charts)
				assert.Empty(t, got.Outside, "chart labels outside their drawing")
				assert.Empty(t, got.Broken, "words of the page's headers and headings broken in the middle")
				assert.GreaterOrEqual(t, got.MinFont, 10.0, "chart text under 10 CSS pixels")

				shot := filepath.Join(dir, fmt.Sprintf("%s-%d.png", c.name, width))
				plain := filepath.Join(dir, fmt.Sprintf("%s-%d-plain.html", c.name, width))
				require.NoError(t, os.WriteFile(plain, html, 0o644))
				cmd = exec.Command(bin, append(args, "--screenshot="+shot, "file://"+plain)...)
				out, err := cmd.CombinedOutput()
				require.NoError(t, err, "%s", out)
				png, err := os.ReadFile(shot)
				require.NoError(t, err)
				assert.True(t, bytes.HasPrefix(png, []byte("\x89PNG")), "a PNG screenshot")
				t.Logf("screenshot: %s (%d bytes)", shot, len(png))
			})
		}
	}
}

// An absurd period or reference date gives a page of the usual size: the
// timeline's ticks follow its span, and dates out of range are clamped to
// its edge and marked (a period from year 1000 to 9999 drew one tick a year,
// a 967 KB page; --today 0001-01-01 put the today line at x = -173,165).
func TestTimelineBounded(t *testing.T) {
	normal := len(render(t, true, sampleItems(t), "en"))
	odd := render(t, true, oddItems(t), "en")
	assert.Less(t, len(odd), normal+normal/4, "page size")

	lc := newLocale("en")
	for _, c := range []struct {
		name       string
		start, end model.Date
		today      model.Date
	}{
		{"usual", model.Date{Year: 2016, Month: 2, Day: 13}, model.Date{Year: 2018, Month: 3, Day: 15}, today},
		{"years 1000-9999", model.Date{Year: 1000, Month: 1, Day: 1}, model.Date{Year: 9999, Month: 12, Day: 31}, today},
		{"today in year 1", model.Date{Year: 2016, Month: 2, Day: 13}, model.Date{Year: 2018, Month: 3, Day: 15}, model.Date{Year: 1, Month: 1, Day: 1}},
		{"today in 9999", model.Date{Year: 2016, Month: 2, Day: 13}, model.Date{Year: 2018, Month: 3, Day: 15}, model.Date{Year: 9999, Month: 12, Day: 31}},
	} {
		per := model.Period{Start: model.Field[model.Date]{Value: c.start, Valid: true}, End: model.Field[model.Date]{Value: c.end, Valid: true}}
		wide := timeline(lc, per, c.today)
		for _, ch := range []Chart{wide, *wide.Compact} {
			ticks := 0
			for _, m := range ch.Marks {
				assert.True(t, m.X >= 0 && m.X <= ch.Width, "%s %s: mark %q at x = %v", c.name, ch.Form, m.Label, m.X)
				assert.True(t, m.LabelX >= 0 && m.LabelX <= ch.Width, "%s %s: label %q at x = %v", c.name, ch.Form, m.Label, m.LabelX)
				if m.Class == "tick" {
					ticks++
				}
			}
			assert.True(t, ticks >= 2 && ticks <= 14, "%s %s: %d ticks", c.name, ch.Form, ticks)
			for _, b := range ch.Bars {
				assert.True(t, b.X >= 0 && b.X+b.W <= ch.Width, "%s %s: bar %v+%v", c.name, ch.Form, b.X, b.W)
			}
		}
		if c.name != "usual" {
			marked := false
			for _, s := range append([]string{wide.Marks[len(wide.Marks)-1].Label}, wide.Bars[0].Value) {
				marked = marked || strings.ContainsAny(s, "◂▸")
			}
			assert.True(t, marked, "%s: a clamped date is marked", c.name)
		}
	}
}

// TestTimelineUndrawablePeriod: a period whose end is before its start, or
// with one date unreadable, is named under the axis (the chart drew nothing
// and said nothing); a clamped date keeps its mark.
func TestTimelineUndrawablePeriod(t *testing.T) {
	lc := newLocale("en")
	date := func(y, m, d int) model.Field[model.Date] {
		return model.Field[model.Date]{Value: model.Date{Year: y, Month: time.Month(m), Day: d}, Valid: true}
	}
	for _, c := range []struct {
		name string
		per  model.Period
		want string
	}{
		{"end before start", model.Period{Start: date(2018, 3, 15), End: date(2016, 2, 13)}, "15 Mar 2018 – 13 Feb 2016"},
		{"no end", model.Period{Start: date(2016, 2, 13)}, "13 Feb 2016 – ?"},
		{"no start", model.Period{End: date(2018, 3, 15)}, "? – 15 Mar 2018"},
		{"reversed, out of range", model.Period{Start: date(9999, 12, 31), End: date(1000, 1, 1)}, "31 Dec 9999 ▸ – ◂ 1 Jan 1000"},
	} {
		wide := timeline(lc, c.per, today)
		for _, ch := range []Chart{wide, *wide.Compact} {
			require.Len(t, ch.Bars, 1, "%s %s", c.name, ch.Form)
			b := ch.Bars[0]
			assert.Equal(t, c.want, b.Value, "%s %s", c.name, ch.Form)
			assert.True(t, b.ValueX >= edge && b.ValueX+textWidth(b.Value, false) <= ch.Width-edge+0.05, "%s %s: label at %v", c.name, ch.Form, b.ValueX)
			assert.True(t, b.X >= 0 && b.X <= ch.Width, "%s %s: at %v", c.name, ch.Form, b.X)
		}
	}
	none := timeline(lc, model.Period{}, today)
	assert.Empty(t, none.Bars, "no period, no label")
}

// A Portfolio keeps copies of what it shows and nothing of the descriptions:
// their inputs can be reused as soon as they are added (asectl report over
// a whole programme reads each file into a recycled buffer). Its page is the
// page of the same items kept whole.
func TestPortfolioKeepsNoInput(t *testing.T) {
	for _, html := range []bool{true, false} {
		want := render(t, html, portfolioItems(t), "fi")

		o := Options{Lang: "fi", Today: today, Version: "test"}
		pf := NewPortfolio(o)
		g := gen.New(read(t, "../testdata/A72213.txt"), 5)
		add := func(name string, src []byte) {
			pf.Add(item(t, name, src))
			for i := range src {
				src[i] = 'X' // the input's buffer goes to the next file
			}
		}
		add("testdata/A72213.txt", read(t, "../testdata/A72213.txt"))
		for i := 0; i < 6; i++ {
			add(fmt.Sprintf("gen/%d.txt", i), g.Description(i))
		}
		add("testdata/real/S20044.txt", read(t, "../testdata/real/S20044.txt"))
		pf.Add(Item{Source: "missing.txt", Error: "cannot read: no such file or directory"})

		var buf bytes.Buffer
		if html {
			require.NoError(t, pf.HTML(&buf))
		} else {
			require.NoError(t, pf.Markdown(&buf))
		}
		assert.Equal(t, string(want), buf.String())
	}
}

// TestNewShapes: an interrupted project's state, an ESF page's own
// indicators and unknown subsections' text show in both formats and
// languages (issue 19).
func TestNewShapes(t *testing.T) {
	var items []Item
	for _, name := range []string{"S22213-esf.txt", "A72213-subsections.txt", "A72213-interrupted.txt"} {
		items = append(items, item(t, "testdata/"+name, read(t, "../testdata/"+name)))
	}
	for _, html := range []bool{true, false} {
		for _, lang := range []string{"en", "fi"} {
			out := string(render(t, html, items[:1], lang))
			assert.Contains(t, out, "7.1 Osallistujien määrä")
			assert.Contains(t, out, "7.3 Alle 25-vuotiaiden osallistujien määrä")
			out = string(render(t, html, items[1:2], lang))
			assert.Contains(t, out, "8.3 Yhdenvertaisuus")
			// The unknown subsections' text, on both pages (the Markdown page
			// left it out).
			if html {
				assert.Contains(t, out, "<h2>4.3 Muut kohderyhmät</h2>")
			} else {
				assert.Contains(t, out, "\n## 4.3 Muut kohderyhmät\n\nLapin kunnat ja niiden elinkeinoyhtiöt.\\\nSeudulliset oppilaitokset.\n\nKansainväliset kumppaniverkostot.\n")
				assert.Contains(t, out, "\n## 8.3 Yhdenvertaisuus\n\nHanke edistää yhdenvertaisuutta")
			}
			assert.Contains(t, out, "Kansainväliset kumppaniverkostot.")
			out = string(render(t, html, items, lang))
			assert.Contains(t, out, map[string]string{"en": "interrupted", "fi": "keskeytynyt"}[lang])
		}
	}
}

// TestMarkdownText: free text on the Markdown page shows as printed, line
// by line, and nothing in it acts as Markdown or HTML.
func TestMarkdownText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Yksi rivi.", "Yksi rivi."},
		{"a\nb\n\n\nc", "a\\\nb\n\nc"},
		{"  sisennetty\n\tsarkain", "sisennetty\\\nsarkain"},
		{"- kohta\n+ toinen\n1. numero\n12) sulku\n===\n2017 vuosi", "\\- kohta\\\n\\+ toinen\\\n1\\. numero\\\n12\\) sulku\\\n\\===\\\n2017 vuosi"},
		{"# otsikko\n> lainaus\n<script>alert(1)</script> | [linkki](javascript:x) *x* _y_ `z`",
			"\\# otsikko\\\n&gt; lainaus\\\n&lt;script&gt;alert(1)&lt;/script&gt; \\| \\[linkki\\](javascript:x) \\*x\\* \\_y\\_ \\`z\\`"},
		{"loppu\\", "loppu\\\\"},
		{"\n\n", ""},
	} {
		assert.Equal(t, c.want, mdText(c.in), "%q", c.in)
	}
}

// TestMarkdownTextBounded: the free texts of a Markdown page stay within
// maxMarkdownText characters, and a text cut short says how much is left out.
func TestMarkdownTextBounded(t *testing.T) {
	long := strings.Repeat("Pitkä rivi tekstiä. ", 100) + "\n"
	src := strings.Replace(string(read(t, "../testdata/A72213.txt")), "9 Loppuraportin tiivistelmä\n",
		"9 Loppuraportin tiivistelmä\n"+strings.Repeat(long, 20), 1)
	it := item(t, "long.txt", []byte(src))
	final := utf8.RuneCountInString(it.Doc.FinalReport.Value)
	require.Greater(t, final, maxMarkdownText)
	for _, lang := range []string{"en", "fi"} {
		out := string(render(t, false, []Item{it}, lang))
		_, texts, ok := strings.Cut(out, "\n## 3 ")
		require.True(t, ok)
		assert.Less(t, utf8.RuneCountInString(texts), maxMarkdownText+maxMarkdownText/10, lang)
		end := regexp.MustCompile(map[string]string{"en": `\n_… [0-9,]+ more characters: the HTML report has the whole text_\n\n$`,
			"fi": `\n_… [0-9\x{a0}\x{202f} ]+ merkkiä lisää: HTML-raportissa on koko teksti_\n\n$`}[lang])
		assert.True(t, end.MatchString(out), "%s: ends %q", lang, out[max(0, len(out)-200):])
	}
}

// A file name with a terminal escape or bytes that are not UTF-8 is shown
// escaped, as every output of asectl shows it, so that it leads back to the
// file and cannot act on a terminal a Markdown report is printed to.
func TestSourceNamesEscaped(t *testing.T) {
	src := read(t, "../testdata/A72213.txt")
	name := "a\x1b[2J\xff.txt"
	for _, items := range [][]Item{
		{item(t, name, src)},
		{item(t, name, src), {Source: name + "2", Error: "cannot read"}},
	} {
		for _, html := range []bool{true, false} {
			out := string(render(t, html, items, "en"))
			assert.NotContains(t, out, "\x1b", "html=%v", html)
			assert.NotContains(t, out, "\xff", "html=%v", html)
			assert.Contains(t, out, "u001b", "html=%v", html)
		}
	}
}
