package parser

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/asectl/asectl/model"
)

// maxWholeDigits keeps every amount far inside int64 hundredths.
const maxWholeDigits = 15

func isGroupSpace(r rune) bool {
	return r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\u2009' || r == '\u2007'
}

// ParseAmount reads a number the way the pages print one: spaces (also
// U+00A0, U+202F) as thousands separators, decimal comma or point, an
// optional € or "euroa". It never guesses: "1.234" could be either reading
// and is refused.
func ParseAmount(s string) (model.Fixed2, error) {
	s = strings.TrimSpace(s)
	if v, ok := plainAmount(s); ok {
		return v, nil
	}
	return readAmount(s)
}

// readAmount is ParseAmount's full reading.
func readAmount(s string) (model.Fixed2, error) {
	for _, suf := range []string{"€", "euroa", "eur", "euros"} {
		if len(s) > len(suf) && strings.EqualFold(s[len(s)-len(suf):], suf) {
			s = strings.TrimSpace(s[:len(s)-len(suf)])
			break
		}
	}
	if s == "" {
		return 0, errors.New("no digits")
	}
	neg := false
	if r := s[0]; r == '-' || r == '+' {
		neg = r == '-'
		s = strings.TrimSpace(s[1:])
	} else if strings.HasPrefix(s, "\u2212") {
		neg = true
		s = strings.TrimSpace(strings.TrimPrefix(s, "\u2212"))
	}

	// Split into digit groups and the separators between them.
	var groups []string
	var seps []rune // the separator after each group but the last
	cur := strings.Builder{}
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			cur.WriteRune(r)
		case r == '.' || r == ',' || isGroupSpace(r):
			if cur.Len() == 0 {
				return 0, errors.New("misplaced separator")
			}
			groups = append(groups, cur.String())
			seps = append(seps, r)
			cur.Reset()
		default:
			return 0, errors.New("unexpected character")
		}
	}
	if cur.Len() == 0 {
		return 0, errors.New("ends with a separator")
	}
	groups = append(groups, cur.String())

	// Decide which separator, if any, is the decimal mark.
	frac := ""
	if n := len(seps); n > 0 && (seps[n-1] == '.' || seps[n-1] == ',') {
		last := seps[n-1]
		same := 0
		for _, r := range seps {
			if r == last {
				same++
			}
		}
		other := false
		for _, r := range seps[:n-1] {
			if r == '.' || r == ',' {
				other = other || r != last
			}
		}
		switch {
		case same > 1:
			// "1.234.567": the mark is a thousands separator throughout.
		case other:
			frac = groups[n]
		case len(groups[n]) != 3 || strings.TrimLeft(groups[0], "0") == "" && n == 1:
			frac = groups[n]
		case n > 1:
			// "1 234,567": grouped with spaces, so the mark is decimal.
			frac = groups[n]
		default:
			return 0, errors.New("ambiguous: the separator could be a decimal mark or a thousands separator")
		}
		if frac != "" {
			groups = groups[:n]
		}
	}
	for i, g := range groups {
		if i > 0 && len(g) != 3 || i == 0 && len(groups) > 1 && len(g) > 3 {
			return 0, errors.New("digit groups are not of three")
		}
	}
	whole := strings.TrimLeft(strings.Join(groups, ""), "0")
	if len(whole) > maxWholeDigits {
		return 0, errors.New("too large")
	}
	if len(frac) > 2 {
		if strings.Trim(frac[2:], "0") != "" {
			return 0, errors.New("more than two decimals")
		}
		frac = frac[:2]
	}
	if whole == "" {
		whole = "0"
	}
	v, err := model.ParseFixed2(whole + dotIf(frac))
	if err != nil {
		return 0, err
	}
	if neg {
		v = -v
	}
	return v, nil
}

// plainAmount reads the forms nearly every page prints, without a
// separator that could be taken two ways: "2 675 866", "1551280", "0.00",
// "12,5". Anything else (and a leading zero) is left to ParseAmount's full
// reading; FuzzPlainAmount holds the two to the same values.
func plainAmount(s string) (model.Fixed2, bool) {
	var whole int64
	i, digits, group := 0, 0, 0 // group: digits since the last space
	grouped := false
	for ; i < len(s); i++ {
		c := s[i]
		if c >= '0' && c <= '9' {
			if digits == 0 && c == '0' && i+1 < len(s) && s[i+1] != '.' && s[i+1] != ',' {
				return 0, false // a leading zero
			}
			whole = whole*10 + int64(c-'0')
			digits++
			group++
			continue
		}
		if c != ' ' {
			break
		}
		// A space groups thousands: the first group 1 to 3 digits, every
		// later one exactly 3.
		if group == 0 || group > 3 || grouped && group != 3 {
			return 0, false
		}
		grouped, group = true, 0
	}
	if digits == 0 || digits > maxWholeDigits || grouped && group != 3 {
		return 0, false
	}
	v := model.Fixed2(whole * 100)
	if i == len(s) {
		return v, true
	}
	// A decimal mark with one or two digits cannot be a thousands separator.
	if c := s[i]; c != '.' && c != ',' {
		return 0, false
	}
	frac := s[i+1:]
	switch {
	case len(frac) == 1 && isDigit(frac[0]):
		return v + model.Fixed2(frac[0]-'0')*10, true
	case len(frac) == 2 && isDigit(frac[0]) && isDigit(frac[1]):
		return v + model.Fixed2(frac[0]-'0')*10 + model.Fixed2(frac[1]-'0'), true
	}
	return 0, false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

func dotIf(frac string) string {
	if frac == "" {
		return ""
	}
	return "." + frac
}

// ParseScore reads a sustainability score: a whole number, nothing else.
func ParseScore(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 3 {
		return 0, errors.New("not a small whole number")
	}
	if !allDigits(s) {
		return 0, errors.New("not a whole number")
	}
	return strconv.Atoi(s)
}

// ParseDate reads d.m.yyyy (leading zeros allowed) and checks that the date
// exists.
func ParseDate(s string) (model.Date, error) {
	var buf [4]string // d, m, y and an empty one after a last dot; more is no date
	parts := buf[:0]
	for part := range strings.SplitSeq(strings.TrimSpace(s), ".") {
		if len(parts) == len(buf) {
			return model.Date{}, errors.New("not a date of the form d.m.yyyy")
		}
		parts = append(parts, part)
	}
	if len(parts) == 4 && parts[3] == "" {
		parts = parts[:3]
	}
	if len(parts) != 3 {
		return model.Date{}, errors.New("not a date of the form d.m.yyyy")
	}
	var n [3]int
	for i, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" || len(p) > 4 || (i < 2 && len(p) > 2) || (i == 2 && len(p) != 4) || !allDigits(p) {
			return model.Date{}, errors.New("not a date of the form d.m.yyyy")
		}
		n[i], _ = strconv.Atoi(p)
	}
	d, ok := model.NewDate(n[2], time.Month(n[1]), n[0])
	if !ok {
		return model.Date{}, errors.New("not a calendar date")
	}
	return d, nil
}
