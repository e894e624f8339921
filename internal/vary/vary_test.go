package vary

import (
	"os"
	"strings"
	"testing"
)

func TestWith(t *testing.T) {
	b, err := os.ReadFile("../../testdata/A72213.txt")
	if err != nil {
		t.Fatal(err)
	}
	s := New(string(b))
	// The seeds' value numbers point at the lines they are meant for.
	for which, want := range map[int]string{
		0:  "Hankekoodi: X",
		4:  "Suunnitelman mukainen toteutusaika: X",
		9:  "Y-tunnus: X",
		21: "Myönnetty EU- ja valtion rahoitus: X",
		25: "Maakunnat: X",
		27: "Kunnat: X",
		28: "Suunniteltu: X",
	} {
		got := s.With(which, "X")
		if !strings.Contains(got, "\n"+want+"\n") {
			t.Errorf("value %d: no line %q", which, want)
		}
		if strings.Count(got, "\n") != strings.Count(string(b), "\n") {
			t.Errorf("value %d: line count changed", which)
		}
	}
	for _, sd := range Seeds {
		switch sd.Which {
		case 0, 4, 9, 21, 25, 27, 28:
		default:
			t.Errorf("seed %d %q: its line is not checked above", sd.Which, sd.Value)
		}
	}
	if got := s.With(s.Len()+0, "a\nb"); !strings.Contains(got, "\nHankekoodi: a b\n") {
		t.Errorf("which wraps around, and a value stays one line")
	}
	rows := 0
	for i := range s.Len() {
		if strings.Contains(s.With(i, "X"), "\nX ") {
			rows++
		}
	}
	if rows < 10 {
		t.Errorf("only %d score rows found", rows)
	}
}

func TestWithNames(t *testing.T) {
	src := []byte("Alue: x\nKunnat: A, B\nLoppu: y\n")
	if got, want := string(WithNames(src, 2)), "Alue: x\nKunnat: A, B, Eik0, Eik1\nLoppu: y\n"; got != want {
		t.Errorf("WithNames = %q, want %q", got, want)
	}
	if string(src) != "Alue: x\nKunnat: A, B\nLoppu: y\n" {
		t.Errorf("WithNames changed its input: %q", src)
	}
}
