//go:build !js

package parser

import (
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
)

// pageCharset is the command's: every charset of htmlindex. (The browser
// engine has a smaller table: charset_js.go.)
var pageCharset = fullCharset

// fullCharset is the decoder of a charset an HTML page declares, by the
// WHATWG Encoding Standard's labels (golang.org/x/text/encoding/htmlindex),
// and its canonical name. An error: a label no browser knows.
func fullCharset(label string) (encoding.Encoding, string, error) {
	e, err := htmlindex.Get(label)
	if err != nil {
		return nil, "", err
	}
	// A name htmlindex cannot give is "": the page is decoded all the same.
	name, _ := htmlindex.Name(e)
	return e, name, nil
}
