package parser

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestInvisibleInValue: a soft hyphen, a left-to-right or right-to-left
// mark or a word joiner inside a value (as a web page's &shy; or &lrm;
// puts them) is removed, with a warning, like a zero-width space; it made
// the project code and the business ID fail their checks though a reader
// sees "A72213" and "0292800-5".
func TestInvisibleInValue(t *testing.T) {
	src := string(readFile(t, sample))
	for _, c := range []string{"\u00ad", "\u200e", "\u200f", "\u2060", "\u200b"} {
		text := strings.NewReplacer("Hankekoodi: A72213", "Hankekoodi: A72213"+c,
			"Y-tunnus: 0292800-5", "Y-tunnus: 0292800"+c+"-5").Replace(src)
		page := strings.NewReplacer("Hankekoodi: A72213", "Hankekoodi: A72213"+c,
			"Y-tunnus: 0292800-5", "Y-tunnus: 0292800&shy;-5").Replace("<html><body><pre>" + src + "</pre></body></html>")
		for name, in := range map[string]string{"x.txt": text, "x.html": page} {
			res, err := Parse(name, []byte(in), Options{})
			require.NoError(t, err)
			assert.Equal(t, "A72213", res.Doc.Project.Code.Value, "%s %U", name, []rune(c)[0])
			assert.Equal(t, "0292800-5", res.Doc.Applicant.BusinessID.Value, "%s %U", name, []rune(c)[0])
			n := 0
			for _, p := range res.Problems {
				if p.Rule == RuleControlChar {
					n++
				}
			}
			assert.Equal(t, 2, n, "%s %U: %v", name, []rune(c)[0], res.Problems)
		}
	}
}
