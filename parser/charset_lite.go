package parser

import (
	"errors"
	"fmt"
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// The browser engine's charset table: golang.org/x/text/encoding/htmlindex's
// labels (the WHATWG Encoding Standard's, from x/text v0.44.0) with the same
// encodings, except that the multi-byte Chinese, Japanese and Korean ones
// are named but not linked (nil): their tables are 0.5 MB of a 9 MB engine,
// and EURA pages are Finnish. The command itself uses htmlindex
// (charset_other.go); TestLiteCharsets holds this table to it.

// charsetEntry is one encoding: its canonical name and its decoder (nil for
// the multi-byte ones the engine does not read).
type charsetEntry struct {
	name string
	enc  encoding.Encoding
}

var liteCharsets = [...]charsetEntry{
	{"utf-8", unicode.UTF8},
	{"ibm866", charmap.CodePage866},
	{"iso-8859-2", charmap.ISO8859_2},
	{"iso-8859-3", charmap.ISO8859_3},
	{"iso-8859-4", charmap.ISO8859_4},
	{"iso-8859-5", charmap.ISO8859_5},
	{"iso-8859-6", charmap.ISO8859_6},
	{"iso-8859-7", charmap.ISO8859_7},
	{"iso-8859-8", charmap.ISO8859_8},
	{"iso-8859-8-i", charmap.ISO8859_8I},
	{"iso-8859-10", charmap.ISO8859_10},
	{"iso-8859-13", charmap.ISO8859_13},
	{"iso-8859-14", charmap.ISO8859_14},
	{"iso-8859-15", charmap.ISO8859_15},
	{"iso-8859-16", charmap.ISO8859_16},
	{"koi8-r", charmap.KOI8R},
	{"koi8-u", charmap.KOI8U},
	{"macintosh", charmap.Macintosh},
	{"windows-874", charmap.Windows874},
	{"windows-1250", charmap.Windows1250},
	{"windows-1251", charmap.Windows1251},
	{"windows-1252", charmap.Windows1252},
	{"windows-1253", charmap.Windows1253},
	{"windows-1254", charmap.Windows1254},
	{"windows-1255", charmap.Windows1255},
	{"windows-1256", charmap.Windows1256},
	{"windows-1257", charmap.Windows1257},
	{"windows-1258", charmap.Windows1258},
	{"x-mac-cyrillic", charmap.MacintoshCyrillic},
	{"gbk", nil},
	{"gb18030", nil},
	{"big5", nil},
	{"euc-jp", nil},
	{"iso-2022-jp", nil},
	{"shift_jis", nil},
	{"euc-kr", nil},
	{"replacement", encoding.Replacement},
	{"utf-16be", unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)},
	{"utf-16le", unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)},
	{"x-user-defined", charmap.XUserDefined},
}

// liteLabels maps a label, trimmed and in lower case, to liteCharsets.
var liteLabels = map[string]uint8{
	"unicode-1-1-utf-8":   0,  // utf-8
	"unicode11utf8":       0,  // utf-8
	"unicode20utf8":       0,  // utf-8
	"utf-8":               0,  // utf-8
	"utf8":                0,  // utf-8
	"x-unicode20utf8":     0,  // utf-8
	"866":                 1,  // ibm866
	"cp866":               1,  // ibm866
	"csibm866":            1,  // ibm866
	"ibm866":              1,  // ibm866
	"csisolatin2":         2,  // iso-8859-2
	"iso-8859-2":          2,  // iso-8859-2
	"iso-ir-101":          2,  // iso-8859-2
	"iso8859-2":           2,  // iso-8859-2
	"iso88592":            2,  // iso-8859-2
	"iso_8859-2":          2,  // iso-8859-2
	"iso_8859-2:1987":     2,  // iso-8859-2
	"l2":                  2,  // iso-8859-2
	"latin2":              2,  // iso-8859-2
	"csisolatin3":         3,  // iso-8859-3
	"iso-8859-3":          3,  // iso-8859-3
	"iso-ir-109":          3,  // iso-8859-3
	"iso8859-3":           3,  // iso-8859-3
	"iso88593":            3,  // iso-8859-3
	"iso_8859-3":          3,  // iso-8859-3
	"iso_8859-3:1988":     3,  // iso-8859-3
	"l3":                  3,  // iso-8859-3
	"latin3":              3,  // iso-8859-3
	"csisolatin4":         4,  // iso-8859-4
	"iso-8859-4":          4,  // iso-8859-4
	"iso-ir-110":          4,  // iso-8859-4
	"iso8859-4":           4,  // iso-8859-4
	"iso88594":            4,  // iso-8859-4
	"iso_8859-4":          4,  // iso-8859-4
	"iso_8859-4:1988":     4,  // iso-8859-4
	"l4":                  4,  // iso-8859-4
	"latin4":              4,  // iso-8859-4
	"csisolatincyrillic":  5,  // iso-8859-5
	"cyrillic":            5,  // iso-8859-5
	"iso-8859-5":          5,  // iso-8859-5
	"iso-ir-144":          5,  // iso-8859-5
	"iso8859-5":           5,  // iso-8859-5
	"iso88595":            5,  // iso-8859-5
	"iso_8859-5":          5,  // iso-8859-5
	"iso_8859-5:1988":     5,  // iso-8859-5
	"arabic":              6,  // iso-8859-6
	"asmo-708":            6,  // iso-8859-6
	"csiso88596e":         6,  // iso-8859-6
	"csiso88596i":         6,  // iso-8859-6
	"csisolatinarabic":    6,  // iso-8859-6
	"ecma-114":            6,  // iso-8859-6
	"iso-8859-6":          6,  // iso-8859-6
	"iso-8859-6-e":        6,  // iso-8859-6
	"iso-8859-6-i":        6,  // iso-8859-6
	"iso-ir-127":          6,  // iso-8859-6
	"iso8859-6":           6,  // iso-8859-6
	"iso88596":            6,  // iso-8859-6
	"iso_8859-6":          6,  // iso-8859-6
	"iso_8859-6:1987":     6,  // iso-8859-6
	"csisolatingreek":     7,  // iso-8859-7
	"ecma-118":            7,  // iso-8859-7
	"elot_928":            7,  // iso-8859-7
	"greek":               7,  // iso-8859-7
	"greek8":              7,  // iso-8859-7
	"iso-8859-7":          7,  // iso-8859-7
	"iso-ir-126":          7,  // iso-8859-7
	"iso8859-7":           7,  // iso-8859-7
	"iso88597":            7,  // iso-8859-7
	"iso_8859-7":          7,  // iso-8859-7
	"iso_8859-7:1987":     7,  // iso-8859-7
	"sun_eu_greek":        7,  // iso-8859-7
	"csiso88598e":         8,  // iso-8859-8
	"csisolatinhebrew":    8,  // iso-8859-8
	"hebrew":              8,  // iso-8859-8
	"iso-8859-8":          8,  // iso-8859-8
	"iso-8859-8-e":        8,  // iso-8859-8
	"iso-ir-138":          8,  // iso-8859-8
	"iso8859-8":           8,  // iso-8859-8
	"iso88598":            8,  // iso-8859-8
	"iso_8859-8":          8,  // iso-8859-8
	"iso_8859-8:1988":     8,  // iso-8859-8
	"visual":              8,  // iso-8859-8
	"csiso88598i":         9,  // iso-8859-8-i
	"iso-8859-8-i":        9,  // iso-8859-8-i
	"logical":             9,  // iso-8859-8-i
	"csisolatin6":         10, // iso-8859-10
	"iso-8859-10":         10, // iso-8859-10
	"iso-ir-157":          10, // iso-8859-10
	"iso8859-10":          10, // iso-8859-10
	"iso885910":           10, // iso-8859-10
	"l6":                  10, // iso-8859-10
	"latin6":              10, // iso-8859-10
	"iso-8859-13":         11, // iso-8859-13
	"iso8859-13":          11, // iso-8859-13
	"iso885913":           11, // iso-8859-13
	"iso-8859-14":         12, // iso-8859-14
	"iso8859-14":          12, // iso-8859-14
	"iso885914":           12, // iso-8859-14
	"csisolatin9":         13, // iso-8859-15
	"iso-8859-15":         13, // iso-8859-15
	"iso8859-15":          13, // iso-8859-15
	"iso885915":           13, // iso-8859-15
	"iso_8859-15":         13, // iso-8859-15
	"l9":                  13, // iso-8859-15
	"iso-8859-16":         14, // iso-8859-16
	"cskoi8r":             15, // koi8-r
	"koi":                 15, // koi8-r
	"koi8":                15, // koi8-r
	"koi8-r":              15, // koi8-r
	"koi8_r":              15, // koi8-r
	"koi8-ru":             16, // koi8-u
	"koi8-u":              16, // koi8-u
	"csmacintosh":         17, // macintosh
	"mac":                 17, // macintosh
	"macintosh":           17, // macintosh
	"x-mac-roman":         17, // macintosh
	"dos-874":             18, // windows-874
	"iso-8859-11":         18, // windows-874
	"iso8859-11":          18, // windows-874
	"iso885911":           18, // windows-874
	"tis-620":             18, // windows-874
	"windows-874":         18, // windows-874
	"cp1250":              19, // windows-1250
	"windows-1250":        19, // windows-1250
	"x-cp1250":            19, // windows-1250
	"cp1251":              20, // windows-1251
	"windows-1251":        20, // windows-1251
	"x-cp1251":            20, // windows-1251
	"ansi_x3.4-1968":      21, // windows-1252
	"ascii":               21, // windows-1252
	"cp1252":              21, // windows-1252
	"cp819":               21, // windows-1252
	"csisolatin1":         21, // windows-1252
	"ibm819":              21, // windows-1252
	"iso-8859-1":          21, // windows-1252
	"iso-ir-100":          21, // windows-1252
	"iso8859-1":           21, // windows-1252
	"iso88591":            21, // windows-1252
	"iso_8859-1":          21, // windows-1252
	"iso_8859-1:1987":     21, // windows-1252
	"l1":                  21, // windows-1252
	"latin1":              21, // windows-1252
	"us-ascii":            21, // windows-1252
	"windows-1252":        21, // windows-1252
	"x-cp1252":            21, // windows-1252
	"cp1253":              22, // windows-1253
	"windows-1253":        22, // windows-1253
	"x-cp1253":            22, // windows-1253
	"cp1254":              23, // windows-1254
	"csisolatin5":         23, // windows-1254
	"iso-8859-9":          23, // windows-1254
	"iso-ir-148":          23, // windows-1254
	"iso8859-9":           23, // windows-1254
	"iso88599":            23, // windows-1254
	"iso_8859-9":          23, // windows-1254
	"iso_8859-9:1989":     23, // windows-1254
	"l5":                  23, // windows-1254
	"latin5":              23, // windows-1254
	"windows-1254":        23, // windows-1254
	"x-cp1254":            23, // windows-1254
	"cp1255":              24, // windows-1255
	"windows-1255":        24, // windows-1255
	"x-cp1255":            24, // windows-1255
	"cp1256":              25, // windows-1256
	"windows-1256":        25, // windows-1256
	"x-cp1256":            25, // windows-1256
	"cp1257":              26, // windows-1257
	"windows-1257":        26, // windows-1257
	"x-cp1257":            26, // windows-1257
	"cp1258":              27, // windows-1258
	"windows-1258":        27, // windows-1258
	"x-cp1258":            27, // windows-1258
	"x-mac-cyrillic":      28, // x-mac-cyrillic
	"x-mac-ukrainian":     28, // x-mac-cyrillic
	"chinese":             29, // gbk
	"csgb2312":            29, // gbk
	"csiso58gb231280":     29, // gbk
	"gb2312":              29, // gbk
	"gb_2312":             29, // gbk
	"gb_2312-80":          29, // gbk
	"gbk":                 29, // gbk
	"iso-ir-58":           29, // gbk
	"x-gbk":               29, // gbk
	"gb18030":             30, // gb18030
	"big5":                31, // big5
	"big5-hkscs":          31, // big5
	"cn-big5":             31, // big5
	"csbig5":              31, // big5
	"x-x-big5":            31, // big5
	"cseucpkdfmtjapanese": 32, // euc-jp
	"euc-jp":              32, // euc-jp
	"x-euc-jp":            32, // euc-jp
	"csiso2022jp":         33, // iso-2022-jp
	"iso-2022-jp":         33, // iso-2022-jp
	"csshiftjis":          34, // shift_jis
	"ms932":               34, // shift_jis
	"ms_kanji":            34, // shift_jis
	"shift-jis":           34, // shift_jis
	"shift_jis":           34, // shift_jis
	"sjis":                34, // shift_jis
	"windows-31j":         34, // shift_jis
	"x-sjis":              34, // shift_jis
	"cseuckr":             35, // euc-kr
	"csksc56011987":       35, // euc-kr
	"euc-kr":              35, // euc-kr
	"iso-ir-149":          35, // euc-kr
	"korean":              35, // euc-kr
	"ks_c_5601-1987":      35, // euc-kr
	"ks_c_5601-1989":      35, // euc-kr
	"ksc5601":             35, // euc-kr
	"ksc_5601":            35, // euc-kr
	"windows-949":         35, // euc-kr
	"csiso2022kr":         36, // replacement
	"hz-gb-2312":          36, // replacement
	"iso-2022-cn":         36, // replacement
	"iso-2022-cn-ext":     36, // replacement
	"iso-2022-kr":         36, // replacement
	"replacement":         36, // replacement
	"unicodefffe":         37, // utf-16be
	"utf-16be":            37, // utf-16be
	"csunicode":           38, // utf-16le
	"iso-10646-ucs-2":     38, // utf-16le
	"ucs-2":               38, // utf-16le
	"unicode":             38, // utf-16le
	"unicodefeff":         38, // utf-16le
	"utf-16":              38, // utf-16le
	"utf-16le":            38, // utf-16le
	"x-user-defined":      39, // x-user-defined
}

// errCharsetNotRead is a charset the browser engine knows but does not read.
var errCharsetNotRead = errors.New("not read by the browser page")

// errCharsetUnknown is a label that is not the WHATWG Encoding Standard's.
var errCharsetUnknown = errors.New("unknown charset label")

// liteCharset is htmlindex.Get and htmlindex.Name by liteLabels: the
// decoder of label and its canonical name, errCharsetUnknown for a label
// browsers do not know, errCharsetNotRead (with the name) for a multi-byte
// Chinese, Japanese or Korean charset.
func liteCharset(label string) (encoding.Encoding, string, error) {
	i, ok := liteLabels[strings.ToLower(strings.TrimSpace(label))]
	if !ok {
		return nil, "", errCharsetUnknown
	}
	c := liteCharsets[i]
	if c.enc == nil {
		return nil, c.name, fmt.Errorf("%w: the page declares charset %s, which asectl's browser page does not read (the asectl command does)", errCharsetNotRead, c.name)
	}
	return c.enc, c.name, nil
}
