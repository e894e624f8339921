package projectlist

import (
	"strings"
	"testing"

	"github.com/asectl/asectl/parser"
	"github.com/asectl/asectl/validate"
)

func TestCompare(t *testing.T) {
	list := readFile(t, "../testdata/projectlist/crosscheck_2014-2020.csv")
	page := string(readFile(t, "../testdata/A72213.txt"))
	for _, tc := range []struct {
		name, from, to string
		want           []string // "line:col field message"
	}{
		{"same", "", "", nil},
		{"one figure", "Myönnetty EU- ja valtion rahoitus: 1 551 280", "Myönnetty EU- ja valtion rahoitus: 1 551 281",
			[]string{"80:36 funding.eu_state_granted the EU and state funding granted differs from the project list (line 2): 1 551 281 € here, 1 551 280 € in the list"}},
		{"an amount gone", "Toteutunut julkinen rahoitus yhteensä: 1 840 531", "Toteutunut julkinen rahoitus yhteensä:",
			[]string{"86:1 funding.public_realised the public funding realised differs from the project list (line 2): no value here, 1 840 531 € in the list"}},
		{"applicant and status", "Hakijan virallinen nimi: Lapin Yliopisto", "Hakijan virallinen nimi: Lapin Ammattikorkeakoulu",
			[]string{"23:26 applicant.name the applicant differs from the project list (line 2): \"Lapin Ammattikorkeakoulu\" here, \"LAPIN YLIOPISTO\" in the list"}},
		{"end date", "päättyy 15.3.2018", "päättyy 16.3.2018",
			[]string{"15:64 project.period.end the end date differs from the project list (line 2): 16.3.2018 here, 15.3.2018 in the list"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ix, err := NewIndex("list.csv", list, "")
			if err != nil {
				t.Fatal(err)
			}
			text := page
			if tc.from != "" {
				if !strings.Contains(text, tc.from) {
					t.Fatalf("the sample has no %q", tc.from)
				}
				text = strings.Replace(text, tc.from, tc.to, 1)
			}
			res, err := parser.Parse("A72213.txt", []byte(text), parser.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, x := range ix.Compare(res.Doc, validateConfig()) {
				if x.Rule != validate.RuleListMismatch || x.Severity != validate.Warning {
					t.Errorf("rule %s %s", x.Rule, x.Severity)
				}
				got = append(got, x.Pos.String()+" "+x.Field+" "+x.Message())
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			st := ix.Stats()
			if st != (Stats{Rows: 3, Unsplit: 1, PagesMatched: 1, PagesWithoutRow: 0, RowsWithoutPage: 1}) {
				t.Errorf("stats %+v", st)
			}
		})
	}
}

func TestCompareWithoutRow(t *testing.T) {
	ix, err := NewIndex("list.csv", readFile(t, "../testdata/projectlist/crosscheck_2014-2020.csv"), "")
	if err != nil {
		t.Fatal(err)
	}
	res, err := parser.Parse("x.txt", readFile(t, "../testdata/real/S20044.txt"), parser.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cfg := validateConfig()
	if fs := ix.Compare(res.Doc, cfg); len(fs) != 0 {
		t.Errorf("findings for a page without a row: %v", fs)
	}
	cfg.Off = map[string]bool{validate.RuleListMismatch: true}
	page := strings.Replace(string(readFile(t, "../testdata/A72213.txt")), "1 551 280", "1 551 281", 1)
	res, _ = parser.Parse("A72213.txt", []byte(page), parser.Options{})
	if fs := ix.Compare(res.Doc, cfg); len(fs) != 0 {
		t.Errorf("list-mismatch off, but %v", fs)
	}
	if st := ix.Stats(); st.PagesWithoutRow != 1 || st.PagesMatched != 1 || st.RowsWithoutPage != 1 {
		t.Errorf("stats %+v", st)
	}
}

// TestCompareDuplicate: with two rows of a code, a description is compared
// with the first and a list-duplicate finding at its code says so, naming
// both lines; the second row is counted as a duplicate, not as matched.
// Before, the second row was silently passed over.
func TestCompareDuplicate(t *testing.T) {
	list := string(readFile(t, "../testdata/projectlist/crosscheck_2014-2020.csv"))
	lines := strings.SplitAfter(list, "\n")
	second := strings.Replace(lines[1], "15.3.2018", "30.9.2019", 1)
	if second == lines[1] {
		t.Fatal("the list's A72213 row has no end date 15.3.2018")
	}
	dup := list + second // line 5
	page := readFile(t, "../testdata/A72213.txt")
	res, err := parser.Parse("A72213.txt", page, parser.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		off  string
		want []string
	}{
		{"on", "", []string{"7:13 project.code list-duplicate the project list has 2 rows of project code A72213 (lines 2, 5); this description is compared with the first"}},
		{"off", "list-duplicate", nil},
		// Without list-mismatch the duplicate is still said.
		{"mismatch off", "list-mismatch", []string{"7:13 project.code list-duplicate the project list has 2 rows of project code A72213 (lines 2, 5); this description is compared with the first"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ix, err := NewIndex("list.csv", []byte(dup), "")
			if err != nil {
				t.Fatal(err)
			}
			cfg := validateConfig()
			cfg.Off = map[string]bool{tc.off: true}
			var got []string
			for _, x := range ix.Compare(res.Doc, cfg) {
				got = append(got, x.Pos.String()+" "+x.Field+" "+x.Rule+" "+x.Message())
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			if st := ix.Stats(); st != (Stats{Rows: 4, Unsplit: 1, PagesMatched: 1, RowsWithoutPage: 1, Duplicates: 1}) {
				t.Errorf("stats %+v", st)
			}
		})
	}
}

func TestFoldText(t *testing.T) {
	for _, c := range [][2]string{
		{"Pohjois-Pohjanmaan elinkeino-, liikenne- ja ympäristökeskus", "pohjois-pohjanmaan elinkeino-  liikenne- ja ympäristökeskus"},
		{"LAPIN YLIOPISTO", "Lapin Yliopisto"},
		{"Hanke, vaihe 2", "Hanke |vaihe 2"},
		{"\"Musculo\"-hieronta", "Musculo-hieronta"},
		{"Ympäristö", "Ympa\u0308risto\u0308"},
	} {
		if foldText(c[0]) != foldText(c[1]) {
			t.Errorf("%q and %q differ: %q, %q", c[0], c[1], foldText(c[0]), foldText(c[1]))
		}
	}
	if foldText("Lapin liitto") == foldText("Lapin ELY-keskus") {
		t.Error("different names compare equal")
	}
}
