package fetch

import (
	"context"
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
