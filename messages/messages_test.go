package messages

import (
	"slices"
	"testing"

	"github.com/asectl/asectl/model"
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

// TestLocalizerLiteral: a Localizer made as a literal, not by New, renders
// as New's of its Lang (regression: &Localizer{Lang: "fi"} panicked with a
// nil pointer in golang.org/x/text/message on its first message).
func TestLocalizerLiteral(t *testing.T) {
	m := model.Msg("%d new jobs given, but objective %s does not ask for this indicator", 6, "4.1")
	for _, tc := range []struct {
		l    *Localizer
		want *Localizer
	}{
		{&Localizer{Lang: "fi"}, New("fi")},
		{&Localizer{Lang: "en"}, New("en")},
		{&Localizer{}, New("en")},
		{&Localizer{Lang: "sv"}, New("en")},
	} {
		if got, want := tc.l.Message(m), tc.want.Message(m); got != want {
			t.Errorf("Lang %q: Message %q, want %q", tc.l.Lang, got, want)
		}
		if got, want := tc.l.Summary(1, 0, 2), tc.want.Summary(1, 0, 2); got != want {
			t.Errorf("Lang %q: Summary %q, want %q", tc.l.Lang, got, want)
		}
		if got, want := tc.l.T("unreadable"), tc.want.T("unreadable"); got != want {
			t.Errorf("Lang %q: T %q, want %q", tc.l.Lang, got, want)
		}
		if got, want := tc.l.Sprintf("%d files", 2), tc.want.Sprintf("%d files", 2); got != want {
			t.Errorf("Lang %q: Sprintf %q, want %q", tc.l.Lang, got, want)
		}
	}
}
