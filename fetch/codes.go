package fetch

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"

	"golang.org/x/net/html"
)

// ValidCode reports whether s is a project code: an upper-case ASCII letter
// and five digits (A72213 for EAKR, S20515 for ESR). Other letters are
// allowed so that a list holding another fund's codes is not refused here.
func ValidCode(s string) bool {
	if len(s) != 6 || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for i := 1; i < 6; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// NormalizeCode upper-cases the letter of a code typed as a72213 and
// reports whether the result is a valid code.
func NormalizeCode(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) == 6 && s[0] >= 'a' && s[0] <= 'z' {
		s = string(s[0]-'a'+'A') + s[1:]
	}
	return s, ValidCode(s)
}

// CodeError is a token of a code list that is not a project code; Line
// counts from 1 (0 when the input has no lines, as in a JSON array).
type CodeError struct {
	Line  int
	Token string
}

func (e *CodeError) Error() string {
	if r := []rune(e.Token); len(r) > 40 {
		e.Token = string(r[:40]) + "…"
	}
	if e.Line > 0 {
		return fmt.Sprintf("line %d: %q is not a project code (a letter and five digits, e.g. A72213)", e.Line, e.Token)
	}
	return fmt.Sprintf("%q is not a project code (a letter and five digits, e.g. A72213)", e.Token)
}

// maxCodeList bounds a --from file: a list of every project of the
// programme is under 1 MB as codes, some 50 MB as asectl's JSON.
const maxCodeList = 256 << 20

// ReadCodes reads the project codes of a --from file, in order, without
// repeats. It takes
//   - a text file of codes, separated by white space or commas, with # comments;
//     a service URL holding projektikoodi=CODE counts as its code;
//   - asectl's JSON output (one object, an array, or JSON lines): each
//     object's project.code; objects without one (an input that failed) are
//     skipped and counted in skipped;
//   - CSV with a header holding a column "code" (asectl parse --format csv)
//     or "Koodi" (the service's project-list export).
//
// A token that is not a code is an error (*CodeError) naming its line.
func ReadCodes(r io.Reader) (codes []string, skipped int, err error) {
	data, err := io.ReadAll(io.LimitReader(r, maxCodeList+1))
	if err != nil {
		return nil, 0, err
	}
	if len(data) > maxCodeList {
		return nil, 0, fmt.Errorf("larger than %d MiB; is this a list of codes?", maxCodeList>>20)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	var s codeSet
	switch {
	case len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '['):
		skipped, err = s.readJSON(trimmed)
	case isCSVHeader(trimmed):
		skipped, err = s.readCSV(trimmed)
	default:
		err = s.readText(data)
	}
	return s.codes, skipped, err
}

// codeSet collects codes in first-seen order.
type codeSet struct {
	codes []string
	seen  map[string]bool
}

func (s *codeSet) add(code string) {
	if s.seen == nil {
		s.seen = map[string]bool{}
	}
	if !s.seen[code] {
		s.seen[code] = true
		s.codes = append(s.codes, code)
	}
}

func (s *codeSet) readText(data []byte) error {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64<<10), maxCodeList)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if i := strings.IndexByte(text, '#'); i >= 0 {
			text = text[:i]
		}
		for _, tok := range strings.FieldsFunc(text, func(r rune) bool {
			return r == ' ' || r == '\t' || r == ',' || r == ';' || r == '\r'
		}) {
			code, ok := NormalizeCode(tok)
			if !ok {
				code, ok = codeFromURL(tok)
			}
			if !ok {
				return &CodeError{Line: line, Token: tok}
			}
			s.add(code)
		}
	}
	return sc.Err()
}

// codeFromURL reads the projektikoodi parameter of a service URL.
func codeFromURL(s string) (string, bool) {
	if !strings.Contains(s, "projektikoodi=") {
		return "", false
	}
	u, err := url.Parse(s)
	if err != nil {
		return "", false
	}
	return NormalizeCode(u.Query().Get("projektikoodi"))
}

// described is the part of asectl's JSON document that names the project.
type described struct {
	Project *struct {
		Code *string `json:"code"`
	} `json:"project"`
}

func (s *codeSet) readJSON(data []byte) (skipped int, err error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	take := func(d described) error {
		if d.Project == nil || d.Project.Code == nil {
			skipped++
			return nil
		}
		code, ok := NormalizeCode(*d.Project.Code)
		if !ok {
			return &CodeError{Token: *d.Project.Code}
		}
		s.add(code)
		return nil
	}
	for {
		var raw json.RawMessage
		if err := dec.Decode(&raw); errors.Is(err, io.EOF) {
			return skipped, nil
		} else if err != nil {
			return skipped, fmt.Errorf("not asectl's JSON: %w", err)
		}
		raw = bytes.TrimSpace(raw)
		if len(raw) > 0 && raw[0] == '[' {
			var docs []described
			if err := json.Unmarshal(raw, &docs); err != nil {
				return skipped, fmt.Errorf("not asectl's JSON: %w", err)
			}
			for _, d := range docs {
				if err := take(d); err != nil {
					return skipped, err
				}
			}
			continue
		}
		var d described
		if err := json.Unmarshal(raw, &d); err != nil {
			return skipped, fmt.Errorf("not asectl's JSON: %w", err)
		}
		if err := take(d); err != nil {
			return skipped, err
		}
	}
}

// isCSVHeader reports whether the first line is a CSV header naming a code
// column.
func isCSVHeader(data []byte) bool {
	line, _, _ := bytes.Cut(data, []byte("\n"))
	return bytes.IndexByte(line, ',') >= 0 && codeColumn(strings.Split(strings.TrimRight(string(line), "\r;"), ",")) >= 0
}

func codeColumn(header []string) int {
	for i, h := range header {
		h = strings.Trim(strings.TrimSpace(h), `"`)
		if strings.EqualFold(h, "code") || strings.EqualFold(h, "Koodi") {
			return i
		}
	}
	return -1
}

// readCSV takes the code column of each row. The service's export (its
// first column "Koodi") does not quote its commas (rows have varying field
// counts) and wraps some rows whole in quotes, which no CSV reader takes
// apart; but that column holds no comma, so it is read line by line.
// asectl's CSV is proper RFC 4180 (a quoted name may hold a line break)
// and goes through encoding/csv.
func (s *codeSet) readCSV(data []byte) (skipped int, err error) {
	header, rest, _ := bytes.Cut(data, []byte("\n"))
	first, _, _ := strings.Cut(string(header), ",")
	if strings.EqualFold(strings.Trim(strings.TrimSpace(first), `"`), "Koodi") {
		sc := bufio.NewScanner(bytes.NewReader(rest))
		sc.Buffer(make([]byte, 0, 64<<10), maxCodeList)
		for line := 2; sc.Scan(); line++ {
			cell, _, _ := strings.Cut(sc.Text(), ",")
			cell = strings.Trim(strings.TrimSpace(cell), `"`)
			if cell == "" {
				skipped++
				continue
			}
			code, ok := NormalizeCode(cell)
			if !ok {
				return skipped, &CodeError{Line: line, Token: cell}
			}
			s.add(code)
		}
		return skipped, sc.Err()
	}
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cr.ReuseRecord = true
	hdr, err := cr.Read()
	if err != nil {
		return 0, err
	}
	col := codeColumn(hdr)
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return skipped, nil
		}
		if err != nil {
			return skipped, err
		}
		line, _ := cr.FieldPos(0)
		if col >= len(rec) || strings.TrimSpace(rec[col]) == "" {
			skipped++
			continue
		}
		code, ok := NormalizeCode(strings.Trim(rec[col], `"`))
		if !ok {
			return skipped, &CodeError{Line: line, Token: rec[col]}
		}
		s.add(code)
	}
}

// ListCodes reads the project codes linked from the service's project
// list (projektilista.php): every <a href> holding projektikoodi=CODE,
// in page order, without repeats. Links whose code is not valid are
// counted in invalid. The page is read with golang.org/x/net/html's
// tokenizer, so markup of any shape (attributes in any order, entities,
// single quotes) reads alike.
func ListCodes(page []byte) (codes []string, invalid int) {
	var s codeSet
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return s.codes, invalid
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if string(name) != "a" {
				continue
			}
			for hasAttr {
				var key, val []byte
				key, val, hasAttr = z.TagAttr()
				if string(key) != "href" || !bytes.Contains(val, []byte("projektikoodi=")) {
					continue
				}
				if code, ok := codeFromURL(string(val)); ok {
					s.add(code)
				} else {
					invalid++
				}
			}
		}
	}
}
