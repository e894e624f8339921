package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"golang.org/x/text/encoding/charmap"

	"github.com/asectl/asectl/internal/cli"
)

var update = flag.Bool("update", false, "write the page's screenshot to docs/web-page.png")

const today = "2026-11-27"

// The site is built once for all tests (two WebAssembly builds).
var site struct {
	once  sync.Once
	dir   string
	sizes []Size
	err   error
}

func builtSite(t *testing.T) string {
	t.Helper()
	site.once.Do(func() {
		site.dir, site.err = os.MkdirTemp("", "asectl-site-")
		if site.err == nil {
			site.sizes, site.err = Build(site.dir, cli.Version())
		}
	})
	if site.err != nil {
		t.Fatal(site.err)
	}
	return site.dir
}

func TestMain(m *testing.M) {
	code := m.Run()
	if site.dir != "" {
		os.RemoveAll(site.dir)
	}
	os.Exit(code)
}

func findChromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// browser starts a headless Chromium with a fresh profile.
func browser(t *testing.T) context.Context {
	t.Helper()
	bin := findChromium()
	if bin == "" {
		t.Skip("no Chromium found (apt-get install chromium): the browser tests are skipped")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1200, 900),
	}
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	t.Cleanup(cancel)
	actx, cancelA := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancelA)
	bctx, cancelB := chromedp.NewContext(actx)
	t.Cleanup(cancelB)
	return bctx
}

// watch records the page's requests, exceptions and dialogs (a dialog is
// dismissed: hostile text must never open one).
type watch struct {
	// fetched is what the page and its worker had fetched when the engine
	// was ready, by their Resource Timing entries (CDP's network events of
	// the page do not show the dedicated worker's requests).
	fetched    []string
	mu         sync.Mutex
	loaded     bool
	before     []string // requests up to the engine's readiness
	after      []string // requests after it: there must be none
	exceptions []string
	dialogs    []string
}

func (w *watch) start(t *testing.T, ctx context.Context) {
	t.Helper()
	err := chromedp.Listen(ctx, func(ev any) {
		w.mu.Lock()
		defer w.mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			u := ev.Request.URL
			if strings.HasPrefix(u, "data:") {
				return
			}
			if w.loaded {
				w.after = append(w.after, u)
			} else {
				w.before = append(w.before, u)
			}
		case *runtime.EventExceptionThrown:
			w.exceptions = append(w.exceptions, ev.ExceptionDetails.Text+" "+fmt.Sprint(ev.ExceptionDetails.Exception))
		case *page.EventJavascriptDialogOpening:
			w.dialogs = append(w.dialogs, ev.Message)
			go chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, runtime.Enable, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
}

func (w *watch) markLoaded() {
	w.mu.Lock()
	w.loaded = true
	w.mu.Unlock()
}

// cspChecks holds that the page itself may not connect anywhere, nor run
// an inline script it did not ship (run last: the attempts may show as
// blocked requests).
func cspChecks(t *testing.T, ctx context.Context) {
	t.Helper()
	got := eval[string](t, ctx, `(async () => {
		let out = "";
		try { await fetch(location.href); out += "fetch allowed;"; } catch (e) { out += "fetch blocked;"; }
		window.inlineRan = false;
		const s = document.createElement("script");
		s.textContent = "window.inlineRan = true";
		document.body.append(s);
		out += window.inlineRan ? "inline script ran" : "inline script blocked";
		s.remove();
		return out;
	})()`)
	if got != "fetch blocked;inline script blocked" {
		t.Errorf("Content-Security-Policy: %s", got)
	}
}

// resources lists what the page and its worker have fetched.
func resources(t *testing.T, ctx context.Context) []string {
	t.Helper()
	var out []string
	js := `asectl._call("resources", []).then(r => JSON.parse(r.text).map(u => "worker: " + u)
		.concat(performance.getEntriesByType("resource").map(e => "page: " + e.name)))`
	out = eval[[]string](t, ctx, js)
	return out
}

func (w *watch) check(t *testing.T, ctx context.Context) {
	t.Helper()
	now := resources(t, ctx)
	t.Logf("fetched by the page and its worker while loading (Resource Timing): %s", strings.Join(w.fetched, " "))
	if strings.Join(now, " ") != strings.Join(w.fetched, " ") {
		t.Errorf("fetched after load: %v, at load %v", now, w.fetched)
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	t.Logf("requests while loading: %d (%s)", len(w.before), strings.Join(w.before, " "))
	for _, u := range w.after {
		if !strings.HasPrefix(u, "blob:") {
			t.Errorf("request after load: %s", u)
		}
	}
	if n := len(w.after); n > 0 {
		t.Logf("blob: URLs after load (downloads, made in the page): %d", n)
	}
	for _, e := range w.exceptions {
		t.Errorf("uncaught exception: %s", e)
	}
	for _, d := range w.dialogs {
		t.Errorf("a dialog opened: %q", d)
	}
}

func run[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func do(t *testing.T, ctx context.Context, a ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, a...); err != nil {
		t.Fatal(err)
	}
}

// eval runs JavaScript that may return a promise.
func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	return run(t, ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
}

// jsString is s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// runCLI runs asectl in-process in dir and returns its standard output.
func runCLI(t *testing.T, args ...string) []byte {
	t.Helper()
	var out, errOut bytes.Buffer
	ios := &cli.IOStreams{In: &bytes.Buffer{}, Out: &out, ErrOut: &errOut, Getenv: func(string) string { return "" }}
	if code := cli.Run(args, ios); code > 1 {
		t.Fatalf("asectl %v: exit %d: %s", args, code, errOut.String())
	}
	return out.Bytes()
}

// load opens the page and waits for the engine; it returns the time from
// navigation to ready, in ms.
func load(t *testing.T, ctx context.Context, w *watch, url string) float64 {
	t.Helper()
	w.start(t, ctx)
	do(t, ctx, chromedp.Navigate(url))
	version := eval[string](t, ctx, `asectl.ready.then(r => r.version)`)
	w.markLoaded()
	w.fetched = resources(t, ctx)
	ready := eval[float64](t, ctx, `asectl.timings().ready`)
	t.Logf("engine %s ready %.0f ms after navigation (compile %.0f ms, start %.0f ms)", version, ready,
		eval[float64](t, ctx, `asectl.timings().compile`), eval[float64](t, ctx, `asectl.timings().start`))
	if ready > 5000 {
		t.Errorf("engine ready after %.0f ms (target 1500 ms)", ready)
	}
	return ready
}

// waitResults waits until n descriptions are shown.
func waitResults(t *testing.T, ctx context.Context, n int) {
	t.Helper()
	js := fmt.Sprintf(`new Promise((resolve) => {
		const done = () => document.querySelectorAll("#results article").length >= %d;
		if (done()) return resolve(true);
		const o = new MutationObserver(() => { if (done()) { o.disconnect(); resolve(true); } });
		o.observe(document.getElementById("results"), { childList: true, subtree: true });
	})`, n)
	tctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	if _, err := chromedp.Run(tctx, chromedp.Evaluate[bool](js, chromedp.EvalAwaitPromise)); err != nil {
		t.Fatalf("waiting for %d results: %v", n, err)
	}
}

// referenceChecks loads the reference description through the file input
// and checks what the page shows of it.
func referenceChecks(t *testing.T, ctx context.Context, ref string) {
	t.Helper()
	do(t, ctx, chromedp.SetUploadFiles(chromedp.ID("files"), []string{ref}))
	waitResults(t, ctx, 1)
	got := run(t, ctx, chromedp.Text(chromedp.CSS("#results article .finding")))
	if !strings.Contains(got, "108:14") || !strings.Contains(got, "indicator-not-applicable") {
		t.Errorf("finding shown as %q, want 108:14 … [indicator-not-applicable]", got)
	}
	facts := run(t, ctx, chromedp.Text(chromedp.CSS("#results article .facts")))
	for _, want := range []string{"A72213", "EAKR"} {
		if !strings.Contains(facts, want) {
			t.Errorf("key facts %q lack %q", facts, want)
		}
	}
	// Keyboard only: focus the finding, press Enter; the focus lands on
	// line 108, column 14 of the text, which is scrolled into view.
	do(t, ctx, chromedp.Focus(chromedp.CSS("#results article .finding")), chromedp.KeyEvent("\r"))
	type focus struct {
		ID, Text, Line string
		Visible        bool
	}
	f := eval[focus](t, ctx, `(() => {
		const a = document.activeElement, pre = a.closest("pre");
		const r = a.getBoundingClientRect(), p = pre.getBoundingClientRect();
		return { ID: a.id, Text: a.textContent, Line: a.parentElement.dataset.line,
			Visible: r.top >= Math.max(p.top, 0) && r.bottom <= Math.min(p.bottom, innerHeight) };
	})()`)
	lines := strings.Split(readFile(t, ref), "\n")
	wantChar := string([]rune(lines[107])[13])
	if f.Line != "108" || !strings.HasSuffix(f.ID, "-108-14") || f.Text != wantChar || !f.Visible {
		t.Errorf("after the finding's button: focus %+v, want line 108 column 14 (%q), in view", f, wantChar)
	}
	// The rule's explanation is there on demand.
	expl := eval[string](t, ctx, `document.querySelector("#results article details.explain pre").textContent`)
	if !strings.Contains(expl, "indicator") {
		t.Errorf("explanation %q", expl)
	}
}

func readFile(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// testFiles are every test description, as the CLI is given them.
func testFiles(t *testing.T) []string {
	t.Helper()
	var paths []string
	for _, pattern := range []string{"../../testdata/*.txt", "../../testdata/real/*", "../../testdata/html/*.htm*", "../../testdata/html/*/*.htm*"} {
		m, _ := filepath.Glob(pattern)
		paths = append(paths, m...)
	}
	if len(paths) < 10 {
		t.Fatalf("only %d test descriptions", len(paths))
	}
	for i, p := range paths {
		// Absolute: downloadChecks changes the working directory.
		abs, err := filepath.Abs(p)
		if err != nil {
			t.Fatal(err)
		}
		paths[i] = abs
	}
	return paths
}

// apiChecks holds the JS API's JSON byte-equal to the CLI's.
func apiChecks(t *testing.T, ctx context.Context, paths []string) {
	t.Helper()
	for _, p := range paths {
		text := readFile(t, p)
		arg := jsString(text)
		if !utf8.ValidString(text) {
			// Bytes, for the engine to detect their encoding as the CLI does.
			arg = fmt.Sprintf(`Uint8Array.from(atob(%q), (c) => c.charCodeAt(0))`, base64.StdEncoding.EncodeToString([]byte(text)))
		}
		got := eval[string](t, ctx, fmt.Sprintf(`asectl.parse(%s, %s)`, arg, jsString(p)))
		if want := runCLI(t, "parse", p); got != string(want) {
			t.Errorf("%s: asectl.parse differs from asectl parse", p)
		}
		for _, lang := range []string{"en", "fi"} {
			got := eval[string](t, ctx, fmt.Sprintf(`asectl.validate(%s, {name: %s, today: %q, lang: %q})`, arg, jsString(p), today, lang))
			if want := runCLI(t, "--lang", lang, "validate", "--format", "json", "--today", today, p); got != string(want) {
				t.Errorf("%s: asectl.validate (%s) differs from asectl validate --format json:\n%s\nwant\n%s", p, lang, got, want)
			}
		}
	}
	t.Logf("asectl.parse and asectl.validate (en, fi) equal the CLI's JSON on %d test descriptions", len(paths))
}

// TestEngineSize: the engine, every module the page loads, weighs at most
// MaxEngine bytes raw (it was two modules, 18.9 MB, while the report used
// html/template).
func TestEngineSize(t *testing.T) {
	builtSite(t)
	total, gz := 0, 0
	for _, s := range site.sizes {
		t.Logf("%s: %d bytes, %d gzipped", s.Name, s.Raw, s.Gzip)
		if strings.HasSuffix(s.Name, ".wasm") {
			total += s.Raw
			gz += s.Gzip
		}
	}
	t.Logf("engine: %d bytes, %d gzipped", total, gz)
	if total == 0 || total > MaxEngine {
		t.Errorf("the engine is %d bytes raw: over %d (issue 18), or not built", total, MaxEngine)
	}
}

// TestServed is the site from a web server: the page, the API, the
// downloads, hostile text, a 5 MB paste and no request after load.
func TestServed(t *testing.T) {
	ctx := browser(t)
	dir := builtSite(t)
	var served atomic.Int64
	var afterLoad atomic.Bool
	var late []string
	var mu sync.Mutex
	files := http.FileServer(http.Dir(dir))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		served.Add(1)
		if afterLoad.Load() {
			mu.Lock()
			late = append(late, r.URL.Path)
			mu.Unlock()
		}
		files.ServeHTTP(w, r)
	}))
	defer srv.Close()

	paths := testFiles(t)
	// The reference in Windows-1252 too: the API takes its bytes.
	latin, err := charmap.Windows1252.NewEncoder().String(readFile(t, "../../testdata/A72213.txt"))
	if err != nil {
		t.Fatal(err)
	}
	latinPath := filepath.Join(t.TempDir(), "A72213-cp1252.txt")
	if err := os.WriteFile(latinPath, []byte(latin), 0o644); err != nil {
		t.Fatal(err)
	}
	paths = append(paths, latinPath)
	w := &watch{}
	load(t, ctx, w, srv.URL+"/index.html")
	afterLoad.Store(true)
	t.Logf("the server answered %d requests while the page loaded", served.Load())

	do(t, ctx, chromedp.SetValue(chromedp.ID("lang"), "en"),
		chromedp.Evaluate[chromedp.Void](`document.getElementById("lang").dispatchEvent(new Event("change"))`),
		chromedp.SetValue(chromedp.ID("today"), today),
		chromedp.Evaluate[chromedp.Void](`document.getElementById("today").dispatchEvent(new Event("change"))`))
	ref, _ := filepath.Abs("../../testdata/A72213.txt")
	referenceChecks(t, ctx, ref)
	if *update {
		// The reference description, its finding clicked, as the README shows it.
		shot := run(t, ctx, chromedp.FullScreenshot(100))
		if err := os.WriteFile("../../docs/web-page.png", shot, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// Dropped: a real drop event with a file, as a browser makes it.
	drop := fmt.Sprintf(`(() => {
		const dt = new DataTransfer();
		dt.items.add(new File([%s], "dropped.txt", { type: "text/plain" }));
		document.getElementById("drop").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
		return true;
	})()`, jsString(readFile(t, ref)))
	eval[bool](t, ctx, drop)
	waitResults(t, ctx, 2)
	got := run(t, ctx, chromedp.Text(chromedp.CSS("#results article:nth-of-type(2) .finding")))
	if !strings.Contains(got, "108:14") {
		t.Errorf("dropped file: finding %q, want one at 108:14", got)
	}
	a11yChecks(t, ctx)
	phoneChecks(t, ctx)
	htmlChecks(t, ctx)
	langChecks(t, ctx)
	downloadChecks(t, ctx, ref)
	hostileChecks(t, ctx)
	longValueChecks(t, ctx, ref)
	apiChecks(t, ctx, paths)
	speedChecks(t, ctx, ref)
	clearChecks(t, ctx, ref)

	w.check(t, ctx)
	cspChecks(t, ctx)
	mu.Lock()
	defer mu.Unlock()
	if len(late) > 0 {
		t.Errorf("the server was asked for %v after the page had loaded", late)
	}
}

// phoneChecks holds the page laid out for a phone, 390 and 500 CSS pixels
// wide (Chromium's headless window is at least 500 wide; the viewport is
// emulated), in Finnish and English, with the results shown: nothing leaves
// the screen sideways, and none of the page's own words (headings, labels,
// buttons, the facts' names, the status) breaks in the middle. Text from an
// input may break anywhere; the page's words must not ("Lukukelvottoma|t"),
// nor the reference description's facts (at 390 px in Finnish the names'
// column took all but 30 px: "A72|213", "1 55|1 28|0 €").
func phoneChecks(t *testing.T, ctx context.Context) {
	t.Helper()
	defer do(t, ctx, chromedp.EmulateReset())
	type layout struct {
		Width, ScrollWidth int
		Outside, Broken    []string
	}
	for _, width := range []int64{390, 500} {
		for _, lang := range []string{"fi", "en"} {
			do(t, ctx, chromedp.EmulateViewport(width, 844),
				chromedp.SetValue(chromedp.ID("lang"), lang),
				chromedp.Evaluate[chromedp.Void](`document.getElementById("lang").dispatchEvent(new Event("change"))`))
			l := eval[layout](t, ctx, `(() => {
				const out = { Width: innerWidth, ScrollWidth: document.documentElement.scrollWidth, Outside: [], Broken: [] };
				const name = (e) => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.className ? "." + String(e.className).split(" ")[0] : "");
				for (const e of document.body.querySelectorAll("*")) {
					if (e.closest(".skip, .visually-hidden, pre.text > *, [hidden]")) continue;
					const r = e.getBoundingClientRect();
					if (r.width === 0 && r.height === 0) continue;
					if (r.left < -0.5 || r.right > innerWidth + 0.5) out.Outside.push(name(e) + " " + Math.round(r.left) + ".." + Math.round(r.right));
				}
				const own = document.querySelectorAll("[data-i18n], label, button:not(.finding), h1, h3, dt, .facts dd, .status, .explain summary");
				for (const e of own) {
					if (e.closest(".skip, .visually-hidden, [hidden]")) continue;
					const walk = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
					for (let n; (n = walk.nextNode()); ) {
						// Words between spaces, hyphens, dashes and slashes, where a line may end.
						const re = /[^\s\-\u2013\u2014\/]{2,}/g;
						for (let m; (m = re.exec(n.data)); ) {
							const range = document.createRange();
							range.setStart(n, m.index);
							range.setEnd(n, m.index + m[0].length);
							const lines = new Set([...range.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.bottom)));
							if (lines.size > 1) out.Broken.push(name(e) + ": " + m[0]);
						}
					}
				}
				return out;
			})()`)
			if l.Width != int(width) {
				t.Errorf("%d px: the viewport is %d wide", width, l.Width)
			}
			if l.ScrollWidth > l.Width {
				t.Errorf("%d px, %s: the page is %d px wide and scrolls sideways", width, lang, l.ScrollWidth)
			}
			if len(l.Outside) > 0 {
				t.Errorf("%d px, %s: elements outside the screen: %v", width, lang, l.Outside)
			}
			if len(l.Broken) > 0 {
				t.Errorf("%d px, %s: words broken in the middle: %v", width, lang, l.Broken)
			}
		}
	}
	if !t.Failed() {
		t.Logf("phone layout at 390 and 500 px, fi and en: nothing outside the screen, no word of the page broken")
	}
}

// a11yChecks holds every control named for a screen reader: each input,
// select and text area has a label, each button a text or aria-label, each
// result is a region named by its heading.
func a11yChecks(t *testing.T, ctx context.Context) {
	t.Helper()
	unnamed := eval[[]string](t, ctx, `(() => {
		const out = [];
		for (const e of document.querySelectorAll("input, select, textarea"))
			if (!e.labels || e.labels.length === 0 || !e.labels[0].textContent.trim()) out.push(e.outerHTML.slice(0, 80));
		for (const e of document.querySelectorAll("button"))
			if (!(e.getAttribute("aria-label") || e.textContent).trim()) out.push(e.outerHTML.slice(0, 80));
		for (const e of document.querySelectorAll("#results article")) {
			const h = document.getElementById(e.getAttribute("aria-labelledby"));
			if (!h || !h.textContent.trim()) out.push(e.outerHTML.slice(0, 80));
		}
		if (!document.querySelector("[role=status][aria-live=polite]")) out.push("no live status region");
		return out;
	})()`)
	for _, u := range unnamed {
		t.Errorf("not named for a screen reader: %s", u)
	}
}

// htmlChecks chooses an HTML page saved from the service: it is read as
// the CLI reads it, its finding at the page's own line and column.
func htmlChecks(t *testing.T, ctx context.Context) {
	t.Helper()
	page, _ := filepath.Abs("../../testdata/html/A72213.html")
	before := eval[int](t, ctx, `document.querySelectorAll("#results article").length`)
	do(t, ctx, chromedp.SetUploadFiles(chromedp.ID("files"), []string{page}))
	waitResults(t, ctx, before+1)
	var want struct {
		Files []struct {
			Findings []struct {
				Rule         string
				Line, Column int
			}
		}
	}
	if err := json.Unmarshal(runCLI(t, "validate", "--format", "json", "--today", today, page), &want); err != nil {
		t.Fatal(err)
	}
	if len(want.Files[0].Findings) == 0 {
		t.Fatal("the CLI finds nothing in the HTML page")
	}
	w := want.Files[0].Findings[0]
	got := eval[string](t, ctx, `document.querySelector("#results article:last-of-type .finding").textContent`)
	if !strings.HasPrefix(got, fmt.Sprintf("%d:%d ", w.Line, w.Column)) || !strings.Contains(got, w.Rule) {
		t.Errorf("HTML page: finding %q, want %d:%d … %s", got, w.Line, w.Column, w.Rule)
	}
	// Its button moves to that place in the page's source.
	do(t, ctx, chromedp.Click(chromedp.CSS("#results article:last-of-type .finding")))
	id := eval[string](t, ctx, `document.activeElement.id`)
	if !strings.HasSuffix(id, fmt.Sprintf("-%d-%d", w.Line, w.Column)) {
		t.Errorf("HTML page: focus on %q after the finding's button", id)
	}
	do(t, ctx, chromedp.Click(chromedp.CSS("#results article:last-of-type .remove")))
}

// langChecks switches the page to Finnish and back: the labels and the
// findings' messages follow (the messages as asectl --lang fi words them).
func langChecks(t *testing.T, ctx context.Context) {
	t.Helper()
	switchTo := func(lang string) string {
		return eval[string](t, ctx, fmt.Sprintf(`(async () => {
			const sel = document.getElementById("lang");
			const before = document.querySelector("#results article .finding .msg");
			sel.value = %q;
			sel.dispatchEvent(new Event("change"));
			for (let i = 0; i < 400; i++) {
				const now = document.querySelector("#results article .finding .msg");
				if (now && now !== before) break;
				await new Promise(r => setTimeout(r, 25));
			}
			return document.documentElement.lang + "|" + document.getElementById("input-h").textContent + "|" +
				document.querySelector("#results article .finding .msg").textContent;
		})()`, lang))
	}
	var want struct {
		Files []struct{ Findings []struct{ Message string } }
	}
	if err := json.Unmarshal(runCLI(t, "--lang", "fi", "validate", "--format", "json", "--today", today, "../../testdata/A72213.txt"), &want); err != nil {
		t.Fatal(err)
	}
	fi := want.Files[0].Findings[0].Message
	if got := switchTo("fi"); got != "fi|Tarkistettavat kuvaukset|"+fi {
		t.Errorf("in Finnish: %q, want the heading and %q", got, fi)
	}
	if got := switchTo("en"); !strings.HasPrefix(got, "en|Descriptions to check|6 new jobs given") {
		t.Errorf("back in English: %q", got)
	}
}

// downloadChecks holds each download byte-equal to the CLI's output for the
// same two files (the reference as A72213.txt, and dropped.txt).
func downloadChecks(t *testing.T, ctx context.Context, ref string) {
	t.Helper()
	dir := t.TempDir()
	src := readFile(t, ref)
	for _, name := range []string{"A72213.txt", "dropped.txt"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	// What a download hands the browser is caught as its Blob.
	eval[bool](t, ctx, `(() => {
		const orig = URL.createObjectURL;
		URL.createObjectURL = (b) => { window.lastBlob = b; return orig(b); };
		HTMLAnchorElement.prototype.click = function () {};
		return true;
	})()`)
	files := []string{"A72213.txt", "dropped.txt"}
	for _, c := range []struct {
		button string
		args   []string
	}{
		{"parse", []string{"parse"}},
		{"csv", []string{"parse", "--format", "csv"}},
		{"json", []string{"validate", "--today", today, "--format", "json"}},
		{"sarif", []string{"validate", "--today", today, "--format", "sarif"}},
		{"report", []string{"report", "--today", today}},
	} {
		got := eval[string](t, ctx, fmt.Sprintf(`(async () => {
			window.lastBlob = null;
			document.querySelector('[data-download=%q]').click();
			for (let i = 0; i < 600 && !window.lastBlob; i++) await new Promise(r => setTimeout(r, 50));
			return window.lastBlob ? await window.lastBlob.text() : "no download";
		})()`, c.button))
		want := runCLI(t, append(append([]string{"--lang", "en"}, c.args...), files...)...)
		if got != string(want) {
			t.Errorf("download %s differs from asectl %v (%d bytes, want %d)", c.button, c.args, len(got), len(want))
		}
	}
	t.Logf("downloads (JSON, CSV, findings JSON, SARIF, HTML report) equal the CLI's output")
}

// hostileChecks pastes text made to break a page: markup, script, control
// characters, bidirectional overrides, lone surrogates and a huge line.
func hostileChecks(t *testing.T, ctx context.Context) {
	t.Helper()
	before := eval[int](t, ctx, `document.querySelectorAll("#results article").length`)
	hostile := `(() => {
		const parts = [
			"EAKR 2014-2020 Hankkeen kuvaus <img src=x onerror=alert(1)>",
			"Hankekoodi: <script>alert(2)</script>",
			"Hankkeen nimi: \u202e\u0000\u0007\u001b[31m</pre><iframe src=javascript:alert(3)>",
			"Hakija: " + "\ud800" + "\udfff" + "&lt;b&gt;" + "'\"` + "`" + `",
			"x".repeat(200000),
		];
		return parts.join("\n");
	})()`
	eval[bool](t, ctx, fmt.Sprintf(`(() => {
		const ta = document.getElementById("paste");
		ta.value = %s;
		ta.dispatchEvent(new Event("input"));
		document.getElementById("check").click();
		return true;
	})()`, hostile))
	waitResults(t, ctx, before+1)
	n := eval[int](t, ctx, `document.querySelectorAll("#results img, #results script, #results iframe").length`)
	if n != 0 {
		t.Errorf("hostile text made %d elements", n)
	}
	// A file name with a right-to-left override is shown escaped, as the
	// command prints it, so "evil\u202etxt.exe" cannot pass for "evilexe.txt".
	spoof := filepath.Join(t.TempDir(), "evil\u202etxt.exe")
	if err := os.WriteFile(spoof, []byte("hello\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	before = eval[int](t, ctx, `document.querySelectorAll("#results article").length`)
	do(t, ctx, chromedp.SetUploadFiles(chromedp.ID("files"), []string{spoof}))
	waitResults(t, ctx, before+1)
	shown := eval[[]string](t, ctx, `(() => { const a = document.querySelector("#results article:last-of-type");
		return [a.querySelector("h2").textContent, a.querySelector(".remove").getAttribute("aria-label"), document.getElementById("status").textContent]; })()`)
	for _, s := range shown[:2] {
		if strings.ContainsRune(s, '\u202e') || !strings.Contains(s, `evil\u202etxt.exe`) {
			t.Errorf("file name with a bidi override shown as %q, want it escaped", s)
		}
	}
	do(t, ctx, chromedp.Click(chromedp.CSS("#results article:last-of-type .remove")))
	if st := eval[string](t, ctx, `document.getElementById("status").textContent`); strings.ContainsRune(st, '\u202e') {
		t.Errorf("status after removing it: %q", st)
	}
	// An input over 16 MiB is refused, and the status line counts it as
	// one that could not be read (it said "Errors: 0" and nothing else).
	before = eval[int](t, ctx, `document.querySelectorAll("#results article").length`)
	eval[bool](t, ctx, `(() => {
		const dt = new DataTransfer();
		dt.items.add(new File([new Uint8Array(17 * 1024 * 1024)], "huge.txt", { type: "text/plain" }));
		document.getElementById("drop").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
		return true;
	})()`)
	waitResults(t, ctx, before+1)
	huge := eval[[]string](t, ctx, `(() => { const a = document.querySelector("#results article:last-of-type");
		return [a.querySelector(".unreadable") ? a.querySelector(".unreadable").textContent : "", document.getElementById("status").textContent]; })()`)
	if !strings.Contains(huge[0], "16 MiB") {
		t.Errorf("a 17 MiB file: result %q, want it refused as larger than 16 MiB", huge[0])
	}
	if !strings.Contains(huge[1], "Could not be read: 1.") {
		t.Errorf("a 17 MiB file: status %q, want it counted as could not be read", huge[1])
	}
	do(t, ctx, chromedp.Click(chromedp.CSS("#results article:last-of-type .remove")))
	do(t, ctx, chromedp.Click(chromedp.ID("check"))) // the hostile paste again: the status is a summary again
	waitResults(t, ctx, before+1)
	if st := eval[string](t, ctx, `document.getElementById("status").textContent`); strings.Contains(st, "Could not be read") {
		t.Errorf("after removing the 17 MiB file: status %q", st)
	}
	// The page still works.
	got := eval[string](t, ctx, `asectl.validate("hello", {name: "x", today: "2026-11-27"})`)
	if !strings.Contains(got, "not-a-description") {
		t.Errorf("after hostile text: %s", got)
	}
	bad := eval[string](t, ctx, `asectl.validate(42).then(() => "accepted", e => e.message)`)
	if !strings.Contains(bad, "string") {
		t.Errorf("a number as input: %q", bad)
	}
	sv := eval[string](t, ctx, `asectl.validate("hello", {lang: "sv"}).then(() => "accepted", e => e.message)`)
	if !strings.Contains(sv, `"sv" is not one of en, fi`) {
		t.Errorf("lang sv: %q, want it rejected", sv)
	}
	// Options the API does not know are refused, not ignored: a misspelt key
	// or a bare date string gave the findings of the browser's date.
	for js, want := range map[string]string{
		`asectl.validate("hello", "2026-11-27")`:         "must be an object",
		`asectl.validate("hello", {date: "2026-11-27"})`: `unknown key "date"`,
		`asectl.validate("hello", {today: 20261127})`:    "today must be a string",
		`asectl.validate("hello", ["2026-11-27"])`:       "must be an object",
	} {
		got := eval[string](t, ctx, js+`.then(() => "accepted", e => e.message)`)
		if !strings.Contains(got, want) {
			t.Errorf("%s: %q, want it rejected (%s)", js, got, want)
		}
	}
	if got := eval[string](t, ctx, `asectl.validate("hello", {name: "x", today: null, lang: undefined}).then(() => "accepted", e => e.message)`); got != "accepted" {
		t.Errorf("null and undefined options: %q, want them taken as not given", got)
	}
}

// longValueChecks loads the reference description with an applicant name
// of 1,000,000 letters and a business ID of 300,000 more characters. Laid out
// whole in the facts and in the finding's message, such a word froze the
// page for minutes (Chromium breaks a long word in a proportional font
// slowly); the page shows the first 200 characters and "…", and the text
// view keeps the whole line.
func longValueChecks(t *testing.T, ctx context.Context, ref string) {
	t.Helper()
	text := strings.Replace(readFile(t, ref), "Lapin Yliopisto", strings.Repeat("A", 1000000), 1)
	text = strings.Replace(text, "0292800-5", "0292800-5"+strings.Repeat("B", 300000), 1)
	p := filepath.Join(t.TempDir(), "long-values.txt")
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	before := eval[int](t, ctx, `document.querySelectorAll("#results article").length`)
	do(t, ctx, chromedp.SetUploadFiles(chromedp.ID("files"), []string{p}))
	waitResults(t, ctx, before+1)
	type shown struct {
		Facts   []string
		Message string
		Line    int
	}
	got := eval[shown](t, ctx, `(() => { const a = document.querySelector("#results article:last-of-type");
		return { Facts: [...a.querySelectorAll(".facts dd")].map((d) => d.textContent),
			Message: a.querySelector(".finding.error .msg").textContent,
			Line: Math.max(...a.querySelector("pre.text").textContent.split("\n").map((l) => l.length)) }; })()`)
	wantName := strings.Repeat("A", 200) + "…"
	if !slices.Contains(got.Facts, wantName) {
		t.Errorf("an applicant name of 1,000,000 letters: facts %.300q, want it shown as 200 letters and …", got.Facts)
	}
	if want := `the applicant's business ID "0292800-5` + strings.Repeat("B", 190) + `… is not of the form 1234567-8`; got.Message != want {
		t.Errorf("a business ID of 300,009 characters: message %.400q, want %.400q", got.Message, want)
	}
	if got.Line < 1000000 {
		t.Errorf("the text view's longest line is %d characters, want the whole applicant line (1,000,000+)", got.Line)
	}
	do(t, ctx, chromedp.Click(chromedp.CSS("#results article:last-of-type .remove")))
}

// clearChecks drops three files and presses "Clear all" before they are
// shown: none may appear afterwards (all three did, and the status counted
// them). The engine answers in order and the page asks for the next file as
// soon as one is answered, so after five calls of the API the page has had
// every answer it would show.
func clearChecks(t *testing.T, ctx context.Context, ref string) {
	t.Helper()
	got := eval[[]string](t, ctx, fmt.Sprintf(`(async () => {
		const text = %s;
		const dt = new DataTransfer();
		for (const n of ["one.txt", "two.txt", "three.txt"]) dt.items.add(new File([text], n, { type: "text/plain" }));
		document.getElementById("drop").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
		await new Promise((r) => setTimeout(r, 0));
		document.getElementById("clear").click();
		for (let i = 0; i < 5; i++) await asectl.parse("hello", "x");
		await new Promise((r) => setTimeout(r, 100));
		return [String(document.querySelectorAll("#results article").length), document.getElementById("status").textContent,
			String(document.getElementById("downloads").hidden)];
	})()`, jsString(readFile(t, ref))))
	if got[0] != "0" || strings.Contains(got[1], "checked") || got[2] != "true" {
		t.Errorf("Clear all while three files were being checked: %s results shown afterwards, status %q, downloads hidden %s; want none, ready, hidden", got[0], got[1], got[2])
	}
}

// speedChecks logs how fast the page checks: the reference description
// through the API, and a 5 MB paste with the main thread's longest pause.
func speedChecks(t *testing.T, ctx context.Context, ref string) {
	t.Helper()
	type timing struct{ Round, Engine float64 }
	tm := eval[timing](t, ctx, fmt.Sprintf(`(async () => {
		const text = %s;
		await asectl.validate(text, {name: "A72213.txt", today: "2026-11-27"});
		let round = 0, engine = 0, n = 20;
		for (let i = 0; i < n; i++) {
			const t0 = performance.now();
			const r = await asectl._call("validate", [text, "A72213.txt", "2026-11-27", "en"]);
			round += performance.now() - t0;
			engine += r.ms;
		}
		return { Round: round / n, Engine: engine / n };
	})()`, jsString(readFile(t, ref))))
	t.Logf("validating the reference description: %.1f ms in the engine, %.1f ms round trip from the page (mean of 20; target 50 ms)", tm.Engine, tm.Round)
	if tm.Round > 500 {
		t.Errorf("validating the reference takes %.1f ms", tm.Round)
	}

	// The longest pause is a wall-clock figure: on a loaded machine another
	// process can stall the browser. A second try decides before failing,
	// as load only ever makes a pause longer.
	var b big
	for try := 1; ; try++ {
		b = bigPaste(t, ctx, ref)
		if b.MaxGap <= 1500 || try == 2 {
			break
		}
		t.Logf("the main thread's longest pause was %.0f ms; once more", b.MaxGap)
	}
	t.Logf("a %d-byte input: the engine's view takes %.0f ms in the worker (%.0f ms round trip, %d bytes of JSON back; the main thread's longest pause meanwhile %.0f ms)",
		b.Bytes, b.Engine, b.EngineRound, b.ViewBytes, b.EngineGap)
	t.Logf("pasting it into the page: the paste event returns after %.0f ms; shown after %.0f ms more (%d findings listed); the main thread's longest pause meanwhile %.0f ms",
		b.Paste, b.Total, b.Findings, b.MaxGap)
	if b.MaxGap > 1500 {
		t.Errorf("a 5 MB paste froze the page for %.0f ms", b.MaxGap)
	}
}

// big is what bigPaste measures.
type big struct {
	Bytes, Findings, ViewBytes                    int
	Total, MaxGap, Engine, EngineRound, EngineGap float64
	Paste, PasteGap                               float64
}

// bigPaste pastes the reference description repeated to 5 MB and measures
// the engine's view of it and the page's longest pause while it is shown.
func bigPaste(t *testing.T, ctx context.Context, ref string) big {
	t.Helper()
	return eval[big](t, ctx, fmt.Sprintf(`(async () => {
		const one = %s;
		let text = "";
		while (text.length < 5 * 1024 * 1024) text += one + "\n";
		let last = performance.now(), maxGap = 0;
		const beat = setInterval(() => { const now = performance.now(); maxGap = Math.max(maxGap, now - last); last = now; }, 10);
		const settle = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
		const e0 = performance.now();
		const r = await asectl._call("view", [text, "big.txt", "2026-11-27", "en"]);
		const engineRound = performance.now() - e0, engine = r.ms, viewBytes = r.text.length;
		const engineGap = maxGap;
		maxGap = 0; last = performance.now();
		const before = document.querySelectorAll("#results article").length;
		// Pasted as a browser pastes: a paste event with the text.
		const dt = new DataTransfer();
		dt.setData("text/plain", text);
		const p0 = performance.now();
		document.getElementById("paste").dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
		const pasteMs = performance.now() - p0;
		const t0 = performance.now();
		while (document.querySelectorAll("#results article").length <= before) await new Promise(r => setTimeout(r, 10));
		await settle();
		const total = performance.now() - t0;
		clearInterval(beat);
		const findings = document.querySelectorAll("#results article:last-of-type .finding").length;
		return { Bytes: text.length, Total: total, MaxGap: maxGap, Findings: findings, Engine: engine, EngineRound: engineRound,
			EngineGap: engineGap, ViewBytes: viewBytes, Paste: pasteMs };
	})()`, jsString(readFile(t, ref))))
}

// TestFromDisk is the single-file page opened from disk (file://).
func TestFromDisk(t *testing.T) {
	ctx := browser(t)
	dir := builtSite(t)
	w := &watch{}
	load(t, ctx, w, "file://"+filepath.Join(dir, "asectl.html"))
	do(t, ctx, chromedp.SetValue(chromedp.ID("lang"), "en"),
		chromedp.Evaluate[chromedp.Void](`document.getElementById("lang").dispatchEvent(new Event("change"))`))
	ref, _ := filepath.Abs("../../testdata/A72213.txt")
	referenceChecks(t, ctx, ref)
	paths := testFiles(t)
	apiChecks(t, ctx, paths[:3])
	w.check(t, ctx)
	cspChecks(t, ctx)
}
