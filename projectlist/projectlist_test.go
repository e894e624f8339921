package projectlist

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/asectl/asectl/internal/golden"
	"github.com/asectl/asectl/model"
)

var update = flag.Bool("update", false, "rewrite the golden files")

const (
	file2014 = "../testdata/projectlist/projektilista_2014-2020.csv"
	file2007 = "../testdata/projectlist/projektilista_2007-2013_excerpt.csv"
)

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// dataLines counts the non-blank lines after the header, independently of
// Scan.
func dataLines(src []byte) int {
	n := 0
	for i, l := range bytes.Split(src, []byte("\n")) {
		if i > 0 && len(bytes.Trim(l, " \t\r;,")) > 0 {
			n++
		}
	}
	return n
}

// TestSharedFiles reads both real exports: every data line is one record,
// read or reported with its line; the rows reported are exactly the ones a
// person reading the file finds shifted (see SOURCE.md).
func TestSharedFiles(t *testing.T) {
	for _, tc := range []struct {
		path, programme, encoding string
		rows                      int
		failed                    []int // lines
	}{
		{file2014, Programme2014, "utf-8", 2881, []int{56, 60, 67, 79, 109, 124, 148, 153, 171, 192, 947, 955, 990, 991, 1048}},
		{file2007, Programme2007, "windows-1252", 600, nil},
	} {
		t.Run(filepath.Base(tc.path), func(t *testing.T) {
			src := readFile(t, tc.path)
			l, rows, err := Read("x.csv", src, "")
			if err != nil {
				t.Fatal(err)
			}
			if l.Programme != tc.programme || l.Encoding != tc.encoding {
				t.Errorf("programme %s, encoding %s; want %s, %s", l.Programme, l.Encoding, tc.programme, tc.encoding)
			}
			if n := dataLines(src); len(rows) != n || l.Rows != n || n != tc.rows {
				t.Errorf("%d records, List.Rows %d, %d data lines; want %d", len(rows), l.Rows, n, tc.rows)
			}
			var failed []int
			lines := strings.Split(decodeFor(t, src, tc.encoding), "\n")
			for _, r := range rows {
				if r.Line < 2 || r.Line > len(lines) {
					t.Fatalf("row line %d out of range", r.Line)
				}
				if r.Err != nil {
					failed = append(failed, r.Line)
					if r.Raw != lines[r.Line-1] || r.ErrCol < 1 {
						t.Errorf("line %d: raw %q col %d; want the line and a column", r.Line, r.Raw, r.ErrCol)
					}
					continue
				}
				if !strings.Contains(lines[r.Line-1], r.Project.Code.Value) {
					t.Errorf("line %d: code %q is not on its line", r.Line, r.Project.Code.Value)
				}
				for _, f := range []model.Text{r.Fund, r.Project.Code, r.Project.Name, r.Project.PriorityAxis.Number, r.Project.Authority, r.Project.Status, r.Applicant.Name} {
					if !f.Valid || f.Value == "" || f.Pos.Line != r.Line || f.Pos.Col < 1 {
						t.Errorf("line %d: a text column is not read with its place: %+v", r.Line, f)
					}
				}
				if (tc.programme == Programme2007) != r.Part.Valid {
					t.Errorf("line %d: programme part %+v", r.Line, r.Part)
				}
			}
			if !slices.Equal(failed, tc.failed) {
				t.Errorf("rows not split: %v\nwant %v", failed, tc.failed)
			}
			if l.Failed != len(tc.failed) {
				t.Errorf("List.Failed = %d", l.Failed)
			}
		})
	}
}

func decodeFor(t *testing.T, src []byte, enc string) string {
	if enc == "windows-1252" {
		b, err := charmap.Windows1252.NewDecoder().Bytes(src)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	return string(src)
}

// TestAmountsIndependent checks every row's four amounts against a reading
// that shares no code with the splitter: the line's last four numeric cells
// after the debris, converted through float64 and rounded to cents.
func TestAmountsIndependent(t *testing.T) {
	for _, path := range []string{file2014, file2007} {
		src := readFile(t, path)
		_, rows, err := Read("x", src, "")
		if err != nil {
			t.Fatal(err)
		}
		text := string(src)
		if path == file2007 {
			text = decodeFor(t, src, "windows-1252")
		}
		lines := strings.Split(text, "\n")
		var sum, want [4]int64
		checked := 0
		for _, r := range rows {
			if r.Err != nil {
				continue
			}
			line := strings.TrimRight(lines[r.Line-1], "\r;, \"")
			cells := strings.Split(line, ",")
			tail := cells[len(cells)-4:]
			if path == file2014 && r.Line == 57 {
				// The one row whose last amount is blank: three amounts
				// and the blank that the trim above took as debris.
				tail = append(cells[len(cells)-3:], "")
			}
			got := [4]model.Field[model.Fixed2]{r.Funding.EUStateGranted, r.Funding.EUStateRealised, r.Funding.PublicPlanned, r.Funding.PublicRealised}
			for k, c := range tail {
				c = strings.TrimSpace(c)
				if c == "" {
					if got[k].Valid {
						t.Errorf("%s:%d: amount %d is %s, the cell is blank", path, r.Line, k, got[k].Value)
					}
					continue
				}
				f, err := strconv.ParseFloat(c, 64)
				if err != nil {
					t.Fatalf("%s:%d: independent reading of %q: %v", path, r.Line, c, err)
				}
				cents := int64(math.Round(f * 100))
				if !got[k].Valid || int64(got[k].Value) != cents {
					t.Errorf("%s:%d: amount %d is %v, independently %d cents", path, r.Line, k, got[k], cents)
				}
				sum[k] += int64(got[k].Value)
				want[k] += cents
			}
			checked++
		}
		if sum != want || checked < len(rows)-15 {
			t.Errorf("%s: sums %v, independently %v (%d rows checked)", path, sum, want, checked)
		}
		t.Logf("%s: %d rows, sums in cents %v", filepath.Base(path), checked, sum)
	}
}

func TestGolden(t *testing.T) {
	for _, name := range []string{"faults_2014-2020.csv", "sample_2007-2013.csv"} {
		t.Run(name, func(t *testing.T) {
			src := readFile(t, "../testdata/projectlist/"+name)
			_, rows, err := Read("testdata/projectlist/"+name, src, "")
			if err != nil {
				t.Fatal(err)
			}
			js, err := json.MarshalIndent(rows, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			base := "../testdata/golden/projectlist/" + strings.TrimSuffix(name, ".csv")
			golden.Check(t, base+".json", append(js, '\n'), *update)
			var b bytes.Buffer
			w := NewCSV(&b, false)
			for i := range rows {
				if err := w.Write(&rows[i]); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, base+".csv", b.Bytes(), *update)
			// The CSV reads back strictly (RFC 4180) with a fixed width.
			recs, err := csv.NewReader(&b).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if len(recs) != len(rows)+1 {
				t.Errorf("%d CSV records for %d rows", len(recs), len(rows))
			}
		})
	}
}

// TestJSONKeys holds a row's keys to the description's where they mean the
// same, and AppendJSON to valid JSON.
func TestJSONKeys(t *testing.T) {
	src := readFile(t, "../testdata/projectlist/faults_2014-2020.csv")
	_, rows, err := Read("f.csv", src, "")
	if err != nil {
		t.Fatal(err)
	}
	var row, doc map[string]any
	if err := json.Unmarshal(rows[0].AppendJSON(nil), &row); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(model.New("x").AppendJSON(nil), &doc); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"version", "kind", "source", "error", "fund", "project.code", "project.name", "project.priority_axis.number",
		"project.period.start", "project.period.end", "project.status", "project.state", "project.authority", "applicant.name",
		"funding.eu_state_granted", "funding.eu_state_realised", "funding.public_planned", "funding.public_realised"} {
		if _, ok := lookup(row, path); !ok {
			t.Errorf("row has no %s", path)
		}
		if _, ok := lookup(doc, path); !ok {
			t.Errorf("description has no %s", path)
		}
	}
	if row["kind"] != Kind || doc["kind"] != model.KindDescription {
		t.Errorf("kinds %v, %v", row["kind"], doc["kind"])
	}
	for i := range rows {
		if !json.Valid(rows[i].AppendJSON(nil)) {
			t.Errorf("row %d: invalid JSON", i)
		}
	}
}

func lookup(m map[string]any, path string) (any, bool) {
	var v any = m
	for _, k := range strings.Split(path, ".") {
		mm, ok := v.(map[string]any)
		if !ok {
			return nil, false
		}
		if v, ok = mm[k]; !ok {
			return nil, false
		}
	}
	return v, true
}

const header2014 = "Koodi,Rahasto,Hankkeen nimi,Tl,Viranomainen,Tila,Aloituspvm,Päättymispvm,Toteuttajan nimi,Myönnetty EU- ja valtion rahoitus,Toteutunut EU- ja valtion rahoitus,Suunniteltu julkinen rahoitus yhteensä,Toteutunut julkinen rahoitus yhteensä"

func TestSplit(t *testing.T) {
	type want struct {
		name, axis, authority, status, start, end, applicant string
		amounts                                              [4]string // "" for blank
		repairs                                              []string
		err                                                  string // part of the message
	}
	ok := want{name: "Hanke", axis: "2", authority: "Lapin liitto", status: "Toiminnassa", start: "2015-01-01", end: "2016-12-31",
		applicant: "Oy Ab", amounts: [4]string{"100", "50", "200", "80"}}
	with := func(f func(*want)) want { w := ok; f(&w); return w }
	for _, tc := range []struct {
		name, line string
		want       want
	}{
		{"plain", "A70001,EAKR,Hanke,2,Lapin liitto,Toiminnassa,1.1.2015,31.12.2016,Oy Ab,100,50,200,80", ok},
		{"debris ;", "A70001,EAKR,Hanke,2,Lapin liitto,Toiminnassa,1.1.2015,31.12.2016,Oy Ab,100,50,200,80;", ok},
		{"debris ,,;", "A70001,EAKR,Hanke,2,Lapin liitto,Toiminnassa,1.1.2015,31.12.2016,Oy Ab,100,50,200,80,,;", ok},
		{"debris , ,;", "A70001,EAKR,Hanke,2,Lapin liitto,Toiminnassa,1.1.2015,31.12.2016,Oy Ab,100,50,200,80, ,;", ok},
		{"debris ,,,;", "A70001,EAKR,Hanke,2,Lapin liitto,Toiminnassa,1.1.2015,31.12.2016,Oy Ab,100,50,200,80,,,;\r", ok},
		{"commas in every text column",
			"A70001,EAKR,Hanke, vaihe 2,2,Pohjois-Pohjanmaan elinkeino-, liikenne- ja ympäristökeskus,Toiminnassa,1.1.2015,31.12.2016,Oy Ab, osasto,100,50,200,80",
			with(func(w *want) {
				w.name, w.authority, w.applicant = "Hanke, vaihe 2", "Pohjois-Pohjanmaan elinkeino-, liikenne- ja ympäristökeskus", "Oy Ab, osasto"
			})},
		{"authority comma lost",
			"A70001,EAKR,Hanke,2,Hämeen elinkeino-  liikenne- ja ympäristökeskus,Toiminnassa,1.1.2015,31.12.2016,Oy Ab,100,50,200,80",
			with(func(w *want) {
				w.authority, w.repairs = "Hämeen elinkeino-, liikenne- ja ympäristökeskus", []string{"authority-comma"}
			})},
		{"decimals and blanks",
			"A70001,EAKR,Hanke,2,Lapin liitto,Toiminnassa,1.1.2015,,Oy Ab,100.5,40196.99, ,0",
			with(func(w *want) { w.end, w.amounts = "", [4]string{"100.5", "40196.99", "", "0"} })},
		{"blank last amount", "A70001,EAKR,Hanke,2,Lapin liitto,Toiminnassa,1.1.2015,31.12.2016,Oy, Ab,100,50,200,,;",
			with(func(w *want) { w.applicant, w.amounts = "Oy, Ab", [4]string{"100", "50", "200", ""} })},
		{"whole row quoted",
			`"A70499,EAKR,""Musculo""""-hieronta,2,Lapin liitto,Toiminnassa,1.1.2015,31.12.2016,Oy Ab,100,50,200,80";`,
			with(func(w *want) { w.name, w.repairs = `"Musculo"-hieronta`, []string{"quoted"} })},
		{"properly quoted cells",
			`A70001,EAKR,"Hanke, ""uusi""",2,Lapin liitto,"Toiminnassa","1.1.2015",31.12.2016,"Oy, Ab","100",50,200,80`,
			with(func(w *want) { w.name, w.applicant = `Hanke, "uusi"`, "Oy, Ab" })},
		{"name mark and moved part",
			"A70423,EAKR,Kasvun | kilpailukyvyn,2, sekä edistäminen Keski-Suomen elinkeino-  liikenne- ja ympäristökeskus,Toiminnassa,1.1.2015,31.12.2016,Oy Ab,100,50,200,80,,;",
			with(func(w *want) {
				w.name, w.authority = "Kasvun, kilpailukyvyn, sekä edistäminen", "Keski-Suomen elinkeino-, liikenne- ja ympäristökeskus"
				w.repairs = []string{"name-mark", "authority-comma", "moved-name-part"}
			})},
		{"moved name part and one date",
			"A70423,EAKR,Kasvun | kilpailukyvyn,1, sekä edistäminen Keski-Suomen elinkeino-  liikenne- ja ympäristökeskus,Toiminnassa,31.12.2016,,SAUPLAST OY,68220,25298,68220,25298,,;",
			want{err: `the start date column holds "31.12.2016" and the end date column is blank in a row whose name part was moved`}},
		{"serial date",
			"A70001,EAKR,Hanke,2,Lapin liitto,Toiminnassa,42005,31.12.2016,Oy Ab,100,50,200,80",
			with(func(w *want) { w.repairs = []string{"serial-date"} })},
		{"serial date that is an amount",
			"A70470,EAKR,Vienti | tuotekehitys 2016,1, Hämeen elinkeino- liikenne- ja ympäristökeskus,Toiminnassa,41370,30.6.2017,MECATROPLAN OY, ,41370,12409,41370, ,;",
			want{err: `the start date column holds "41370", which is also one of the row's amounts`}},
		{"amount in a date column",
			"A70359,EAKR,Toranda | vaihe2,1, Lapin liitto,Toiminnassa,425180,31.12.2015,H-EQUITY OY, ,425180,425180,425180, ,;",
			want{err: `the start date column holds "425180", not a date`}},
		{"date in an amount column",
			"A70355,EAKR,Laser,1,Lapin liitto,Toiminnassa,31.12.2015,31.12.2015,AIMO OY,100000,15.10.2014, 100000,93277,, ;",
			want{err: `holds "15.10.2014", not an amount`}},
		{"ambiguous axis", "A70001,EAKR,Vaihe,2,jatko,1,Lapin liitto,Toiminnassa,1.1.2015,31.12.2016,Oy Ab,100,50,200,80",
			want{err: "can be split in 2 ways"}},
		{"no status", "A70001,EAKR,Hanke,2,Lapin liitto,Valmis,1.1.2015,31.12.2016x,Oy Ab,100,50,200,80",
			want{err: "no status column"}},
		{"unknown status anchored by dates",
			"A70001,EAKR,Hanke,2,Lapin liitto,Valmis,1.1.2015,31.12.2016,Oy Ab,100,50,200,80",
			with(func(w *want) { w.status = "Valmis" })},
		{"no axis", "A70001,EAKR,Hanke,Lapin liitto,Toiminnassa,1.1.2015,31.12.2016,Oy Ab,100,50,200,80,7",
			want{err: "no priority axis number"}},
		{"no fund", "A70001,EU,Hanke,2,Lapin liitto,Toiminnassa,1.1.2015,31.12.2016,Oy Ab,100,50,200,80",
			want{err: "not a fund"}},
		{"too short", "A70001,EAKR,Hanke,2", want{err: "the row has 4 columns"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, rows, err := Read("t.csv", []byte(header2014+"\n"+tc.line+"\n"), "")
			if err != nil || len(rows) != 1 {
				t.Fatalf("%d rows, %v", len(rows), err)
			}
			r := rows[0]
			if tc.want.err != "" {
				if r.Err == nil || !strings.Contains(r.Err.String(), tc.want.err) {
					t.Fatalf("error %v; want one containing %q (row %+v)", r.Err, tc.want.err, r)
				}
				if r.Raw != strings.TrimSuffix(tc.line, "\r") || r.Line != 2 {
					t.Errorf("raw %q line %d", r.Raw, r.Line)
				}
				return
			}
			if r.Err != nil {
				t.Fatalf("error %v", r.Err)
			}
			date := func(f model.Field[model.Date]) string {
				if !f.Valid {
					return ""
				}
				return f.Value.String()
			}
			p := r.Project
			got := want{name: p.Name.Value, axis: p.PriorityAxis.Number.Value, authority: p.Authority.Value, status: p.Status.Value,
				start: date(p.Period.Start), end: date(p.Period.End), applicant: r.Applicant.Name.Value, repairs: r.Repairs}
			for k, a := range []model.Field[model.Fixed2]{r.Funding.EUStateGranted, r.Funding.EUStateRealised, r.Funding.PublicPlanned, r.Funding.PublicRealised} {
				if a.Valid {
					got.amounts[k] = a.Value.String()
				}
			}
			if got.start == "" && tc.want.start != "" || got.name != tc.want.name || got.axis != tc.want.axis || got.authority != tc.want.authority ||
				got.status != tc.want.status || got.end != tc.want.end || got.applicant != tc.want.applicant || got.amounts != tc.want.amounts ||
				!slices.Equal(got.repairs, tc.want.repairs) {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
			if tc.name == "serial date" && got.start != "2015-01-01" {
				t.Errorf("serial 42005 read as %s, want 2015-01-01", got.start)
			}
		})
	}
}

// TestPositions: columns count characters of the line, and a quoted row's
// columns are those of the line as it stands.
func TestPositions(t *testing.T) {
	line := "A70001,EAKR,Hämeen hanke,2,Lapin liitto,Toiminnassa,1.1.2015,31.12.2016,Öljy Oy,100,50,200,80"
	_, rows, _ := Read("t.csv", []byte(header2014+"\n\n"+line+"\n"), "")
	r := rows[0]
	col := func(s string) int { return len([]rune(line[:strings.Index(line, s)])) + 1 }
	for _, c := range []struct {
		f    model.Pos
		text string
	}{
		{r.Project.Code.Pos, "A70001"}, {r.Project.Name.Pos, "Hämeen"}, {r.Project.Status.Pos, "Toiminnassa"},
		{r.Applicant.Name.Pos, "Öljy"}, {r.Funding.PublicRealised.Pos, ",80"},
	} {
		want := model.Pos{Line: 3, Col: col(c.text)}
		if c.text == ",80" {
			want.Col++
		}
		if c.f != want {
			t.Errorf("%s at %v, want %v", c.text, c.f, want)
		}
	}
	q := `"A70001,EAKR,""X"" hanke,2,Lapin liitto,Toiminnassa,1.1.2015,31.12.2016,Oy,100,50,200,80";`
	_, rows, _ = Read("t.csv", []byte(header2014+"\n"+q), "")
	if got, want := rows[0].Applicant.Name.Pos.Col, strings.Index(q, ",Oy,")+2; got != want {
		t.Errorf("quoted row: applicant at column %d, want %d", got, want)
	}
}

func TestEncodings(t *testing.T) {
	src := []byte(header2014 + "\r\nA70001,EAKR,Hämeen hanke,2,Lapin liitto,Toiminta päättynyt,1.1.2015,31.12.2016,Öljy Oy,100,50,200,80\r\n")
	w1252, _ := charmap.Windows1252.NewEncoder().Bytes(src)
	u16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(src)
	// A UTF-8 export with rows added in a Windows-1252 program: each line is
	// read in its own encoding.
	mixed := append([]byte(header2014+"\r\n"), w1252[bytes.IndexByte(w1252, '\n')+1:]...)
	for name, b := range map[string][]byte{"utf-8": src, "bom": append([]byte("\xef\xbb\xbf"), src...), "windows-1252": w1252, "utf-16": u16, "mixed": mixed} {
		if !IsList(b) {
			t.Errorf("%s: not recognised", name)
		}
		_, rows, err := Read("t", b, "")
		if err != nil || len(rows) != 1 || rows[0].Err != nil {
			t.Fatalf("%s: %v %+v", name, err, rows)
		}
		r := rows[0]
		if r.Project.Name.Value != "Hämeen hanke" || r.Applicant.Name.Value != "Öljy Oy" || r.Project.State.Value != model.StateEnded {
			t.Errorf("%s: %q %q %q", name, r.Project.Name.Value, r.Applicant.Name.Value, r.Project.State.Value)
		}
	}
}

func TestNotList(t *testing.T) {
	for _, src := range []string{"", "Hankekoodi: A1\n", "Koodi,Rahasto,Nimi\nA1,EAKR,x\n"} {
		if _, _, err := Read("t", []byte(src), ""); !errors.Is(err, ErrNotList) {
			t.Errorf("%q: %v, want ErrNotList", src, err)
		}
	}
	if IsList([]byte("Hankekoodi,Rahasto")) {
		t.Error("IsList on another header")
	}
	quoted := `"Koodi", "Rahasto", "Hankkeen nimi","Tl","Viranomainen","Tila","Aloituspvm","Päättymispvm","Toteuttajan nimi","Myönnetty EU- ja valtion rahoitus","Toteutunut EU- ja valtion rahoitus","Suunniteltu julkinen rahoitus yhteensä","Toteutunut julkinen rahoitus yhteensä"` +
		"\n" + `"A70001","EAKR","Hanke, vaihe 2","2","Lapin liitto","Toiminnassa","1.1.2015","31.12.2016","Oy Ab","100","50","200","80"` + "\n"
	if !IsList([]byte(quoted)) {
		t.Error("a header with quoted cells is not recognised")
	}
	if _, rows, err := Read("q.csv", []byte(quoted), ""); err != nil || len(rows) != 1 || rows[0].Err != nil || rows[0].Project.Name.Value != "Hanke, vaihe 2" {
		t.Errorf("a properly quoted copy: %v %+v", err, rows)
	}
}

func FuzzScan(f *testing.F) {
	f.Add([]byte(header2014 + "\nA70001,EAKR,Hanke,2,Lapin liitto,Toiminnassa,1.1.2015,31.12.2016,Oy Ab,100,50,200,80\n"))
	for _, p := range []string{"../testdata/projectlist/faults_2014-2020.csv", "../testdata/projectlist/sample_2007-2013.csv"} {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	chk := NewChecker(validateConfig())
	f.Fuzz(func(t *testing.T, src []byte) {
		n := 0
		l, err := Scan("f", src, "", func(r *Row) error {
			n++
			if r.Err == nil && (!r.Project.Code.Valid || !r.Fund.Valid) {
				t.Fatalf("row %d split without code or fund", r.Line)
			}
			if r.Err != nil && strings.Trim(r.Raw, " \t;,") == "" {
				t.Fatalf("row %d: an error without the row's text", r.Line)
			}
			if b := r.AppendJSON(nil); !json.Valid(b) {
				t.Fatalf("row %d: invalid JSON %s", r.Line, b)
			}
			for _, x := range chk.Check(r) {
				if x.Pos.Line != r.Line || x.Pos.Col < 1 {
					t.Fatalf("finding %v off its row %d", x, r.Line)
				}
			}
			return nil
		})
		if err == nil && l.Rows != n {
			t.Fatalf("List.Rows %d, %d rows", l.Rows, n)
		}
	})
}

// TestCSVColumnsCopy: CSVColumns and Eligible2007 hand out values of their
// own; the header the writer prints is unchanged by a caller's edit.
func TestCSVColumnsCopy(t *testing.T) {
	cols := CSVColumns()
	want := slices.Clone(cols)
	cols[0] = "changed"
	if got := CSVColumns(); !slices.Equal(got, want) {
		t.Errorf("CSVColumns() after an edit of a copy: %v, want %v", got, want)
	}
	var b bytes.Buffer
	if err := NewCSV(&b, false).Close(); err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != strings.Join(want, ",")+"\r\n" {
		t.Errorf("header %q", got)
	}
	start, end := Eligible2007()
	if got := start.String() + " " + end.String(); got != "2007-01-01 2015-12-31" {
		t.Errorf("Eligible2007() = %s", got)
	}
}
