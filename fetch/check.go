package fetch

import (
	"fmt"

	"github.com/asectl/asectl/parser"
)

// Checker decides whether a downloaded page is the description of the
// project code: nil if it is, else an error whose text says why not (an
// error page, an empty body, a login page, another project's page). It
// must not keep page.
type Checker func(code string, page []byte) error

// IsDescription is the default Checker: the page is read by asectl's own
// parser, as `asectl parse CODE.html` will read it (HTML as the text a
// reader sees, its charset from the bytes and the page's declaration), and
// must be a description whose project code is code. A page the parser
// refuses is refused with the parser's reason; one it reads with problems
// (a garbled amount) is still a description and is saved.
func IsDescription(code string, page []byte) (err error) {
	defer func() {
		// A bug of the parser must not stop a download of thousands.
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error (a bug in asectl) while reading the page: %v", r)
		}
	}()
	res, err := parser.Parse(code+".html", page, parser.Options{})
	if err != nil {
		if reason, ok := parser.NotDescriptionReason(err); ok {
			return fmt.Errorf("%s", reason)
		}
		return err
	}
	got := res.Doc.Project.Code
	switch {
	case !got.Present || got.Value == "":
		return fmt.Errorf("the page names no project code (Hankekoodi)")
	case got.Value != code:
		return fmt.Errorf("the page is the description of %s, not of %s", got.Value, code)
	}
	return nil
}
