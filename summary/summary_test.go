package summary

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

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
	goldenfile.Check(t, filepath.Join("../testdata/golden/summary", name), got, *update)
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
	).Replace(string(read(t, "../testdata/A72213.txt")))
	items := []Item{item(t, `x"<script>.txt`, []byte(src))}
	for _, html := range []bool{true, false} {
		out := string(render(t, html, items, "en"))
		assert.NotContains(t, out, "<script>alert")
		assert.NotContains(t, out, "<img src=x")
		assert.NotContains(t, out, "<svg onload")
		assert.NotContains(t, out, "</desc><script>")
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
	out := string(render(t, true, sampleItems(t), "en"))
	assert.Equal(t, 15, strings.Count(out, `class="bar direct"`))
	assert.Equal(t, 15, strings.Count(out, `class="bar indirect"`))
	assert.Equal(t, 2, strings.Count(out, `class="bar planned"`))
	assert.Equal(t, 2, strings.Count(out, `class="bar realised"`))
	assert.Equal(t, 1, strings.Count(out, `class="bar project"`))
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

// TestHTMLInChromium opens the reports in headless Chromium: the page loads
// with no console error, the script runs, the charts have their bars, and
// a screenshot is saved.
func TestHTMLInChromium(t *testing.T) {
	bin := findChromium()
	if bin == "" {
		t.Skip("no Chromium found (apt-get install chromium): the browser test is skipped")
	}
	dir := t.TempDir()
	for _, c := range []struct {
		name   string
		items  []Item
		counts map[string]int
		ready  bool
	}{
		{"project", sampleItems(t), map[string]int{`class="bar direct"`: 15, `class="bar indirect"`: 15, `class="bar project"`: 1, `class="bar planned"`: 2, `class="bar realised"`: 2}, false},
		{"portfolio", portfolioItems(t), map[string]int{`class="bar direct"`: 15, `class="bar indirect"`: 15, `class="bar realised"`: 11}, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			page := filepath.Join(dir, c.name+".html")
			require.NoError(t, os.WriteFile(page, render(t, true, c.items, "fi"), 0o644))
			args := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--user-data-dir=" + filepath.Join(dir, "profile-"+c.name), "--enable-logging=stderr", "--v=0"}
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
				assert.Equal(t, n, strings.Count(string(dom), sel), sel)
			}
			if c.ready {
				assert.Regexp(t, regexp.MustCompile(`<body[^>]*data-ready="1"`), string(dom), "the sorting script ran")
			}
			shot := filepath.Join(dir, c.name+".png")
			cmd = exec.Command(bin, append(args, "--window-size=1000,2400", "--screenshot="+shot, "file://"+page)...)
			out, err := cmd.CombinedOutput()
			require.NoError(t, err, "%s", out)
			png, err := os.ReadFile(shot)
			require.NoError(t, err)
			assert.True(t, bytes.HasPrefix(png, []byte("\x89PNG")), "a PNG screenshot")
			t.Logf("screenshot: %s (%d bytes)", shot, len(png))
		})
	}
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
