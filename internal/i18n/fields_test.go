package i18n

import (
	"testing"

	"github.com/asectl/asectl/model"
)

// The missing-field rule names a required field by the field table's
// Required name: each has its Finnish form.
func TestRequiredFieldNamesAreTranslated(t *testing.T) {
	n := 0
	for _, id := range model.Fields() {
		name := id.Def().Required
		if name == "" {
			continue
		}
		n++
		if _, ok := terms[name]; !ok {
			t.Errorf("%s: no Finnish form for its name %q (internal/i18n/fi.go, terms)", id.Path(), name)
		}
	}
	if n == 0 {
		t.Fatal("no required field in the table")
	}
}
