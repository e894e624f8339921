// Package fetch downloads EURA 2014 description pages politely: one
// CODE.html per project in a directory, with a manifest fetch.jsonl that
// records each download (URL, HTTP status, time, ETag, Last-Modified,
// sha256, error).
//
// Polite means: at most Options.Rate requests a second over all
// connections (retries, redirects, robots.txt and the project list
// included), at most Options.Connections connections, the site's
// robots.txt honoured (Crawl-delay too), a User-Agent that names the
// client, retries of 429, 5xx and time-outs with exponential back-off that
// honours Retry-After (and holds every connection while it runs), and
// conditional requests when refreshing. Every read is bounded in size,
// time and redirects.
//
// Retries are a small loop here rather than a retrying HTTP client
// (hashicorp/go-retryablehttp): a retry must cover the whole exchange,
// body included (a body cut short or too slow is retried; such a client
// retries only up to the headers), each attempt must pass the shared rate
// limiter (golang.org/x/time/rate) and the shared Retry-After pause, and
// the waits must run on an injectable clock so the tests need no sleeps.
package fetch

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/temoto/robotstxt"
	"golang.org/x/time/rate"
)

// DefaultBaseURL is the EURA 2014 service's public folder of descriptions.
const DefaultBaseURL = "https://www.eura2014.fi/rrtiepa/"

// ManifestName is the manifest's file name in the output directory.
const ManifestName = "fetch.jsonl"

// Results of one code, the manifest's "result".
const (
	ResultSaved          = "saved"           // downloaded and written as CODE.html
	ResultNotModified    = "not_modified"    // 304 to a conditional request: CODE.html is current
	ResultKept           = "kept"            // CODE.html was there already and no request was made
	ResultNotDescription = "not_description" // a response came, but not a description: not saved
	ResultFailed         = "failed"          // no usable response (HTTP error, network, size, redirects)
	ResultDisallowed     = "disallowed"      // robots.txt forbids the page: no request was made
)

// Options tune a Fetcher. The zero value of each field takes the default
// named beside it.
type Options struct {
	BaseURL      string        // the folder of projekti.php and projektilista.php (DefaultBaseURL)
	Rate         float64       // requests a second over all connections (1)
	Connections  int           // connections at once (2)
	UserAgent    string        // the User-Agent header ("asectl")
	Agent        string        // the product token matched against robots.txt ("asectl")
	Timeout      time.Duration // one request, headers and body (60 s)
	Retries      int           // retries after the first attempt (0: none)
	MaxSize      int64         // bytes of one page (16 MiB); the project list may be 8 times larger
	MaxRedirects int           // redirects followed per request (5)
	MaxRetryWait time.Duration // the longest Retry-After honoured; longer fails the code (10 min)
	// MaxDownStreak stops the run after this many codes in a row got no
	// answer, or only 429 or 5xx, after their retries: the service is
	// down, and going on would only add load (10; negative: never).
	MaxDownStreak int
	Refresh       bool    // fetch codes whose CODE.html exists, conditionally
	Check         Checker // decides whether a page is a description (IsDescription)
	Clock         Clock   // time and sleeps (the real clock)
	Transport     http.RoundTripper
	// OnResult is called once for each code as it finishes, one call at a
	// time; an interrupted code is not reported.
	OnResult func(Entry)
	// Logf reports what the user should know while the run goes on
	// (a Retry-After pause, a Crawl-delay adopted).
	Logf func(format string, args ...any)
}

// Clock is the time source of the waits, replaceable in tests.
type Clock interface {
	Now() time.Time
	// Sleep waits for d, or returns ctx's error when it is done first.
	Sleep(ctx context.Context, d time.Duration) error
}

type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }

func (realClock) Sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Fetcher downloads pages from one service (or mirror).
type Fetcher struct {
	opt     Options
	base    *url.URL
	client  *http.Client
	clock   Clock
	limiter *rate.Limiter
	check   Checker

	mu          sync.Mutex
	pausedUntil time.Time // a Retry-After pause every connection honours
	robots      *robotstxt.RobotsData
	robotsHost  string
}

// New checks the options and returns a Fetcher.
func New(opt Options) (*Fetcher, error) {
	if opt.BaseURL == "" {
		opt.BaseURL = DefaultBaseURL
	}
	base, err := url.Parse(opt.BaseURL)
	if err != nil || (base.Scheme != "http" && base.Scheme != "https") || base.Host == "" {
		return nil, fmt.Errorf("base URL %q is not an http or https URL", opt.BaseURL)
	}
	if !strings.HasSuffix(base.Path, "/") {
		base.Path += "/"
	}
	base.RawQuery, base.Fragment = "", ""
	if opt.Rate == 0 {
		opt.Rate = 1
	}
	if opt.Rate < 0 {
		return nil, fmt.Errorf("rate %g is not positive", opt.Rate)
	}
	if opt.Connections == 0 {
		opt.Connections = 2
	}
	if opt.Connections < 0 {
		return nil, fmt.Errorf("connections %d is not positive", opt.Connections)
	}
	if opt.UserAgent == "" {
		opt.UserAgent = "asectl"
	}
	if opt.Agent == "" {
		opt.Agent = "asectl"
	}
	if opt.Timeout == 0 {
		opt.Timeout = 60 * time.Second
	}
	if opt.MaxSize == 0 {
		opt.MaxSize = 16 << 20
	}
	if opt.MaxRedirects == 0 {
		opt.MaxRedirects = 5
	}
	if opt.MaxRetryWait == 0 {
		opt.MaxRetryWait = 10 * time.Minute
	}
	if opt.MaxDownStreak == 0 {
		opt.MaxDownStreak = 10
	}
	f := &Fetcher{opt: opt, base: base, clock: opt.Clock, check: opt.Check}
	if f.clock == nil {
		f.clock = realClock{}
	}
	if f.check == nil {
		f.check = IsDescription
	}
	// Burst 1: requests are spaced evenly, never bunched.
	f.limiter = rate.NewLimiter(rate.Limit(opt.Rate), 1)
	tr := opt.Transport
	if tr == nil {
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.MaxConnsPerHost = opt.Connections
		t.MaxIdleConnsPerHost = opt.Connections
		tr = t
	}
	f.client = &http.Client{Transport: tr, CheckRedirect: f.checkRedirect}
	return f, nil
}

// PageURL is the address of a project's description.
func (f *Fetcher) PageURL(code string) string {
	return f.base.String() + "projekti.php?projektikoodi=" + url.QueryEscape(code)
}

// ListURL is the address of the service's list of every project.
func (f *Fetcher) ListURL() string {
	return f.base.String() + "projektilista.php?rahasto=ALL"
}

func (f *Fetcher) logf(format string, args ...any) {
	if f.opt.Logf != nil {
		f.opt.Logf(format, args...)
	}
}

// Entry is one line of the manifest: the last outcome for a code. The
// JSON keys are snake_case and always present; null stands for an absent
// value.
type Entry struct {
	Code         string  `json:"code"`
	URL          string  `json:"url"`           // the page's address (before redirects)
	Result       string  `json:"result"`        // one of the Result constants
	Status       *int    `json:"status"`        // the last HTTP status; null when no response came
	Time         string  `json:"time"`          // when the outcome was known, RFC 3339, UTC
	ETag         *string `json:"etag"`          // of the saved page, for conditional requests
	LastModified *string `json:"last_modified"` // likewise
	ContentType  *string `json:"content_type"`  // as the server sent it; the bytes are saved as they came
	Size         *int64  `json:"size"`          // bytes of the page (of the file, for kept)
	SHA256       *string `json:"sha256"`        // hex SHA-256 of those bytes
	Attempts     int     `json:"attempts"`      // requests made for the page (0 when none)
	Error        *string `json:"error"`         // why the page was not saved; null when it was

	down bool // the failure was the service's (no answer, 429, 5xx), not the page's
}

// OK reports whether the code's page is in the directory and current as
// far as this run knows.
func (e Entry) OK() bool {
	return e.Result == ResultSaved || e.Result == ResultNotModified || e.Result == ResultKept
}

func strPtr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func (f *Fetcher) now() string { return f.clock.Now().UTC().Format(time.RFC3339) }

// Summary counts the codes of a run by result.
type Summary struct {
	Total  int
	Counts map[string]int
}

// Run fetches the pages of codes (valid project codes, see ValidCode)
// into dir, which is created if need be. A code whose CODE.html exists is
// kept without a request unless Options.Refresh is set. Each outcome is
// appended to dir/fetch.jsonl as it comes; at the end the manifest is
// rewritten (atomically) with the last entry of each code, sorted by code.
//
// The error is ctx's when the run was interrupted (what was finished is
// saved and in the manifest; no partial file is left), or one that stopped
// the whole run: the directory or manifest cannot be written, another run
// is writing into it (ErrBusy), robots.txt cannot be read. A code that fails is not an error of Run: see Summary
// and the manifest.
func (f *Fetcher) Run(ctx context.Context, dir string, codes []string) (Summary, error) {
	sum := Summary{Total: len(codes), Counts: map[string]int{}}
	for _, c := range codes {
		if !ValidCode(c) {
			return sum, fmt.Errorf("%q is not a project code", c)
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return sum, err
	}
	unlock, err := lockDir(dir)
	if err != nil {
		return sum, err
	}
	defer unlock()
	removeTemps(dir)
	m, err := openManifest(dir, f.logf)
	if err != nil {
		return sum, err
	}
	parent := ctx
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	var recMu sync.Mutex
	var recErr, downErr error
	streak := 0
	record := func(e Entry, persist bool) {
		recMu.Lock()
		defer recMu.Unlock()
		if persist {
			if err := m.append(e); err != nil && recErr == nil {
				recErr = err
			}
		}
		if persist && e.Result != ResultKept {
			if e.Result == ResultFailed && e.down {
				streak++
			} else {
				streak = 0
			}
			if f.opt.MaxDownStreak > 0 && streak >= f.opt.MaxDownStreak && downErr == nil {
				downErr = &DownError{Streak: streak, Last: *e.Error}
				stop()
			}
		}
		sum.Counts[e.Result]++
		if f.opt.OnResult != nil {
			f.opt.OnResult(e)
		}
	}

	var todo []string
	for _, c := range codes {
		path := filepath.Join(dir, c+".html")
		if f.opt.Refresh || !regularFile(path) {
			todo = append(todo, c)
			continue
		}
		if prev, ok := m.last(c); ok && prev.OK() {
			prev.Result = ResultKept
			record(prev, false)
			continue
		}
		record(keptEntry(c, f.PageURL(c), path, f.now()), true)
	}

	if len(todo) > 0 {
		if err := f.loadRobots(ctx); err != nil {
			return sum, errors.Join(err, m.compact())
		}
	}
	jobs := make(chan string)
	var wg sync.WaitGroup
	for range min(f.opt.Connections, len(todo)) {
		wg.Go(func() {
			for c := range jobs {
				prev, _ := m.last(c)
				if e, ok := f.fetchOne(ctx, dir, c, prev); ok {
					record(e, true)
				}
			}
		})
	}
feed:
	for _, c := range todo {
		select {
		case jobs <- c:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	err = errors.Join(recErr, m.compact())
	if parent.Err() != nil {
		return sum, errors.Join(parent.Err(), err)
	}
	return sum, errors.Join(downErr, err)
}

// ErrBusy is Run's error when another run is writing into the same
// directory (on systems with flock).
var ErrBusy = errors.New("another asectl fetch is writing into this directory; wait for it to end, or use another directory")

// DownError stops a run whose last Streak codes got no answer, or only
// 429 or 5xx, after their retries.
type DownError struct {
	Streak int
	Last   string // the last code's error
}

func (e *DownError) Error() string {
	return fmt.Sprintf("the service answered none of the last %d pages (the last: %s); it seems down: run the same command later to go on", e.Streak, e.Last)
}

// sameSHA256 reports whether path is a regular file whose SHA-256 is
// want (hex).
func sameSHA256(path string, want *string) bool {
	if want == nil || !regularFile(path) {
		return false
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return false
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:]) == *want
}

func regularFile(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular()
}

// keptEntry describes a page found in the directory with no manifest
// entry to say where it came from.
func keptEntry(code, u, path, now string) Entry {
	e := Entry{Code: code, URL: u, Result: ResultKept, Time: now}
	if b, err := os.ReadFile(path); err == nil {
		sum := sha256.Sum256(b)
		size := int64(len(b))
		e.Size, e.SHA256 = &size, strPtr(hex.EncodeToString(sum[:]))
	}
	return e
}

// fetchOne downloads one page. ok is false when ctx ended first: an
// interrupted code leaves no entry and no file.
func (f *Fetcher) fetchOne(ctx context.Context, dir, code string, prev Entry) (Entry, bool) {
	u := f.PageURL(code)
	e := Entry{Code: code, URL: u}
	fail := func(result, msg string) (Entry, bool) {
		e.Result, e.Error, e.Time = result, &msg, f.now()
		return e, true
	}
	if !f.allowed(u) {
		return fail(ResultDisallowed, fmt.Sprintf("robots.txt of %s disallows this page for %s", f.base.Host, f.opt.Agent))
	}
	path := filepath.Join(dir, code+".html")
	hdr := http.Header{}
	conditional := false
	// Conditional only while the file is still the bytes the ETag stands
	// for: a page edited or damaged since would be kept on a 304.
	if f.opt.Refresh && prev.OK() && sameSHA256(path, prev.SHA256) {
		if prev.ETag != nil {
			hdr.Set("If-None-Match", *prev.ETag)
			conditional = true
		}
		if prev.LastModified != nil {
			hdr.Set("If-Modified-Since", *prev.LastModified)
			conditional = true
		}
	}
	resp, attempts, err := f.get(ctx, u, hdr, f.opt.MaxSize)
	e.Attempts = attempts
	if ctx.Err() != nil {
		return e, false
	}
	if resp != nil {
		e.Status = &resp.status
		e.ContentType = strPtr(resp.header.Get("Content-Type"))
	}
	if err != nil {
		e.down, _ = f.retryable(resp, err)
		return fail(ResultFailed, describe(err, f.opt.Timeout))
	}
	switch {
	case resp.status == http.StatusNotModified && conditional:
		e.Result, e.Time = ResultNotModified, f.now()
		e.ETag, e.LastModified = prev.ETag, prev.LastModified
		if v := resp.header.Get("ETag"); v != "" {
			e.ETag = &v
		}
		if v := resp.header.Get("Last-Modified"); v != "" {
			e.LastModified = &v
		}
		e.Size, e.SHA256 = prev.Size, prev.SHA256
		if e.ContentType == nil {
			e.ContentType = prev.ContentType
		}
		return e, true
	case resp.status != http.StatusOK:
		e.down, _ = f.retryable(resp, nil)
		return fail(ResultFailed, "HTTP "+statusText(resp.status))
	}
	size := int64(len(resp.body))
	sum := sha256.Sum256(resp.body)
	e.Size, e.SHA256 = &size, strPtr(hex.EncodeToString(sum[:]))
	if err := f.check(code, resp.body); err != nil {
		return fail(ResultNotDescription, "not a description: "+err.Error())
	}
	if err := writeFileAtomic(path, resp.body); err != nil {
		return fail(ResultFailed, "cannot save the page: "+err.Error())
	}
	e.Result, e.Time = ResultSaved, f.now()
	e.ETag = strPtr(resp.header.Get("ETag"))
	e.LastModified = strPtr(resp.header.Get("Last-Modified"))
	return e, true
}

func statusText(code int) string {
	if t := http.StatusText(code); t != "" {
		return fmt.Sprintf("%d %s", code, t)
	}
	return fmt.Sprint(code)
}

// List reads the service's project list (ListURL) and returns its
// project codes in page order; invalid counts links whose code is not a
// project code.
func (f *Fetcher) List(ctx context.Context) (codes []string, invalid int, err error) {
	u := f.ListURL()
	if err := f.loadRobots(ctx); err != nil {
		return nil, 0, err
	}
	if !f.allowed(u) {
		return nil, 0, fmt.Errorf("%s: robots.txt of %s disallows the project list for %s", u, f.base.Host, f.opt.Agent)
	}
	resp, _, err := f.get(ctx, u, nil, 8*f.opt.MaxSize)
	if err != nil {
		return nil, 0, fmt.Errorf("%s: %s", u, describe(err, f.opt.Timeout))
	}
	if resp.status != http.StatusOK {
		return nil, 0, fmt.Errorf("%s: HTTP %s", u, statusText(resp.status))
	}
	codes, invalid = ListCodes(resp.body)
	if len(codes) == 0 {
		return nil, invalid, fmt.Errorf("%s: the page links to no project (no link holds projektikoodi=)", u)
	}
	return codes, invalid, nil
}
