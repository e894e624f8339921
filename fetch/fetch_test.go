package fetch

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/asectl/asectl/parser"
)

// fakeClock is a clock whose sleeps take no time: they move it forward.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func newFakeClock() *fakeClock {
	return &fakeClock{t: time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if d > 0 {
		c.t = c.t.Add(d)
	}
	return nil
}

// reference is the text of the reference description.
func reference(t testing.TB) string {
	b, err := os.ReadFile("../testdata/A72213.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// pageOf renders a description's text as an HTML page the way the service
// is known to: a paragraph a line. The code is put in place of A72213.
func pageOf(t testing.TB, code string) []byte {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"fi\"><head><meta charset=\"utf-8\"><title>Hankkeen kuvaus</title>" +
		"<script>var x = '<p>A99999</p>';</script></head>\n<body><div class=\"kuvaus\">\n")
	for _, line := range strings.Split(reference(t), "\n") {
		line = strings.TrimSpace(strings.ReplaceAll(line, "A72213", code))
		if line != "" {
			fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(line))
		}
	}
	b.WriteString("</div></body></html>\n")
	return []byte(b.String())
}

// hit is one request the test server saw.
type hit struct {
	path   string // path and query
	at     time.Time
	header http.Header
}

// service is a test server that replays pages and injects faults.
type service struct {
	t      testing.TB
	srv    *httptest.Server
	clock  Clock
	mu     sync.Mutex
	hits   []hit
	robots string // the body of robots.txt; "" answers 404
	pages  map[string][]byte
	// fault, when set, answers a page request instead of the replay; n is
	// how many requests for that path came before this one.
	fault func(w http.ResponseWriter, r *http.Request, code string, n int) bool
	list  string // the project list's body
}

func newService(t testing.TB, clock Clock) *service {
	s := &service{t: t, clock: clock, pages: map[string][]byte{}}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *service) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	n := 0
	for _, h := range s.hits {
		if h.path == r.URL.RequestURI() {
			n++
		}
	}
	s.hits = append(s.hits, hit{path: r.URL.RequestURI(), at: s.clock.Now(), header: r.Header.Clone()})
	fault := s.fault
	s.mu.Unlock()
	switch r.URL.Path {
	case "/robots.txt":
		if s.robots == "" {
			http.NotFound(w, r)
			return
		}
		fmt.Fprint(w, s.robots)
		return
	case "/rrtiepa/projektilista.php":
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, s.list)
		return
	case "/rrtiepa/projekti.php":
	default:
		http.NotFound(w, r)
		return
	}
	code := r.URL.Query().Get("projektikoodi")
	if fault != nil && fault(w, r, code, n) {
		return
	}
	page, ok := s.pages[code]
	if !ok {
		http.NotFound(w, r)
		return
	}
	etag := fmt.Sprintf(`"%s-v1"`, code)
	w.Header().Set("ETag", etag)
	w.Header().Set("Last-Modified", "Mon, 02 Jan 2023 15:04:05 GMT")
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(page)
}

func (s *service) base() string { return s.srv.URL + "/rrtiepa/" }

// pageHits returns the requests for pages, in order.
func (s *service) pageHits() []hit {
	s.mu.Lock()
	defer s.mu.Unlock()
	var hs []hit
	for _, h := range s.hits {
		if strings.HasPrefix(h.path, "/rrtiepa/projekti.php") {
			hs = append(hs, h)
		}
	}
	return hs
}

func (s *service) allHits() []hit {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]hit(nil), s.hits...)
}

func (s *service) serveCodes(codes ...string) {
	for _, c := range codes {
		s.pages[c] = pageOf(s.t, c)
	}
}

// fetcher returns a Fetcher of the test service on the fake clock, fast.
func (s *service) fetcher(t testing.TB, edit func(*Options)) *Fetcher {
	opt := Options{BaseURL: s.base(), Clock: s.clock, Retries: 3, Timeout: 5 * time.Second, UserAgent: "asectl/test (+https://github.com/asectl/asectl; me@example.org)"}
	if edit != nil {
		edit(&opt)
	}
	f, err := New(opt)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// readManifest returns the manifest's entries by code, failing on any
// line that is not an entry.
func readManifest(t testing.TB, dir string) map[string]Entry {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, ManifestName))
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]Entry{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		var e Entry
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatalf("manifest line %q: %v", sc.Text(), err)
		}
		m[e.Code] = e
	}
	return m
}

// dirFiles lists the names in dir, sorted.
func dirFiles(t testing.TB, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names
}

func run(t testing.TB, f *Fetcher, dir string, codes ...string) Summary {
	t.Helper()
	sum, err := f.Run(context.Background(), dir, codes)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	return sum
}

func TestFetchSavesPagesAndManifest(t *testing.T) {
	clock := newFakeClock()
	s := newService(t, clock)
	s.serveCodes("A72213", "S20515")
	dir := t.TempDir()
	var results []string
	f := s.fetcher(t, func(o *Options) { o.OnResult = func(e Entry) { results = append(results, e.Code+" "+e.Result) } })
	sum := run(t, f, dir, "A72213", "S20515")
	if sum.Counts[ResultSaved] != 2 {
		t.Fatalf("counts %v, want 2 saved", sum.Counts)
	}
	sort.Strings(results)
	if got := strings.Join(results, ", "); got != "A72213 saved, S20515 saved" {
		t.Errorf("OnResult saw %s", got)
	}
	if got, want := dirFiles(t, dir), []string{"A72213.html", "S20515.html", "fetch.jsonl"}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("files %v, want %v", got, want)
	}
	for _, c := range []string{"A72213", "S20515"} {
		b, _ := os.ReadFile(filepath.Join(dir, c+".html"))
		if !bytes.Equal(b, s.pages[c]) {
			t.Errorf("%s.html differs from the page served", c)
		}
	}
	m := readManifest(t, dir)
	e := m["A72213"]
	if e.URL != s.base()+"projekti.php?projektikoodi=A72213" || e.Status == nil || *e.Status != 200 ||
		e.ETag == nil || *e.ETag != `"A72213-v1"` || e.LastModified == nil || e.SHA256 == nil || len(*e.SHA256) != 64 ||
		e.Error != nil || e.Attempts != 1 || e.Time != "2026-11-29T12:00:01Z" && e.Time != "2026-11-29T12:00:02Z" {
		t.Errorf("manifest entry %+v", e)
	}
	// The keys are a contract: snake_case, always present.
	b, _ := os.ReadFile(filepath.Join(dir, ManifestName))
	line, _, _ := bytes.Cut(b, []byte("\n"))
	var keys map[string]any
	if err := json.Unmarshal(line, &keys); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"code", "url", "result", "status", "time", "etag", "last_modified", "content_type", "size", "sha256", "attempts", "error"} {
		if _, ok := keys[k]; !ok {
			t.Errorf("manifest line lacks %q: %s", k, line)
		}
	}
	for _, h := range s.allHits() {
		if ua := h.header.Get("User-Agent"); !strings.HasPrefix(ua, "asectl/") || !strings.Contains(ua, "me@example.org") {
			t.Errorf("%s: User-Agent %q", h.path, ua)
		}
	}
	if hs := s.allHits(); len(hs) != 3 || hs[0].path != "/robots.txt" {
		t.Errorf("requests %v, want robots.txt and two pages", hs)
	}
}

func TestRetryAfter429(t *testing.T) {
	for _, after := range []string{"7", "date"} {
		t.Run(after, func(t *testing.T) {
			clock := newFakeClock()
			s := newService(t, clock)
			s.serveCodes("A72213")
			s.fault = func(w http.ResponseWriter, r *http.Request, code string, n int) bool {
				if n > 0 {
					return false
				}
				v := after
				if v == "date" {
					v = clock.Now().Add(7 * time.Second).UTC().Format(http.TimeFormat)
				}
				w.Header().Set("Retry-After", v)
				w.WriteHeader(http.StatusTooManyRequests)
				return true
			}
			dir := t.TempDir()
			run(t, s.fetcher(t, nil), dir, "A72213")
			e := readManifest(t, dir)["A72213"]
			if e.Result != ResultSaved || e.Attempts != 2 {
				t.Fatalf("entry %+v", e)
			}
			hs := s.pageHits()
			if gap := hs[1].at.Sub(hs[0].at); gap < 7*time.Second {
				t.Errorf("retried %s after a 429 with Retry-After 7 s", gap)
			}
		})
	}
}

// A 429, even without Retry-After, holds every connection and halves the
// rate for the rest of the run.
func TestTooManyRequestsSlowsDown(t *testing.T) {
	clock := newFakeClock()
	s := newService(t, clock)
	codes := []string{"A70001", "A70002", "A70003", "A70004"}
	s.serveCodes(codes...)
	s.fault = func(w http.ResponseWriter, r *http.Request, code string, n int) bool {
		if code == "A70001" && n == 0 {
			w.WriteHeader(http.StatusTooManyRequests)
			return true
		}
		return false
	}
	var logs []string
	f := s.fetcher(t, func(o *Options) {
		o.Connections = 1
		o.Logf = func(format string, args ...any) { logs = append(logs, fmt.Sprintf(format, args...)) }
	})
	dir := t.TempDir()
	if sum := run(t, f, dir, codes...); sum.Counts[ResultSaved] != 4 {
		t.Fatalf("counts %v", sum.Counts)
	}
	hs := s.pageHits()
	if len(hs) != 5 {
		t.Fatalf("%d page requests", len(hs))
	}
	for i := 2; i < len(hs); i++ {
		if gap := hs[i].at.Sub(hs[i-1].at); gap < 2*time.Second {
			t.Errorf("request %d came %s after the one before; after a 429 the rate is one every 2 s", i, gap)
		}
	}
	if !strings.Contains(strings.Join(logs, "\n"), "slows down to one request every 2s") {
		t.Errorf("logs: %q", logs)
	}
}

func TestRetryAfterTooLongFails(t *testing.T) {
	clock := newFakeClock()
	s := newService(t, clock)
	s.serveCodes("A72213")
	s.fault = func(w http.ResponseWriter, r *http.Request, code string, n int) bool {
		w.Header().Set("Retry-After", "86400")
		w.WriteHeader(http.StatusServiceUnavailable)
		return true
	}
	dir := t.TempDir()
	run(t, s.fetcher(t, nil), dir, "A72213")
	e := readManifest(t, dir)["A72213"]
	if e.Result != ResultFailed || e.Error == nil || !strings.Contains(*e.Error, "24h0m0s") || len(s.pageHits()) != 1 {
		t.Fatalf("entry %+v after %d requests", e, len(s.pageHits()))
	}
}

func TestServerErrorBacksOffAndFails(t *testing.T) {
	clock := newFakeClock()
	s := newService(t, clock)
	s.serveCodes("A72213")
	s.fault = func(w http.ResponseWriter, r *http.Request, code string, n int) bool {
		http.Error(w, "boom", http.StatusInternalServerError)
		return true
	}
	dir := t.TempDir()
	sum := run(t, s.fetcher(t, nil), dir, "A72213")
	if sum.Counts[ResultFailed] != 1 {
		t.Fatalf("counts %v", sum.Counts)
	}
	e := readManifest(t, dir)["A72213"]
	if e.Status == nil || *e.Status != 500 || e.Attempts != 4 || e.Error == nil || *e.Error != "HTTP 500 Internal Server Error" {
		t.Errorf("entry %+v", e)
	}
	hs := s.pageHits()
	if len(hs) != 4 {
		t.Fatalf("%d requests, want 4 (3 retries)", len(hs))
	}
	// Exponential back-off: 1 s, 2 s, 4 s between the attempts.
	for i, want := range []time.Duration{time.Second, 2 * time.Second, 4 * time.Second} {
		if gap := hs[i+1].at.Sub(hs[i].at); gap < want {
			t.Errorf("gap before attempt %d is %s, want at least %s", i+2, gap, want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "A72213.html")); err == nil {
		t.Error("an error page was saved")
	}
}

func TestServiceDownStopsTheRun(t *testing.T) {
	var codes []string
	for i := range 18 {
		codes = append(codes, fmt.Sprintf("A7%04d", i))
	}
	for _, tc := range []struct {
		name     string
		notFound string // a code answered 404, which is the page's failure, not the service's
		stops    bool
	}{
		{"down", "", true},
		{"a 404 breaks the streak", "A70009", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			clock := newFakeClock()
			s := newService(t, clock)
			s.fault = func(w http.ResponseWriter, r *http.Request, code string, n int) bool {
				if code == tc.notFound {
					http.NotFound(w, r)
					return true
				}
				http.Error(w, "down", http.StatusServiceUnavailable)
				return true
			}
			dir := t.TempDir()
			f := s.fetcher(t, func(o *Options) { o.Retries = 0; o.Connections = 1 })
			_, err := f.Run(context.Background(), dir, codes)
			var down *DownError
			if tc.stops != errors.As(err, &down) {
				t.Fatalf("Run: %v", err)
			}
			m := readManifest(t, dir)
			if tc.stops {
				if down.Streak != 10 || !strings.Contains(err.Error(), "HTTP 503 Service Unavailable") || len(m) != 10 || len(s.pageHits()) != 10 {
					t.Errorf("stopped with %v after %d entries and %d requests", err, len(m), len(s.pageHits()))
				}
			} else if len(m) != 18 {
				t.Errorf("%d entries", len(m))
			}
		})
	}
}

func TestSlowBodyTimesOut(t *testing.T) {
	clock := newFakeClock()
	s := newService(t, clock)
	s.serveCodes("A72213")
	s.fault = func(w http.ResponseWriter, r *http.Request, code string, n int) bool {
		w.Header().Set("Content-Length", "100000")
		w.WriteHeader(http.StatusOK)
		w.Write(s.pages[code][:1000])
		w.(http.Flusher).Flush()
		<-r.Context().Done() // the rest never comes
		return true
	}
	dir := t.TempDir()
	run(t, s.fetcher(t, func(o *Options) { o.Timeout = 50 * time.Millisecond; o.Retries = 1 }), dir, "A72213")
	e := readManifest(t, dir)["A72213"]
	if e.Result != ResultFailed || e.Attempts != 2 || e.Error == nil || !strings.Contains(*e.Error, "no complete answer within 50ms") {
		t.Fatalf("entry %+v", e)
	}
	if got := dirFiles(t, dir); fmt.Sprint(got) != "[fetch.jsonl]" {
		t.Errorf("files %v", got)
	}
}

// cutShort answers with a Content-Length and closes the connection after
// a tenth of the body.
func cutShort(t testing.TB, w http.ResponseWriter, page []byte) {
	conn, buf, err := w.(http.Hijacker).Hijack()
	if err != nil {
		t.Error(err)
		return
	}
	fmt.Fprintf(buf, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n", len(page))
	buf.Write(page[:len(page)/10])
	buf.Flush()
	conn.Close()
}

func TestBodyCutShort(t *testing.T) {
	for _, tc := range []struct {
		name    string
		cuts    int // requests cut short before a whole one
		result  string
		attempt int
	}{
		{"retried", 1, ResultSaved, 2},
		{"every time", 99, ResultFailed, 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			clock := newFakeClock()
			s := newService(t, clock)
			s.serveCodes("A72213")
			s.fault = func(w http.ResponseWriter, r *http.Request, code string, n int) bool {
				if n >= tc.cuts {
					return false
				}
				cutShort(t, w, s.pages[code])
				return true
			}
			dir := t.TempDir()
			run(t, s.fetcher(t, nil), dir, "A72213")
			e := readManifest(t, dir)["A72213"]
			if e.Result != tc.result || e.Attempts != tc.attempt {
				t.Fatalf("entry %+v", e)
			}
			b, err := os.ReadFile(filepath.Join(dir, "A72213.html"))
			switch {
			case tc.result == ResultSaved && !bytes.Equal(b, s.pages["A72213"]):
				t.Errorf("saved %d bytes, want the whole page (%d): %v", len(b), len(s.pages["A72213"]), err)
			case tc.result == ResultFailed && err == nil:
				t.Errorf("a page cut short was saved")
			case tc.result == ResultFailed && !strings.Contains(*e.Error, fmt.Sprintf("of %d bytes", len(s.pages["A72213"]))):
				t.Errorf("error %q", *e.Error)
			}
		})
	}
}

func TestRedirectLoop(t *testing.T) {
	clock := newFakeClock()
	s := newService(t, clock)
	s.serveCodes("A72213")
	s.fault = func(w http.ResponseWriter, r *http.Request, code string, n int) bool {
		http.Redirect(w, r, r.URL.RequestURI(), http.StatusFound)
		return true
	}
	dir := t.TempDir()
	run(t, s.fetcher(t, nil), dir, "A72213")
	e := readManifest(t, dir)["A72213"]
	if e.Result != ResultFailed || e.Error == nil || !strings.Contains(*e.Error, "redirect") {
		t.Fatalf("entry %+v", e)
	}
	// Not retried: the first request and five redirects.
	if n := len(s.pageHits()); n != 6 {
		t.Errorf("%d requests, want 6", n)
	}
	// Each hop waited its turn at the rate limiter.
	hs := s.pageHits()
	for i := 1; i < len(hs); i++ {
		if gap := hs[i].at.Sub(hs[i-1].at); gap < time.Second {
			t.Errorf("redirect %d came %s after the request before", i, gap)
		}
	}
}

func TestWrongCharsetIsSavedAsServed(t *testing.T) {
	clock := newFakeClock()
	s := newService(t, clock)
	// Windows-1252 bytes under a header that says UTF-8.
	page := bytes.ReplaceAll(pageOf(t, "A72213"), []byte("ä"), []byte{0xe4})
	page = bytes.ReplaceAll(page, []byte("ö"), []byte{0xf6})
	s.fault = func(w http.ResponseWriter, r *http.Request, code string, n int) bool {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
		return true
	}
	dir := t.TempDir()
	run(t, s.fetcher(t, nil), dir, "A72213")
	e := readManifest(t, dir)["A72213"]
	if e.Result != ResultSaved || e.ContentType == nil || *e.ContentType != "text/html; charset=utf-8" {
		t.Fatalf("entry %+v", e)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "A72213.html"))
	if !bytes.Equal(b, page) {
		t.Error("the page was not saved byte for byte")
	}
	// asectl parse reads the saved page's letters right.
	res, err := parser.Parse("A72213.html", b, parser.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Doc.Project.Status.Value; got != "Toiminta päättynyt" {
		t.Errorf("status read from the saved page: %q", got)
	}
}

func TestRobotsDisallows(t *testing.T) {
	for _, robots := range []string{
		"User-agent: *\nDisallow: /rrtiepa/projekti.php\n",
		"User-agent: Googlebot\nAllow: /\n\nUser-agent: asectl\nDisallow: /\n",
	} {
		clock := newFakeClock()
		s := newService(t, clock)
		s.serveCodes("A72213")
		s.robots = robots
		dir := t.TempDir()
		sum := run(t, s.fetcher(t, nil), dir, "A72213")
		if sum.Counts[ResultDisallowed] != 1 || len(s.pageHits()) != 0 {
			t.Fatalf("robots.txt %q: counts %v, %d page requests", robots, sum.Counts, len(s.pageHits()))
		}
		e := readManifest(t, dir)["A72213"]
		if e.Result != ResultDisallowed || e.Error == nil || e.Attempts != 0 {
			t.Errorf("entry %+v", e)
		}
		// The first file does not disallow the list; the second disallows
		// everything.
		s.list = `<a href="projekti.php?projektikoodi=A72213">A72213</a>`
		before := len(s.allHits())
		_, _, err := s.fetcher(t, nil).List(context.Background())
		everything := strings.Contains(robots, "Disallow: /\n")
		switch {
		case everything && (err == nil || !strings.Contains(err.Error(), "robots.txt")):
			t.Errorf("List under %q: %v", robots, err)
		case everything && len(s.allHits()) != before+1:
			t.Errorf("List asked for a disallowed list")
		case !everything && err != nil:
			t.Errorf("List under %q: %v", robots, err)
		}
	}
}

func TestRobotsUnreadableStopsTheRun(t *testing.T) {
	clock := newFakeClock()
	s := newService(t, clock)
	s.serveCodes("A72213")
	s.srv.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits = append(s.hits, hit{path: r.URL.RequestURI()})
		s.mu.Unlock()
		http.Error(w, "down", http.StatusServiceUnavailable)
	})
	dir := t.TempDir()
	_, err := s.fetcher(t, func(o *Options) { o.Retries = 1 }).Run(context.Background(), dir, []string{"A72213"})
	if err == nil || !strings.Contains(err.Error(), "robots.txt") {
		t.Fatalf("Run: %v", err)
	}
	if n := len(s.pageHits()); n != 0 {
		t.Errorf("%d page requests without robots.txt", n)
	}
}

func TestRobotsTooLargeStopsTheRun(t *testing.T) {
	clock := newFakeClock()
	s := newService(t, clock)
	s.serveCodes("A72213")
	s.robots = "User-agent: *\n" + strings.Repeat("Disallow: /x\n", 50000)
	_, err := s.fetcher(t, nil).Run(context.Background(), t.TempDir(), []string{"A72213"})
	if err == nil || !strings.Contains(err.Error(), "robots.txt: larger than 524288 bytes") {
		t.Fatalf("Run: %v", err)
	}
	if n := len(s.pageHits()); n != 0 {
		t.Errorf("%d page requests", n)
	}
}

func TestCrawlDelayIsHonoured(t *testing.T) {
	clock := newFakeClock()
	s := newService(t, clock)
	s.serveCodes("A72213", "A72214", "A72215")
	s.robots = "User-agent: *\nCrawl-delay: 3\n"
	run(t, s.fetcher(t, func(o *Options) { o.Connections = 1 }), t.TempDir(), "A72213", "A72214", "A72215")
	hs := s.pageHits()
	for i := 1; i < len(hs); i++ {
		if gap := hs[i].at.Sub(hs[i-1].at); gap < 3*time.Second {
			t.Errorf("request %d came %s after the one before, Crawl-delay is 3 s", i, gap)
		}
	}
}

func TestRateLimitOnTheClock(t *testing.T) {
	clock := newFakeClock()
	s := newService(t, clock)
	var codes []string
	for i := range 10 {
		codes = append(codes, fmt.Sprintf("A7%04d", i))
	}
	s.serveCodes(codes...)
	run(t, s.fetcher(t, func(o *Options) { o.Rate = 0.5; o.Connections = 1 }), t.TempDir(), codes...)
	hs := s.allHits() // robots.txt counts too
	if len(hs) != 11 {
		t.Fatalf("%d requests", len(hs))
	}
	for i := 1; i < len(hs); i++ {
		if gap := hs[i].at.Sub(hs[i-1].at); gap < 2*time.Second {
			t.Errorf("request %d came %s after the one before, at 0.5 a second", i, gap)
		}
	}
}

// TestRateLimitInRealTime runs two connections at 40 requests a second
// on the real clock: the requests the server sees may never come faster.
func TestRateLimitInRealTime(t *testing.T) {
	s := newService(t, realClock{})
	var codes []string
	for i := range 15 {
		codes = append(codes, fmt.Sprintf("S2%04d", i))
	}
	s.serveCodes(codes...)
	const perSecond = 40
	f := s.fetcher(t, func(o *Options) { o.Clock = nil; o.Rate = perSecond })
	start := time.Now()
	run(t, f, t.TempDir(), codes...)
	hs := s.allHits()
	if len(hs) != 16 {
		t.Fatalf("%d requests", len(hs))
	}
	sort.Slice(hs, func(i, j int) bool { return hs[i].at.Before(hs[j].at) })
	// The limiter lets request k go no sooner than k/40 s after the start,
	// and the server sees it later still (scheduling noise can bunch a few
	// together on arrival, so the fake clock's test checks each gap): the
	// 16th arrives at least 15/40 s after the start. Without the limiter
	// all 16 take a few milliseconds.
	if got, want := hs[len(hs)-1].at.Sub(start), 15*time.Second/perSecond; got < want {
		t.Fatalf("16 requests within %s of the start, want at least %s", got, want)
	}
}

func TestRefreshIsConditional(t *testing.T) {
	clock := newFakeClock()
	s := newService(t, clock)
	s.serveCodes("A72213")
	dir := t.TempDir()
	run(t, s.fetcher(t, nil), dir, "A72213")
	first := readManifest(t, dir)["A72213"]
	st1, _ := os.Stat(filepath.Join(dir, "A72213.html"))

	sum := run(t, s.fetcher(t, func(o *Options) { o.Refresh = true }), dir, "A72213")
	if sum.Counts[ResultNotModified] != 1 {
		t.Fatalf("counts %v", sum.Counts)
	}
	hs := s.pageHits()
	last := hs[len(hs)-1].header
	if last.Get("If-None-Match") != `"A72213-v1"` || last.Get("If-Modified-Since") != "Mon, 02 Jan 2023 15:04:05 GMT" {
		t.Errorf("refresh sent If-None-Match %q, If-Modified-Since %q", last.Get("If-None-Match"), last.Get("If-Modified-Since"))
	}
	e := readManifest(t, dir)["A72213"]
	if e.Result != ResultNotModified || *e.ETag != *first.ETag || *e.SHA256 != *first.SHA256 || *e.Status != 304 {
		t.Errorf("entry after refresh %+v", e)
	}
	st2, _ := os.Stat(filepath.Join(dir, "A72213.html"))
	if !os.SameFile(st1, st2) {
		t.Error("the page was rewritten on a 304")
	}
	// A page that changed is downloaded again.
	s.pages["A72213"] = append(pageOf(t, "A72213"), "<!-- v2 -->"...)
	s.fault = func(w http.ResponseWriter, r *http.Request, code string, n int) bool {
		w.Header().Set("ETag", `"v2"`)
		w.Write(s.pages[code])
		return true
	}
	run(t, s.fetcher(t, func(o *Options) { o.Refresh = true }), dir, "A72213")
	if e := readManifest(t, dir)["A72213"]; e.Result != ResultSaved || *e.ETag != `"v2"` {
		t.Errorf("entry after a change %+v", e)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "A72213.html"))
	if !bytes.Equal(b, s.pages["A72213"]) {
		t.Error("the changed page was not saved")
	}
}

func TestResumeKeepsFilesAndFetchesTheRest(t *testing.T) {
	clock := newFakeClock()
	s := newService(t, clock)
	s.serveCodes("A72213", "A72214")
	s.fault = func(w http.ResponseWriter, r *http.Request, code string, n int) bool {
		if code == "A72214" && n == 0 {
			http.Error(w, "busy", http.StatusBadGateway)
			return true
		}
		return false
	}
	dir := t.TempDir()
	// A page saved by hand is kept too.
	if err := os.WriteFile(filepath.Join(dir, "A72215.html"), []byte("by hand"), 0o644); err != nil {
		t.Fatal(err)
	}
	sum := run(t, s.fetcher(t, func(o *Options) { o.Retries = 0 }), dir, "A72213", "A72214", "A72215")
	if sum.Counts[ResultSaved] != 1 || sum.Counts[ResultFailed] != 1 || sum.Counts[ResultKept] != 1 {
		t.Fatalf("first run: %v", sum.Counts)
	}
	before := len(s.pageHits())
	sum = run(t, s.fetcher(t, func(o *Options) { o.Retries = 0 }), dir, "A72213", "A72214", "A72215")
	if sum.Counts[ResultKept] != 2 || sum.Counts[ResultSaved] != 1 {
		t.Fatalf("second run: %v", sum.Counts)
	}
	hs := s.pageHits()[before:]
	if len(hs) != 1 || !strings.HasSuffix(hs[0].path, "A72214") {
		t.Errorf("second run asked for %v, want only A72214", hs)
	}
	m := readManifest(t, dir)
	if m["A72213"].Result != ResultSaved || m["A72214"].Result != ResultSaved || m["A72215"].Result != ResultKept {
		t.Errorf("manifest %+v", m)
	}
	if *m["A72215"].Size != 7 {
		t.Errorf("kept entry %+v", m["A72215"])
	}
	// One line a code, sorted.
	b, _ := os.ReadFile(filepath.Join(dir, ManifestName))
	if n := bytes.Count(b, []byte("\n")); n != 3 {
		t.Errorf("manifest has %d lines, want 3:\n%s", n, b)
	}
}

func TestInterruptLeavesNoPartialFile(t *testing.T) {
	clock := newFakeClock()
	s := newService(t, clock)
	s.serveCodes("A72213", "A72214")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s.fault = func(w http.ResponseWriter, r *http.Request, code string, n int) bool {
		if code != "A72214" {
			return false
		}
		w.Header().Set("Content-Length", fmt.Sprint(len(s.pages[code])))
		w.Write(s.pages[code][:2000])
		w.(http.Flusher).Flush()
		cancel() // Ctrl-C while the body comes
		<-r.Context().Done()
		return true
	}
	dir := t.TempDir()
	f := s.fetcher(t, func(o *Options) { o.Connections = 1 })
	_, err := f.Run(ctx, dir, []string{"A72213", "A72214"})
	if err == nil || !strings.Contains(err.Error(), "context canceled") {
		t.Fatalf("Run: %v", err)
	}
	if got := dirFiles(t, dir); fmt.Sprint(got) != "[A72213.html fetch.jsonl]" {
		t.Errorf("files after the interrupt: %v", got)
	}
	m := readManifest(t, dir)
	if len(m) != 1 || m["A72213"].Result != ResultSaved {
		t.Errorf("manifest %+v", m)
	}
}

func TestRemovesTempFilesOfAKilledRun(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{".A72213.html.tmp-123", ".fetch.jsonl.tmp-9", ".notes.tmp-1", "A72214.html"} {
		os.WriteFile(filepath.Join(dir, n), []byte("x"), 0o644)
	}
	clock := newFakeClock()
	s := newService(t, clock)
	run(t, s.fetcher(t, nil), dir, "A72214")
	if got := dirFiles(t, dir); fmt.Sprint(got) != "[.notes.tmp-1 A72214.html fetch.jsonl]" {
		t.Errorf("files %v", got)
	}
}

func TestNotADescriptionIsNotSaved(t *testing.T) {
	for _, tc := range []struct{ name, body, why string }{
		{"empty", "", "the file is empty"},
		{"error page", "<html><body><h1>Virhe</h1><p>Hanketta A72213 ei löytynyt.</p></body></html>", "no known heading"},
		{"other project", "", "the page is the description of A72299, not of A72213"},
		{"login", "<html><body><form><p>Tunnus: <input name=u></p><p>Salasana: <input type=password name=pw></p></form></body></html>", "no known heading"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			clock := newFakeClock()
			s := newService(t, clock)
			body := []byte(tc.body)
			if tc.name == "other project" {
				body = pageOf(t, "A72299")
			}
			s.fault = func(w http.ResponseWriter, r *http.Request, code string, n int) bool {
				w.Write(body)
				return true
			}
			dir := t.TempDir()
			sum := run(t, s.fetcher(t, nil), dir, "A72213")
			e := readManifest(t, dir)["A72213"]
			if sum.Counts[ResultNotDescription] != 1 || e.Result != ResultNotDescription || e.Error == nil || !strings.Contains(*e.Error, tc.why) {
				t.Fatalf("entry %+v, counts %v", e, sum.Counts)
			}
			if e.Status == nil || *e.Status != 200 || e.Attempts != 1 {
				t.Errorf("entry %+v", e)
			}
			if got := dirFiles(t, dir); fmt.Sprint(got) != "[fetch.jsonl]" {
				t.Errorf("files %v", got)
			}
		})
	}
}

func TestInjectedChecker(t *testing.T) {
	clock := newFakeClock()
	s := newService(t, clock)
	s.serveCodes("A72213")
	var asked []string
	f := s.fetcher(t, func(o *Options) {
		o.Check = func(code string, page []byte) error {
			asked = append(asked, code)
			return fmt.Errorf("refused by the test")
		}
	})
	dir := t.TempDir()
	run(t, f, dir, "A72213")
	if e := readManifest(t, dir)["A72213"]; e.Result != ResultNotDescription || *e.Error != "not a description: refused by the test" || len(asked) != 1 {
		t.Errorf("entry %+v, checker asked %v", e, asked)
	}
}

func TestTooLarge(t *testing.T) {
	clock := newFakeClock()
	s := newService(t, clock)
	s.serveCodes("A72213")
	dir := t.TempDir()
	run(t, s.fetcher(t, func(o *Options) { o.MaxSize = 1000 }), dir, "A72213")
	e := readManifest(t, dir)["A72213"]
	if e.Result != ResultFailed || !strings.Contains(*e.Error, "larger than 1000 bytes") || e.Attempts != 1 {
		t.Errorf("entry %+v", e)
	}
}

func TestList(t *testing.T) {
	clock := newFakeClock()
	s := newService(t, clock)
	s.list = `<html><body><table>
<tr><td><a href="projekti.php?projektikoodi=A72213">A72213</a></td></tr>
<tr><td><a class=x href='/rrtiepa/projekti.php?rahasto=ALL&amp;projektikoodi=S20515'>S20515</a></td></tr>
<tr><td><A HREF="https://www.eura2014.fi/rrtiepa/projekti.php?projektikoodi=a70301">a70301</A></td></tr>
<tr><td><a href="projekti.php?projektikoodi=A72213">again</a></td></tr>
<tr><td><a href="projekti.php?projektikoodi=XYZ">broken</a></td></tr>
<tr><td><a href="projektilista.php?rahasto=EAKR">EAKR</a></td></tr>
</table></body></html>`
	codes, invalid, err := s.fetcher(t, nil).List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(codes) != "[A72213 S20515 A70301]" || invalid != 1 {
		t.Errorf("codes %v, %d invalid", codes, invalid)
	}
	s.list = "<html><body><p>Palvelu on suljettu.</p></body></html>"
	if _, _, err := s.fetcher(t, nil).List(context.Background()); err == nil || !strings.Contains(err.Error(), "links to no project") {
		t.Errorf("List of a page without links: %v", err)
	}
}

func TestNewRefusesBadOptions(t *testing.T) {
	for _, o := range []Options{
		{BaseURL: "ftp://example.org/"},
		{BaseURL: "example.org"},
		{Rate: -1},
		{Connections: -1},
	} {
		if _, err := New(o); err == nil {
			t.Errorf("New(%+v) accepted", o)
		}
	}
	f, err := New(Options{BaseURL: "https://web.archive.org/web/2020/https://www.eura2014.fi/rrtiepa"})
	if err != nil {
		t.Fatal(err)
	}
	if got := f.PageURL("A72213"); got != "https://web.archive.org/web/2020/https://www.eura2014.fi/rrtiepa/projekti.php?projektikoodi=A72213" {
		t.Errorf("PageURL on an archive = %s", got)
	}
}
