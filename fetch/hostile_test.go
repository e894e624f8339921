package fetch

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// A redirect to another host or port leaves the site whose robots.txt and
// rate asectl keeps to: the page fails, and the other server sees nothing.
func TestRedirectToAnotherSiteFails(t *testing.T) {
	var elsewhere atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		elsewhere.Add(1)
		w.Write(pageOf(t, "A72213"))
	}))
	defer other.Close()
	clock := newFakeClock()
	s := newService(t, clock)
	s.serveCodes("A72213")
	s.fault = func(w http.ResponseWriter, r *http.Request, code string, n int) bool {
		http.Redirect(w, r, other.URL+"/rrtiepa/projekti.php?projektikoodi=A72213", http.StatusFound)
		return true
	}
	dir := t.TempDir()
	run(t, s.fetcher(t, nil), dir, "A72213")
	e := readManifest(t, dir)["A72213"]
	if e.Result != ResultFailed || e.Error == nil || !strings.Contains(*e.Error, "another site") {
		t.Fatalf("entry %+v", e)
	}
	if n := elsewhere.Load(); n != 0 {
		t.Errorf("the other server got %d requests", n)
	}
	if n := len(s.pageHits()); n != 1 {
		t.Errorf("%d page requests, want 1 (no retry)", n)
	}
	if _, err := os.Stat(filepath.Join(dir, "A72213.html")); err == nil {
		t.Error("A72213.html saved")
	}
}

// A redirect within the site (another path or query) is followed.
func TestRedirectWithinTheSiteIsFollowed(t *testing.T) {
	clock := newFakeClock()
	s := newService(t, clock)
	s.serveCodes("A72213")
	s.fault = func(w http.ResponseWriter, r *http.Request, code string, n int) bool {
		if r.URL.Query().Get("moved") != "" {
			return false
		}
		http.Redirect(w, r, r.URL.RequestURI()+"&moved=1", http.StatusMovedPermanently)
		return true
	}
	dir := t.TempDir()
	sum, err := s.fetcher(t, nil).Run(context.Background(), dir, []string{"A72213"})
	if err != nil || sum.Counts[ResultSaved] != 1 {
		t.Fatalf("Run: %v, %v", sum.Counts, err)
	}
}

// Two runs into one directory at once: the second is refused while the
// first holds it, so no manifest row is lost; after the first ends the
// directory is free again.
func TestSecondRunIntoTheSameDirectoryIsRefused(t *testing.T) {
	clock := newFakeClock()
	s := newService(t, clock)
	s.serveCodes("A72213", "S20515")
	started, release := make(chan struct{}), make(chan struct{})
	s.fault = func(w http.ResponseWriter, r *http.Request, code string, n int) bool {
		if code == "A72213" {
			close(started)
			<-release
		}
		return false
	}
	dir := t.TempDir()
	done := make(chan error)
	go func() {
		_, err := s.fetcher(t, nil).Run(context.Background(), dir, []string{"A72213"})
		done <- err
	}()
	<-started
	_, err := s.fetcher(t, nil).Run(context.Background(), dir, []string{"S20515"})
	close(release)
	if err1 := <-done; err1 != nil {
		t.Fatalf("first run: %v", err1)
	}
	if !errors.Is(err, ErrBusy) || !strings.Contains(err.Error(), dir) {
		t.Fatalf("second run's error %v, want ErrBusy naming %s", err, dir)
	}
	if _, err := os.Stat(filepath.Join(dir, "S20515.html")); err == nil {
		t.Error("the refused run saved S20515.html")
	}
	run(t, s.fetcher(t, nil), dir, "S20515")
	if m := readManifest(t, dir); len(m) != 2 {
		t.Errorf("manifest %v, want both codes", m)
	}
}

// --refresh of a page edited (or damaged) since it was saved: the file is
// no longer what the ETag stands for, so the request is unconditional
// and the page is saved again, not kept on a 304.
func TestRefreshOfAnEditedPageIsUnconditional(t *testing.T) {
	clock := newFakeClock()
	s := newService(t, clock)
	s.serveCodes("A72213")
	dir := t.TempDir()
	run(t, s.fetcher(t, nil), dir, "A72213")
	path := filepath.Join(dir, "A72213.html")
	if err := os.WriteFile(path, []byte("<html>cut short"), 0o644); err != nil {
		t.Fatal(err)
	}
	run(t, s.fetcher(t, func(o *Options) { o.Refresh = true }), dir, "A72213")
	hs := s.pageHits()
	if h := hs[len(hs)-1].header; h.Get("If-None-Match") != "" || h.Get("If-Modified-Since") != "" {
		t.Errorf("conditional request for an edited page: %v", h)
	}
	if e := readManifest(t, dir)["A72213"]; e.Result != ResultSaved {
		t.Errorf("entry %+v, want saved", e)
	}
	if b, _ := os.ReadFile(path); string(b) != string(s.pages["A72213"]) {
		t.Error("the edited page was kept")
	}
}
