package fetch

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestValidCode(t *testing.T) {
	for s, want := range map[string]bool{
		"A72213": true, "S20515": true, "K12345": true,
		"a72213": false, "A7221": false, "A722133": false, "AA2213": false, "A7221x": false, "": false, "Ä72213": false,
	} {
		if got := ValidCode(s); got != want {
			t.Errorf("ValidCode(%q) = %v", s, got)
		}
	}
	if c, ok := NormalizeCode(" a72213 "); c != "A72213" || !ok {
		t.Errorf("NormalizeCode = %q, %v", c, ok)
	}
}

func TestReadCodes(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     string
		skipped  int
		err      string
	}{
		{"text", "A72213\nS20515 a70301, A72213 # a comment\n\n", "[A72213 S20515 A70301]", 0, ""},
		{"urls", "https://www.eura2014.fi/rrtiepa/projekti.php?projektikoodi=A72213\n", "[A72213]", 0, ""},
		{"crlf and bom", "\ufeffA72213\r\nS20515\r\n", "[A72213 S20515]", 0, ""},
		{"bad token", "A72213\nA7221\n", "", 0, `line 2: "A7221" is not a project code`},
		{"one object", `{"version":1,"source":"a.txt","project":{"code":"A72213"}}`, "[A72213]", 0, ""},
		{"array", `[{"project":{"code":"A72213"}},{"source":"x","error":"not a description","project":{"code":null}},{"project":{"code":"S20515"}}]`, "[A72213 S20515]", 1, ""},
		{"json lines", "{\"project\":{\"code\":\"A72213\"}}\n{\"project\":{\"code\":\"S20515\"}}\n", "[A72213 S20515]", 0, ""},
		{"json bad code", `{"project":{"code":"A7"}}`, "", 0, `"A7" is not a project code`},
		{"json broken", `{"project":`, "", 0, "not asectl's JSON"},
		{"asectl csv", "code,name,fund\nA72213,\"Arctic, Smartness\",EAKR\nS20515,x,ESR\n", "[A72213 S20515]", 0, ""},
		{"asectl csv, a line break in a name", "code,name\nA72213,\"two\nlines\"\n,failed\nS20515,x\n", "[A72213 S20515]", 1, ""},
		{"csv, code not first", "name,code\nx,A72213\n", "[A72213]", 0, ""},
		{"export csv", "Koodi,Rahasto,Hankkeen nimi,Tl;\nA70301,EAKR,Name, with commas,2,;\n\"A70302\",EAKR,x,2,;\n", "[A70301 A70302]", 0, ""},
		{"csv bad code", "code,name\nA72213,x\nZZ,y\n", "", 0, `line 3: "ZZ" is not a project code`},
		{"empty", "", "[]", 0, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			codes, skipped, err := ReadCodes(strings.NewReader(tc.in))
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := fmt.Sprint(codes); got != tc.want || skipped != tc.skipped {
				t.Errorf("codes %s (%d skipped), want %s (%d)", got, skipped, tc.want, tc.skipped)
			}
		})
	}
}

// The service's real project-list export reads as a list of codes, its
// faults (unquoted commas, rows wrapped in quotes) notwithstanding.
func TestReadCodesOfTheRealExport(t *testing.T) {
	f, err := os.Open("../../shared/data/projektilista_2014-2020.csv")
	if errors.Is(err, os.ErrNotExist) {
		f, err = os.Open("/work/shared/data/projektilista_2014-2020.csv")
	}
	if err != nil {
		t.Skip("the export is not at hand:", err)
	}
	defer f.Close()
	codes, _, err := ReadCodes(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(codes) < 2800 || codes[0] != "A70301" {
		t.Errorf("%d codes, first %v", len(codes), codes[:min(len(codes), 3)])
	}
}

func TestIsDescription(t *testing.T) {
	en, err := os.ReadFile("../testdata/real/en_S20515.txt")
	if err != nil {
		t.Fatal(err)
	}
	latin1 := bytes.ReplaceAll(pageOf(t, "A72213"), []byte("ä"), []byte{0xe4})
	for _, tc := range []struct {
		name, code string
		page       []byte
		err        string // "" for a description
	}{
		{"reference", "A72213", pageOf(t, "A72213"), ""},
		{"English text copy", "S20515", en, ""},
		{"Windows-1252 bytes", "A72213", latin1, ""},
		{"another project", "A99999", pageOf(t, "A72213"), "the page is the description of A72213, not of A99999"},
		{"empty", "A72213", nil, "the file is empty"},
		{"error page", "A72213", []byte("<html><body><h1>Virhe</h1><p>Hanketta A72213 ei löytynyt.</p></body></html>"), "an HTML page whose text holds no known heading"},
		{"login page", "A72213", []byte("<html><body><h1>Kirjaudu</h1><form><p>Käyttäjätunnus: <input name=u></p><p>Salasana: <input type=password name=pw></p></form></body></html>"), "an HTML page whose text holds no known heading"},
		{"no code", "A72213", []byte(strings.Replace(string(pageOf(t, "A72213")), "Hankekoodi: A72213", "Hankekoodi:", 1)), "names no project code"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := IsDescription(tc.code, tc.page)
			switch {
			case tc.err == "" && err != nil:
				t.Errorf("refused: %v", err)
			case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
				t.Errorf("err %v, want %q", err, tc.err)
			}
		})
	}
}
