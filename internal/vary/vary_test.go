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
	for which, want := range map[int]string{
		0:  "Hankekoodi: X",
		4:  "Suunnitelman mukainen toteutusaika: X",
		21: "Myönnetty EU- ja valtion rahoitus: X",
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
