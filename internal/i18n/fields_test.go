package i18n

import (
	"testing"

	"github.com/asectl/asectl/model"
)

// The missing-field rule names a required field by the field table's
// Required name: each has its Finnish form.
func TestRequiredFieldNamesAreTranslated(t *testing.T) {
	fi := New("fi")
	n := 0
	for _, id := range model.Fields() {
		name := id.Def().Required
		if name == "" {
			continue
		}
		n++
		if got := fi.Message(model.Msg("the %s is empty", name)); got == "" || got == "the "+name+" is empty" || got == name+" on tyhjä" {
			t.Errorf("%s: no Finnish form for its name %q: %q", id.Path(), name, got)
		}
	}
	if n == 0 {
		t.Fatal("no required field in the table")
	}
}

// The Finnish messages of today's required fields stay as they were when
// the names moved from a hand-written map here to the struct's tags.
func TestRequiredFieldNamesUnchanged(t *testing.T) {
	fi := New("fi")
	for en, want := range map[string]string{
		"project code (Hankekoodi)":                                  "hankekoodi (Hankekoodi)",
		"project name (Hankkeen nimi)":                               "hankkeen nimi (Hankkeen nimi)",
		"priority axis (Toimintalinja)":                              "toimintalinja (Toimintalinja)",
		"specific objective (Erityistavoite)":                        "erityistavoite (Erityistavoite)",
		"implementation period (Suunnitelman mukainen toteutusaika)": "toteutusaika (Suunnitelman mukainen toteutusaika)",
		"status (Toiminnan tila)":                                    "toiminnan tila (Toiminnan tila)",
		"responsible authority (Vastuuviranomainen)":                 "vastuuviranomainen (Vastuuviranomainen)",
		"applicant's name (Hakijan virallinen nimi)":                 "hakijan virallinen nimi (Hakijan virallinen nimi)",
		"applicant's business ID (Y-tunnus)":                         "hakijan Y-tunnus (Y-tunnus)",
	} {
		if got := fi.Message(model.Msg("the %s is missing from section %s", en, "1")); got != want+" puuttuu osasta 1" {
			t.Errorf("%q: %q, want %q", en, got, want+" puuttuu osasta 1")
		}
	}
}
