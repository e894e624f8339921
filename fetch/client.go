package fetch

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/temoto/robotstxt"
	"golang.org/x/time/rate"
)

// response is a whole, bounded HTTP response.
type response struct {
	status int
	header http.Header
	body   []byte
}

// Errors that no retry mends.
var (
	errTooManyRedirects = errors.New("too many redirects")
	errDisallowedHop    = errors.New("redirected to a page robots.txt disallows")
	errScheme           = errors.New("redirected to an address that is not http or https")
	errOffSite          = errors.New("redirected to another site")
)

// tooLargeError is a body over the size limit.
type tooLargeError struct{ limit int64 }

func (e tooLargeError) Error() string {
	return fmt.Sprintf("the page is larger than %d bytes (--max-size)", e.limit)
}

// cutShortError is a body that ended before its Content-Length.
type cutShortError struct {
	got, want int64
	err       error
}

func (e cutShortError) Error() string {
	if e.want > 0 {
		return fmt.Sprintf("the connection closed after %d of %d bytes", e.got, e.want)
	}
	return fmt.Sprintf("the connection failed after %d bytes: %v", e.got, e.err)
}

func (e cutShortError) Unwrap() error { return e.err }

// retryAfterError is a Retry-After longer than Options.MaxRetryWait.
type retryAfterError struct{ wait, max time.Duration }

func (e retryAfterError) Error() string {
	return fmt.Sprintf("the server asks to wait %s before trying again, longer than the %s asectl waits", e.wait, e.max)
}

// get makes a GET request with retries and returns the last response
// (whatever its status) or the last error, and the number of attempts.
// Retried: 408, 429, 500, 502, 503, 504, time-outs, connections that fail
// or close early. The wait before retry n is 2^(n-1) s (at most 64 s), or
// the server's Retry-After if longer; a Retry-After pause holds every
// connection.
func (f *Fetcher) get(ctx context.Context, u string, hdr http.Header, limit int64) (*response, int, error) {
	for attempt := 1; ; attempt++ {
		if err := f.wait(ctx); err != nil {
			return nil, attempt - 1, err
		}
		resp, err := f.once(ctx, u, hdr, limit)
		if ctx.Err() != nil {
			return nil, attempt, ctx.Err()
		}
		retry, after := f.retryable(resp, err)
		if !retry || attempt > f.opt.Retries {
			return resp, attempt, err
		}
		delay := time.Duration(math.Min(64, math.Pow(2, float64(attempt-1)))) * time.Second
		if after > f.opt.MaxRetryWait {
			return resp, attempt, retryAfterError{after, f.opt.MaxRetryWait}
		}
		delay = max(delay, after)
		tooMany := resp != nil && resp.status == http.StatusTooManyRequests
		if after > 0 || tooMany {
			// Retry-After and 429 speak for the server, not for this page:
			// every connection waits.
			f.mu.Lock()
			f.pausedUntil = later(f.pausedUntil, f.clock.Now().Add(delay))
			f.mu.Unlock()
		}
		if tooMany {
			f.slowDown(u)
		}
		why := ""
		if err != nil {
			why = describe(err, f.opt.Timeout)
		} else {
			why = "HTTP " + statusText(resp.status)
		}
		f.logf("%s: %s; trying again in %s (attempt %d of %d)", u, why, delay.Round(time.Millisecond), attempt+1, f.opt.Retries+1)
		if err := f.clock.Sleep(ctx, delay); err != nil {
			return nil, attempt, err
		}
	}
}

// minRate is the slowest a run gets by halving its rate on 429s: one
// request a minute.
const minRate = rate.Limit(1.0 / 60)

// slowDown halves the request rate for the rest of the run: a 429 says
// the rate asked for is too fast for this server.
func (f *Fetcher) slowDown(u string) {
	f.mu.Lock()
	old := f.limiter.Limit()
	next := max(old/2, minRate)
	if next < old {
		f.limiter.SetLimitAt(f.clock.Now(), next)
	}
	f.mu.Unlock()
	if next < old {
		f.logf("%s: HTTP 429 Too Many Requests; asectl slows down to one request every %s for the rest of the run",
			u, time.Duration(float64(time.Second)/float64(next)).Round(time.Millisecond))
	}
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// wait holds a request until a Retry-After pause is over and the rate
// limiter lets it go.
func (f *Fetcher) wait(ctx context.Context) error {
	for {
		f.mu.Lock()
		until := f.pausedUntil
		f.mu.Unlock()
		now := f.clock.Now()
		if !now.Before(until) {
			break
		}
		if err := f.clock.Sleep(ctx, until.Sub(now)); err != nil {
			return err
		}
	}
	now := f.clock.Now()
	r := f.limiter.ReserveN(now, 1)
	if d := r.DelayFrom(now); d > 0 {
		if err := f.clock.Sleep(ctx, d); err != nil {
			r.CancelAt(f.clock.Now())
			return err
		}
	}
	return ctx.Err()
}

// once makes one request and reads the whole body, within Options.Timeout
// and limit bytes.
func (f *Fetcher) once(ctx context.Context, u string, hdr http.Header, limit int64) (*response, error) {
	ctx, cancel := context.WithTimeout(ctx, f.opt.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	for k, v := range hdr {
		req.Header[k] = v
	}
	req.Header.Set("User-Agent", f.opt.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1")
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	r := &response{status: resp.StatusCode, header: resp.Header}
	if resp.ContentLength > limit {
		return r, tooLargeError{limit}
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return r, cutShortError{got: int64(len(body)), want: resp.ContentLength, err: err}
	}
	if int64(len(body)) > limit {
		return r, tooLargeError{limit}
	}
	r.body = body
	return r, nil
}

// retryable says whether an attempt's outcome is worth another try, and
// how long the server asked to wait (0 if it did not say).
func (f *Fetcher) retryable(resp *response, err error) (bool, time.Duration) {
	if err != nil {
		var tl tooLargeError
		var dns *net.DNSError
		var cert *tls.CertificateVerificationError
		var unknownAuth x509.UnknownAuthorityError
		var hostname x509.HostnameError
		switch {
		case errors.As(err, &tl), errors.Is(err, errTooManyRedirects), errors.Is(err, errDisallowedHop),
			errors.Is(err, errScheme), errors.Is(err, errOffSite), errors.As(err, &cert), errors.As(err, &unknownAuth), errors.As(err, &hostname):
			return false, 0
		case errors.As(err, &dns) && dns.IsNotFound:
			return false, 0
		}
		return true, 0
	}
	switch resp.status {
	case http.StatusRequestTimeout, http.StatusTooManyRequests, http.StatusInternalServerError,
		http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true, retryAfter(resp.header.Get("Retry-After"), f.clock.Now())
	}
	return false, 0
}

// retryAfter reads a Retry-After header: seconds, or an HTTP date.
func retryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if s, err := strconv.ParseInt(v, 10, 64); err == nil {
		if s <= 0 {
			return 0
		}
		return time.Duration(min(s, 1<<31)) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// checkRedirect bounds redirects; each hop waits for the rate limiter like
// any request, may not lead to a page robots.txt disallows, and stays on
// the base URL's host and port: another site's robots.txt is not read and
// its operators did not agree to the load (http to https on the same host
// is followed).
func (f *Fetcher) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > f.opt.MaxRedirects {
		return fmt.Errorf("%w: more than %d", errTooManyRedirects, f.opt.MaxRedirects)
	}
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return errScheme
	}
	if !strings.EqualFold(req.URL.Host, f.base.Host) {
		return fmt.Errorf("%w (%s, not %s)", errOffSite, req.URL.Host, f.base.Host)
	}
	if !f.allowed(req.URL.String()) {
		return errDisallowedHop
	}
	return f.wait(req.Context())
}

// maxRobots bounds robots.txt (RFC 9309 asks crawlers to read 500 KiB).
const maxRobots = 512 << 10

// loadRobots reads the base URL's host's robots.txt once. A missing one
// (4xx) allows everything; one that cannot be read after the retries (no
// answer, 5xx) or parsed stops the run, since its rules cannot be
// honoured.
func (f *Fetcher) loadRobots(ctx context.Context) error {
	f.mu.Lock()
	done := f.robots != nil
	f.mu.Unlock()
	if done {
		return nil
	}
	u := (&url.URL{Scheme: f.base.Scheme, Host: f.base.Host, Path: "/robots.txt"}).String()
	resp, _, err := f.get(ctx, u, nil, maxRobots)
	var tl tooLargeError
	if errors.As(err, &tl) {
		return fmt.Errorf("cannot read %s: larger than %d bytes; asectl fetches nothing whose robots.txt it cannot read", u, maxRobots)
	}
	if err != nil {
		return fmt.Errorf("cannot read %s: %s; asectl fetches nothing whose robots.txt it cannot read", u, describe(err, f.opt.Timeout))
	}
	if resp.status >= 500 {
		return fmt.Errorf("cannot read %s: HTTP %s; asectl fetches nothing whose robots.txt it cannot read", u, statusText(resp.status))
	}
	data, err := robotstxt.FromStatusAndBytes(resp.status, resp.body)
	if err != nil {
		return fmt.Errorf("cannot read %s: %s", u, strings.TrimSpace(strings.ReplaceAll(err.Error(), "\n", "; ")))
	}
	if g := data.FindGroup(f.opt.Agent); g != nil && g.CrawlDelay > 0 {
		if every := time.Duration(float64(time.Second) / f.opt.Rate); g.CrawlDelay > every {
			f.limiter.SetLimitAt(f.clock.Now(), rate.Every(g.CrawlDelay))
			f.logf("%s asks for %s between requests (Crawl-delay); asectl keeps to it", u, g.CrawlDelay)
		}
	}
	f.mu.Lock()
	f.robots, f.robotsHost = data, f.base.Host
	f.mu.Unlock()
	return nil
}

// allowed reports whether robots.txt lets asectl fetch u. Only the base
// URL's host's rules are known; other hosts (a redirect elsewhere) are
// not checked.
func (f *Fetcher) allowed(u string) bool {
	f.mu.Lock()
	data, host := f.robots, f.robotsHost
	f.mu.Unlock()
	if data == nil {
		return true
	}
	pu, err := url.Parse(u)
	if err != nil || pu.Host != host {
		return err == nil
	}
	return data.TestAgent(pu.RequestURI(), f.opt.Agent)
}

// describe turns a request's error into a message for the manifest and
// the terminal: without the "Get URL:" wrapping, time-outs in plain words.
func describe(err error, timeout time.Duration) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return fmt.Sprintf("no complete answer within %s (--timeout)", timeout)
	case errors.Is(err, errTooManyRedirects):
		return "redirected too many times (" + err.Error() + "): a redirect loop?"
	}
	var cs cutShortError
	if errors.As(err, &cs) && errors.Is(cs.err, context.DeadlineExceeded) {
		return fmt.Sprintf("no complete answer within %s (--timeout): %d bytes arrived", timeout, cs.got)
	}
	return err.Error()
}
