package messages

import (
	"slices"
	"testing"
)

// TestLanguagesCopy: Languages hands out a fresh slice; a caller's edit
// changes neither the next call nor which languages are valid.
func TestLanguagesCopy(t *testing.T) {
	ls := Languages()
	if !slices.Equal(ls, []string{"en", "fi"}) {
		t.Fatalf("Languages() = %v", ls)
	}
	ls[1] = "sv"
	if got := Languages(); !slices.Equal(got, []string{"en", "fi"}) {
		t.Errorf("Languages() after an edit of a copy: %v", got)
	}
	if Valid("sv") || !Valid("fi") {
		t.Errorf("Valid changed with a caller's copy")
	}
}
