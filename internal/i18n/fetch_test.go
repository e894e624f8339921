package i18n

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFetchTranslationsKeepTheVerbs(t *testing.T) {
	for en, fi := range fetchFinnish {
		assert.Equal(t, verbRe.FindAllString(en, -1), verbRe.FindAllString(fi, -1), "%q → %q", en, fi)
	}
	assert.Equal(t, "asectl: haku pysähtyi: x\n", New("fi").Sprintf("asectl: fetch stopped: %s\n", "x"))
}
