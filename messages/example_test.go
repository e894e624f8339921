package messages_test

import (
	"fmt"
	"os"

	"github.com/asectl/asectl/messages"
	"github.com/asectl/asectl/model"
	"github.com/asectl/asectl/parser"
	"github.com/asectl/asectl/validate"
)

// A finding's message in both languages.
func ExampleLocalizer_Message() {
	src, err := os.ReadFile("../testdata/A72213.txt")
	if err != nil {
		panic(err)
	}
	res, err := parser.Parse("A72213.txt", src, parser.Options{})
	if err != nil {
		panic(err)
	}
	today, _ := model.ParseISODate("2026-11-27")
	for _, f := range validate.Check(res, validate.Config{Today: today}) {
		for _, lang := range messages.Languages() {
			fmt.Printf("%s: %s [%s]\n", lang, messages.New(lang).Message(f.Msg), f.Rule)
		}
	}
	// Output:
	// en: 6 new jobs given, but objective 4.1 does not ask for this indicator [indicator-not-applicable]
	// fi: 6 uutta työpaikkaa ilmoitettu, mutta erityistavoitteessa 4.1 tätä tietoa ei kysytä [indicator-not-applicable]
}
