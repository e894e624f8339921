package config

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/asectl/asectl/model"
	"github.com/asectl/asectl/parser"
	"github.com/asectl/asectl/validate"
)

// The parsers of the values that flags and .asectl.yaml share. Each takes
// the text as the user wrote it and returns an error that says what is
// wrong with it, without naming the flag or key (the caller puts that in
// front: "--max-size: …", "max-size (line 3): …").

// FailOnValues are the words --fail-on and fail-on take.
var FailOnValues = []string{"error", "warning", "info", "never"}

// ParseFailOn reads the weakest severity that fails the run
// (case-insensitive): -1 for never.
func ParseFailOn(s string) (int, error) {
	if strings.EqualFold(strings.TrimSpace(s), "never") {
		return -1, nil
	}
	sev, err := validate.ParseSeverity(strings.TrimSpace(s))
	if err != nil {
		return 0, fmt.Errorf("%q is not one of %s", s, strings.Join(FailOnValues, ", "))
	}
	return int(sev), nil
}

// ParseSeverity reads a rule's severity (case-insensitive): error, warning
// or info.
func ParseSeverity(s string) (validate.Severity, error) {
	sev, err := validate.ParseSeverity(strings.TrimSpace(s))
	if err != nil {
		return 0, fmt.Errorf("%q is not one of error, warning, info", s)
	}
	return sev, nil
}

// ParseEncoding reads a text encoding name (case-insensitive), one of
// parser.Encodings(), and returns it in its canonical spelling.
func ParseEncoding(s string) (string, error) {
	for _, e := range parser.Encodings() {
		if strings.EqualFold(e, strings.TrimSpace(s)) {
			return e, nil
		}
	}
	return "", fmt.Errorf("%q is not one of %s", s, strings.Join(parser.Encodings(), ", "))
}

// Languages are the message languages.
var Languages = []string{"en", "fi"}

// ParseLanguage reads a message language (case-insensitive): en or fi.
func ParseLanguage(s string) (string, error) {
	for _, l := range Languages {
		if strings.EqualFold(l, strings.TrimSpace(s)) {
			return l, nil
		}
	}
	return "", fmt.Errorf("%q is not one of %s", s, strings.Join(Languages, ", "))
}

// ParseSize reads a size in bytes: a whole number, optionally with a unit,
// case-insensitive: k/KB/KiB, M/MB/MiB, G/GB/GiB are powers of 1024 (as
// for sizes of files); "1.5M" is allowed. It must be positive.
func ParseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	i := strings.IndexFunc(t, func(r rune) bool { return !(r >= '0' && r <= '9' || r == '.') })
	num, unit := t, ""
	if i >= 0 {
		num, unit = strings.TrimSpace(t[:i]), strings.ToLower(strings.TrimSpace(t[i:]))
	}
	if num == "" {
		return 0, fmt.Errorf("%q is not a size (a number of bytes, or with k, M or G: 512k, 16MiB)", s)
	}
	mult := map[string]float64{
		"": 1, "b": 1,
		"k": 1 << 10, "kb": 1 << 10, "kib": 1 << 10,
		"m": 1 << 20, "mb": 1 << 20, "mib": 1 << 20,
		"g": 1 << 30, "gb": 1 << 30, "gib": 1 << 30,
	}[unit]
	if mult == 0 {
		return 0, fmt.Errorf("%q: unknown unit %q (a number of bytes, or with k, M or G: 512k, 16MiB)", s, t[i:])
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil || num == "" {
		return 0, fmt.Errorf("%q is not a size (a number of bytes, or with k, M or G: 512k, 16MiB)", s)
	}
	n := v * mult
	if n < 1 || n > math.MaxInt64/2 {
		return 0, fmt.Errorf("%q: must be between 1 byte and a few exbibytes", s)
	}
	return int64(n), nil
}

// ParseDate reads a calendar date YYYY-MM-DD. A date in that form that
// does not exist (2026-02-30) says so, with the month's length.
func ParseDate(s string) (model.Date, error) {
	t := strings.TrimSpace(s)
	if len(t) != 10 || t[4] != '-' || t[7] != '-' || !digits(t[:4]) || !digits(t[5:7]) || !digits(t[8:]) {
		return model.Date{}, fmt.Errorf("%q is not a date in the form YYYY-MM-DD", s)
	}
	y, _ := strconv.Atoi(t[:4])
	m, _ := strconv.Atoi(t[5:7])
	d, _ := strconv.Atoi(t[8:])
	if m < 1 || m > 12 {
		return model.Date{}, fmt.Errorf("%q: there is no month %d", s, m)
	}
	days := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	if d < 1 || d > days {
		return model.Date{}, fmt.Errorf("%q: %s %d has %d days", s, time.Month(m), y, days)
	}
	return model.Date{Year: y, Month: time.Month(m), Day: d}, nil
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
