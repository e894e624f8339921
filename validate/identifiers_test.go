package validate

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
)

// emailPattern is what the email rule accepts; validEmail is its
// hand-written match.
var emailPattern = regexp.MustCompile(`^[^@\s()<>,;:"\[\]]+@[A-Za-z0-9ÄÖÅäöå-]+(\.[A-Za-z0-9ÄÖÅäöå-]+)*\.[A-Za-z]{2,}$`)

func TestValidEmail(t *testing.T) {
	for _, s := range []string{
		"harri.malinen@ulapland.fi", "a@b.cd", "a@b.c", "a@.fi", "a@b..fi", "@b.fi", "a@b", "a b@c.fi", "a@b.f1",
		"etunimi.sukunimi(at)", "ä@ö.fi", "x@pää-kaupunki.fi", "x@a.b.c.org", "x@a-.fi", "x@@a.fi", "x@a@b.fi",
		"x@a.fi.", "x@a.FI", "\xff@a.fi", "x@\xff.fi", "x\t@a.fi", "x\v@a.fi", "x@a_b.fi", "", "x@a.fi\n",
	} {
		assert.Equal(t, emailPattern.MatchString(s), validEmail(s), "%q", s)
	}
}

func FuzzEmail(f *testing.F) {
	for _, s := range []string{"harri.malinen@ulapland.fi", "a@b.c", "x@pää.fi", "a@b..fi", "(at)@x.fi"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if want := emailPattern.MatchString(s); validEmail(s) != want {
			t.Fatalf("validEmail(%q) = %v, the pattern says %v", s, !want, want)
		}
	})
}

func TestIdentifierShapes(t *testing.T) {
	code := regexp.MustCompile(`^[AS][0-9]{5}$`)
	for _, s := range []string{"A72213", "S20044", "B72213", "A7221", "A722133", "a72213", "A7221x", "", "A７2213"} {
		assert.Equal(t, code.MatchString(s), isProjectCode(s), "%q", s)
	}
}
