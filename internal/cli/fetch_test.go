package cli

import (
	"bytes"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestFetchDuration(t *testing.T) {
	for _, tc := range []struct {
		n    int
		rate float64
		want time.Duration
	}{
		{14000, 1, 3*time.Hour + 53*time.Minute},
		{2881, 1, 48 * time.Minute},
		{3, 50, 60 * time.Millisecond},
		{90, 0.5, 3 * time.Minute},
	} {
		if got := fetchDuration(tc.n, tc.rate); got != tc.want {
			t.Errorf("fetchDuration(%d, %g) = %s, want %s", tc.n, tc.rate, got, tc.want)
		}
	}
}

func TestUserAgent(t *testing.T) {
	ua := userAgent("me@example.org")
	if want := "asectl/" + Version() + " (+https://github.com/asectl/asectl; me@example.org)"; ua != want {
		t.Errorf("userAgent = %q, want %q", ua, want)
	}
}

// pageServer serves the test descriptions as HTML pages, a paragraph a
// line, at …/rrtiepa/projekti.php?projektikoodi=CODE.
func pageServer(t *testing.T, files map[string]string) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		file, ok := files[r.URL.Query().Get("projektikoodi")]
		if r.URL.Path != "/rrtiepa/projekti.php" || !ok {
			http.NotFound(w, r)
			return
		}
		b, err := os.ReadFile(file)
		if err != nil {
			t.Error(err)
			return
		}
		fmt.Fprint(w, "<html><body>\n")
		for _, line := range strings.Split(string(b), "\n") {
			fmt.Fprintf(w, "<p>%s</p>\n", html.EscapeString(line))
		}
		fmt.Fprint(w, "</body></html>\n")
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestFetchCommandOnATerminal(t *testing.T) {
	srv := pageServer(t, map[string]string{
		"A72213": "../../testdata/A72213.txt",
		"S20044": "../../testdata/real/S20044.txt",
	})
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	ios := &IOStreams{In: strings.NewReader(""), Out: &stdout, ErrOut: &stderr, StderrTTY: true,
		Getenv: func(string) string { return "" }}
	code := Run([]string{"fetch", "--lang", "fi", "--base-url", srv.URL + "/rrtiepa/", "--rate", "100", "-o", dir, "A72213", "S20044", "A99999"}, ios)
	if code != ExitUsage {
		t.Errorf("exit %d, want 2 (A99999 is not there)", code)
	}
	if stdout.Len() != 0 {
		t.Errorf("stdout: %q", stdout.String())
	}
	for _, want := range []string{
		"\r\x1b[K[",                           // the bar, on a terminal
		"] 3/3",                               // … up to the last code
		"A99999: error: HTTP 404 Not Found\n", // the layout never changes with the language
		"2 tallennettu, 0 ennallaan, 0 jo hakemistossa, 0 ei kuvaus, 1 epäonnistui, 0 robots.txt kieltää\n",
	} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%q", want, stderr.String())
		}
	}
	for _, name := range []string{"A72213.html", "S20044.html", "fetch.jsonl"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Error(err)
		}
	}
	// Not a terminal: no bar.
	stderr.Reset()
	ios.StderrTTY = false
	if code := Run([]string{"fetch", "--base-url", srv.URL + "/rrtiepa/", "--rate", "100", "-o", dir, "A72213", "S20044"}, ios); code != ExitOK {
		t.Errorf("second run: exit %d: %s", code, stderr.String())
	}
	if got := stderr.String(); got != "0 saved, 0 not modified, 2 kept, 0 not a description, 0 failed, 0 disallowed by robots.txt\n" {
		t.Errorf("second run's stderr: %q", got)
	}
}

func TestFetchBarSaysHowLongTheRestTakes(t *testing.T) {
	var buf bytes.Buffer
	p := newProgress(&IOStreams{ErrOut: &buf, StderrTTY: true}, 14000)
	p.perSecond = 1
	p.done = 99
	p.step()
	if got := buf.String(); !strings.HasSuffix(got, " 100/14000, 3h52m0s left") {
		t.Errorf("bar %q", got)
	}
	buf.Reset()
	p.done = 13998
	p.last = time.Time{} // not within a tenth of a second of the last draw
	p.step()
	if got := buf.String(); !strings.HasSuffix(got, " 13999/14000, 1s left") {
		t.Errorf("bar %q", got)
	}
}

// -o that cannot be the directory: the message names it, exit 2, and the
// file there is left alone.
func TestFetchOutputNotADirectoryNamesIt(t *testing.T) {
	srv := pageServer(t, map[string]string{"A72213": "../../testdata/A72213.txt"})
	file := filepath.Join(t.TempDir(), "afile")
	if err := os.WriteFile(file, []byte("hi\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	ios := &IOStreams{In: strings.NewReader(""), Out: &stdout, ErrOut: &stderr, Getenv: func(string) string { return "" }}
	if code := Run([]string{"fetch", "--base-url", srv.URL + "/rrtiepa/", "--rate", "100", "-o", file, "A72213"}, ios); code != ExitUsage {
		t.Errorf("exit %d, want 2", code)
	}
	if want := "asectl: fetch stopped: " + file + ": not a directory\n"; !strings.Contains(stderr.String(), want) {
		t.Errorf("stderr %q lacks %q", stderr.String(), want)
	}
	if b, _ := os.ReadFile(file); string(b) != "hi\n" {
		t.Errorf("the file became %q", b)
	}
}
