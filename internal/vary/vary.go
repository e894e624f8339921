// Package vary makes fuzz inputs that reach every field's own reading: the
// reference description with one of its values replaced. Random bytes seldom
// get that far; a replaced value is read at its place.
package vary

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
)

// Seeds are the values every fuzz target starts from, as (value number,
// text) in the reference description testdata/A72213.txt: a code, periods
// with impossible dates, an amount in another notation, business IDs and
// lists, and figures whose letters change length in another case (one of
// them panicked once).
var Seeds = []struct {
	Which uint8
	Value string
}{
	{0, "A72213"},
	{4, "Alkaa 31.2.2016 ja päättyy 1.1."},
	{4, "Alkaa 29.2.2016 ja päättyy 1.1.2015"},
	{9, "1234567-1"},
	{21, "1 234,56"},
	{25, "Lappi, Lappi, Uusimaa"},
	{27, "Rovaniemi, Helsinki, , Rovaniemi"},
	{28, "ȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺ, joihin työllistyvät naiset"},
	{28, "6, JOIHIN työllistyvät naiset 2"},
}

// ForFuzz reads the reference description at path (its place differs from
// package to package) for a fuzz target, and adds Seeds to the target.
func ForFuzz(f *testing.F, path string) *Sample {
	f.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		f.Fatal(err)
	}
	for _, sd := range Seeds {
		f.Add(sd.Which, sd.Value)
	}
	return New(string(b))
}

// Sample holds a description's lines and the ones that carry a value.
type Sample struct {
	lines  []string
	values []int // lines with "Label: value", or a score row
}

// New splits a description into lines and finds its values.
func New(src string) *Sample {
	s := &Sample{lines: strings.Split(src, "\n")}
	for i, l := range s.lines {
		if strings.Index(l, ": ") > 0 || scoreRow(strings.TrimSpace(l)) {
			s.values = append(s.values, i)
		}
	}
	return s
}

// Len is the number of values.
func (s *Sample) Len() int { return len(s.values) }

// With returns the description with value number which (modulo Len) set
// to value, made one line. A score row gets value before its name.
func (s *Sample) With(which int, value string) string {
	value = strings.NewReplacer("\n", " ", "\r", " ").Replace(value)
	i := s.values[which%len(s.values)]
	l := s.lines[i]
	if k := strings.Index(l, ": "); k > 0 {
		l = l[:k+2] + value
	} else {
		l = value + " " + l
	}
	out := make([]string, len(s.lines))
	copy(out, s.lines)
	out[i] = l
	return strings.Join(out, "\n")
}

// scoreRow reports whether a line ends in two scores ("… 7 7", "… - -").
func scoreRow(l string) bool {
	f := strings.Fields(l)
	if len(f) < 3 {
		return false
	}
	for _, s := range f[len(f)-2:] {
		if s != "-" && strings.Trim(s, "0123456789.,") != "" {
			return false
		}
	}
	return true
}

// WithNames returns src, the reference description, with n unknown
// municipalities (", Eik0, Eik1, …") added at the end of its "Kunnat:" line:
// one area-unknown-name finding each. src itself is left as it was; without
// a "Kunnat:" line WithNames panics.
func WithNames(src []byte, n int) []byte {
	var names bytes.Buffer
	for i := range n {
		fmt.Fprintf(&names, ", Eik%d", i)
	}
	i := bytes.Index(src, []byte("\nKunnat:"))
	if i < 0 {
		panic("vary.WithNames: no Kunnat: line")
	}
	end := i + 1 + bytes.IndexByte(src[i+1:], '\n')
	return bytes.Join([][]byte{src[:end], names.Bytes(), src[end:]}, nil)
}
