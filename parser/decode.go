package parser

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// Encodings accepted by --encoding. "auto" detects: a BOM first, then UTF-8
// if the bytes are valid UTF-8, otherwise Windows-1252 (a superset of the
// printable ISO-8859-1 range that older exports use).
var Encodings = []string{"auto", "utf-8", "utf-16", "utf-16le", "utf-16be", "windows-1252", "iso-8859-1"}

// ErrEncoding wraps every decoding failure.
var ErrEncoding = errors.New("encoding")

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// Decode turns raw bytes into UTF-8 text and names the encoding it used.
func Decode(src []byte, enc string) (string, string, error) {
	switch strings.ToLower(enc) {
	case "", "auto":
		return detect(src)
	case "utf-8", "utf8":
		src = bytes.TrimPrefix(src, bomUTF8)
		if !utf8.Valid(src) {
			return "", "", fmt.Errorf("%w: not valid UTF-8 (offset %d)", ErrEncoding, invalidOffset(src))
		}
		return asString(src), "utf-8", nil
	case "utf-16":
		if bytes.HasPrefix(src, bomUTF16BE) {
			return decodeWith(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), src, "utf-16be")
		}
		return decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), src, "utf-16le")
	case "utf-16le":
		return decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), src, "utf-16le")
	case "utf-16be":
		return decodeWith(unicode.UTF16(unicode.BigEndian, unicode.UseBOM), src, "utf-16be")
	case "windows-1252", "cp1252":
		return decodeWith(charmap.Windows1252, src, "windows-1252")
	case "iso-8859-1", "latin1", "latin-1":
		return decodeWith(charmap.ISO8859_1, src, "iso-8859-1")
	}
	return "", "", fmt.Errorf("%w: unknown encoding %q (valid: %s)", ErrEncoding, enc, strings.Join(Encodings, ", "))
}

func detect(src []byte) (string, string, error) {
	switch {
	case bytes.HasPrefix(src, bomUTF8):
		return Decode(src, "utf-8")
	case bytes.HasPrefix(src, bomUTF16LE):
		return decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), src, "utf-16le")
	case bytes.HasPrefix(src, bomUTF16BE):
		return decodeWith(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), src, "utf-16be")
	}
	// BOM-less UTF-16 of Latin text is valid UTF-8 (full of NULs), so it is
	// checked first.
	if e := utf16NoBOM(src); e != "" {
		return Decode(src, e)
	}
	if utf8.Valid(src) {
		return asString(src), "utf-8", nil
	}
	// A copy cut short may end inside a multi-byte character: that is still
	// UTF-8, without its last partial character.
	if body := trimPartialRune(src); len(body) < len(src) && utf8.Valid(body) {
		return asString(body), "utf-8", nil
	}
	return decodeWith(charmap.Windows1252, src, "windows-1252")
}

// utf16NoBOM recognises BOM-less UTF-16 by its zero bytes: Finnish text is
// mostly Latin-1, so every other byte is zero.
func utf16NoBOM(src []byte) string {
	n := min(len(src), 4096) &^ 1
	if n < 8 || bytes.IndexByte(src[:n], 0) < 0 {
		return "" // no zero byte at all: the common case, found fast
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if src[i] == 0 {
			even++
		}
		if src[i+1] == 0 {
			odd++
		}
	}
	half := n / 2
	switch {
	case odd > half*9/10 && even < half/10:
		return "utf-16le"
	case even > half*9/10 && odd < half/10:
		return "utf-16be"
	}
	return ""
}

func decodeWith(e encoding.Encoding, src []byte, name string) (string, string, error) {
	out, err := e.NewDecoder().Bytes(src)
	if err != nil {
		return "", "", fmt.Errorf("%w: cannot decode as %s: %v", ErrEncoding, name, err)
	}
	return asString(out), name, nil
}

func invalidOffset(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// trimPartialRune drops an incomplete UTF-8 sequence at the very end.
func trimPartialRune(b []byte) []byte {
	for k := 1; k <= 3 && k <= len(b); k++ {
		c := b[len(b)-k]
		if c < 0x80 {
			return b
		}
		if c >= 0xC0 { // a lead byte: is its sequence complete?
			if !utf8.FullRune(b[len(b)-k:]) {
				return b[:len(b)-k]
			}
			return b
		}
	}
	return b
}

// asString views bytes as a string without copying them. Parse documents
// that the model may keep pointing into src: a batch reads each file into a
// fresh buffer and never changes it, so the copy is pure cost (a fifth of a
// description's allocations).
func asString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }
