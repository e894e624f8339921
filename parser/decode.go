package parser

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math/bits"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// encodings are the names Options.Encoding accepts (see Encodings).
var encodings = []string{"auto", "utf-8", "utf-16", "utf-16le", "utf-16be", "windows-1252", "iso-8859-1"}

// Encodings returns the encodings accepted by Options.Encoding and
// --encoding, a fresh slice the caller may change. "auto" detects: a BOM
// first, then UTF-8 if the bytes are valid UTF-8, otherwise Windows-1252 (a
// superset of the printable ISO-8859-1 range that older exports use).
func Encodings() []string { return slices.Clone(encodings) }

// ErrEncoding wraps every decoding failure.
var ErrEncoding = errors.New("encoding")

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// Decode turns raw bytes into UTF-8 text and names the encoding it used
// ("utf-8", "windows-1252", …). enc is one of Encodings(); "" or "auto"
// detects. An unknown encoding, or bytes that are not valid in the one
// asked for, give an error that wraps ErrEncoding and gives the offset.
func Decode(src []byte, enc string) (string, string, error) {
	text, name, _, err := decode(src, enc)
	return text, name, err
}

// decode is Decode that also reports whether the text is clean: no
// character that sends a line to the exact checks (see suspect). It is found
// in the same pass that validates UTF-8, so that most descriptions are
// scanned once, not twice. The text is always a string of its own, never a
// view of src: the caller may reuse src as soon as Parse returns.
func decode(src []byte, enc string) (text, name string, clean bool, err error) {
	switch strings.ToLower(enc) {
	case "", "auto":
		return detect(src)
	case "utf-8", "utf8":
		src = bytes.TrimPrefix(src, bomUTF8)
		valid, clean := scanUTF8(src)
		if !valid {
			return "", "", false, fmt.Errorf("%w: not valid UTF-8 (offset %d)", ErrEncoding, invalidOffset(src))
		}
		return string(src), "utf-8", clean, nil
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
	return "", "", false, fmt.Errorf("%w: unknown encoding %q (valid: %s)", ErrEncoding, enc, strings.Join(encodings, ", "))
}

func detect(src []byte) (string, string, bool, error) {
	switch {
	case bytes.HasPrefix(src, bomUTF8):
		return decode(src, "utf-8")
	case bytes.HasPrefix(src, bomUTF16LE):
		return decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), src, "utf-16le")
	case bytes.HasPrefix(src, bomUTF16BE):
		return decodeWith(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), src, "utf-16be")
	}
	// BOM-less UTF-16 of Latin text is valid UTF-8 (full of NULs), so it is
	// checked first.
	if e := utf16NoBOM(src); e != "" {
		return decode(src, e)
	}
	if valid, clean := scanUTF8(src); valid {
		return string(src), "utf-8", clean, nil
	}
	// A copy cut short may end inside a multi-byte character: that is still
	// UTF-8, without its last partial character.
	if body := trimPartialRune(src); len(body) < len(src) {
		if valid, clean := scanUTF8(body); valid {
			return string(body), "utf-8", clean, nil
		}
	}
	return decodeWith(charmap.Windows1252, src, "windows-1252")
}

// scanUTF8 is utf8.Valid that also reports whether b is clean: it has no
// byte that suspectIn would flag, line ends aside. ASCII and Finnish letters
// (C3 xx) go sixteen bytes at a time, what is left of ASCII eight, other
// characters one by one. The bit tricks earn their place (bench/instr.sh,
// BatchParse, instructions a description): 628k with them, 826k with a
// byte-at-a-time loop, 864k with utf8.Valid and a table scan, and 807k
// (of 601k) with utf8.Valid alone and every line sent to the exact checks.
// FuzzScanUTF8 holds it to utf8.Valid and the line scan.
func scanUTF8(b []byte) (valid, clean bool) {
	const lo, hi = 0x0101010101010101, 0x8080808080808080
	clean = true
	i, n := 0, len(b)
	for i < n {
		// Sixteen bytes at a time while they are ASCII or C3 xx (ä ö å é
		// Ä Ö Å …): nearly all of a Finnish description. Per byte, at bit
		// 7: lead is 110xxxxx, cont 10xxxxxx. Each continuation must follow
		// a lead (across the two words too), a lead in the last byte is
		// left to the next step, and anything else goes the slow way below.
		for i+16 <= n {
			s := b[i : i+16 : i+16]
			w1, w2 := binary.LittleEndian.Uint64(s), binary.LittleEndian.Uint64(s[8:])
			h1, h2 := w1&hi, w2&hi
			step := 16
			if h1|h2 == 0 {
				// In ASCII, b+0x60 lacks bit 7 only below 0x20 and b+1 has
				// it only at 0x7f: exact, no carry between bytes.
				if clean && (^(w1+0x60*lo)|(w1+lo)|^(w2+0x60*lo)|(w2+lo))&hi != 0 && asciiSuspect(s) {
					clean = false
				}
				i += step
				continue
			}
			t1, t2, u1, u2 := w1<<1, w2<<1, w1<<2, w2<<2
			lead1, lead2 := h1&t1&^u1, h2&t2&^u2
			if (h1&t1&u1)|(h2&t2&u2) != 0 || h1&^t1 != lead1<<8 || h2&^t2 != lead2<<8|lead1>>56 ||
				(w1^0xc3*lo)&((lead1>>7)*0xff)|(w2^0xc3*lo)&((lead2>>7)*0xff) != 0 {
				break
			}
			step -= int(lead2 >> 63)
			// The same test on the ASCII bytes only: their low seven bits
			// are the byte, and the others are masked out.
			if clean {
				y1, y2 := w1&^hi, w2&^hi
				if ((^(y1+0x60*lo)|(y1+lo))&^w1|(^(y2+0x60*lo)|(y2+lo))&^w2)&hi != 0 && asciiSuspect(s) {
					clean = false
				}
			}
			i += step
		}
		if i == n {
			break
		}
		if i+8 <= n {
			// The ASCII bytes of the next eight, up to the first other one, in
			// one step. A byte below 0x20 (line ends too) or equal to 0x7f
			// flags the word; a borrow may flag a harmless byte, and the bytes
			// are then looked at.
			w := binary.LittleEndian.Uint64(b[i:])
			h := w & hi
			if h == 0 {
				if clean && ((w-0x20*lo)|((w^0x7f*lo)-lo))&^w&hi != 0 && asciiSuspect(b[i:i+8]) {
					clean = false
				}
				i += 8
				continue
			}
			k := bits.TrailingZeros64(h) >> 3
			if m := ((h & -h) - 1) & hi; clean && ((w-0x20*lo)|((w^0x7f*lo)-lo))&m != 0 && asciiSuspect(b[i:i+k]) {
				clean = false
			}
			i += k
		}
		c := b[i]
		switch {
		case c < utf8.RuneSelf:
			if asciiBad[c] {
				clean = false
			}
			i++
		case c >= 0xc2 && c <= 0xdf && i+1 < n && b[i+1]&0xc0 == 0x80:
			// Two bytes (ä, ö, å …): C2 80–9F are C1 controls, C2 AD the
			// soft hyphen, CC–DF start combining marks and letters NFC may
			// compose.
			if c == 0xc2 && (b[i+1] < 0xa0 || b[i+1] == 0xad) || c >= 0xcc {
				clean = false
			}
			i += 2
		default:
			r, size := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && size == 1 {
				return false, false
			}
			if c >= 0xcc && !safeRune(r) {
				clean = false
			}
			i += size
		}
	}
	return true, clean
}

// asciiBad marks the ASCII bytes that are not clean: the line scan's suspect
// bytes but line ends, which never reach a line. It has all 256 entries
// (none from 0x80 up) so that asciiSuspect needs no range test per byte.
var asciiBad = func() (t [256]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = suspect[c] && c != '\n' && c != '\r'
	}
	return t
}()

// asciiSuspect reports an ASCII byte that is not clean.
func asciiSuspect(b []byte) bool {
	for _, c := range b {
		if asciiBad[c] {
			return true
		}
	}
	return false
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

func decodeWith(e encoding.Encoding, src []byte, name string) (string, string, bool, error) {
	out, err := e.NewDecoder().Bytes(src)
	if err != nil {
		return "", "", false, fmt.Errorf("%w: cannot decode as %s: %v", ErrEncoding, name, err)
	}
	_, clean := scanUTF8(out)
	return string(out), name, clean, nil
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
