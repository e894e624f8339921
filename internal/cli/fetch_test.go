package cli

import (
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
