package projectlist

import (
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/asectl/asectl/model"
	"github.com/asectl/asectl/validate"
)

func validateConfig() validate.Config {
	return validate.Config{Today: model.Date{Year: 2017, Month: time.January, Day: 1}}
}

const header2007 = "Koodi,Rahasto,Projektin nimi,Ohjelma / osio,Tl,Viranomainen,Toiminnan tila,Aloituspvm,Päättymispvm,Toteuttajan nimi,Myönnetty EU- ja valtion rahoitus,Toteutunut EU- ja valtion rahoitus,Suunniteltu julkinen rahoitus yhteensä,Toteutunut julkinen rahoitus yhteensä"

func TestCheck(t *testing.T) {
	for _, tc := range []struct {
		name, header, line string
		cfg                func(*validate.Config)
		want               []string // "rule@col"
	}{
		{"clean", header2014, "A70001,EAKR,Hanke,2,Lapin liitto,Toiminnassa,1.1.2015,31.12.2017,Oy Ab,100,50,200,80", nil, nil},
		{"code", header2014, "X70001,EAKR,Hanke,2,Lapin liitto,Toiminnassa,1.1.2015,31.12.2017,Oy Ab,100,50,200,80", nil, []string{"project-code@1"}},
		{"code vs fund", header2014, "S70001,EAKR,Hanke,2,Lapin liitto,Toiminnassa,1.1.2015,31.12.2017,Oy Ab,100,50,200,80", nil, []string{"project-code@1"}},
		{"axis of the other fund", header2014, "A70001,EAKR,Hanke,3,Lapin liitto,Toiminnassa,1.1.2015,31.12.2017,Oy Ab,100,50,200,80", nil, []string{"priority-axis@19"}},
		{"status", header2014, "A70001,EAKR,Hanke,2,Lapin liitto,Valmis,1.1.2015,31.12.2017,Oy Ab,100,50,200,80", nil, []string{"project-status@34"}},
		{"period order", header2014, "A70001,EAKR,Hanke,2,Lapin liitto,Toiminnassa,1.1.2017,31.12.2015,Oy Ab,100,50,200,80", nil,
			[]string{"status-vs-period@34", "period-order@46"}},
		{"period 2014", header2014, "A70001,EAKR,Hanke,2,Lapin liitto,Toiminnassa,1.1.2013,31.12.2024,Oy Ab,100,50,200,80", nil,
			[]string{"period-in-programme@46", "period-in-programme@55"}},
		{"invalid date", header2014, "A70001,EAKR,Hanke,2,Lapin liitto,Toiminnassa,31.2.2015,31.12.2017,Oy Ab,100,50,200,80", nil, []string{"invalid-date@46"}},
		{"funding", header2014, "A70001,EAKR,Hanke,2,Lapin liitto,Toiminnassa,1.1.2015,31.12.2017,Oy Ab,300,400,200,350", nil,
			[]string{"funding-granted-vs-planned@72", "funding-realised-eu-vs-public@76", "funding-realised-vs-granted@76", "funding-realised-vs-planned@84"}},
		{"ended without realised", header2014, "A70001,EAKR,Hanke,2,Lapin liitto,Toiminta päättynyt,1.1.2015,31.12.2015,Oy Ab,100,,200,", nil,
			[]string{"funding-missing-realised@83"}},
		{"list-row", header2014, "A70001,EAKR,Hanke,2,Lapin liitto,Toiminnassa,4251,31.12.2015,Oy Ab,100,50,200,80", nil, []string{"list-row@46"}},
		{"list-row off", header2014, "A70001,EAKR,Hanke,2,Lapin liitto,Toiminnassa,4251,31.12.2015,Oy Ab,100,50,200,80",
			func(c *validate.Config) { c.Off = map[string]bool{"list-row": true} }, nil},
		{"2007 eligibility and axis", header2007, "S11001,ESR,Hanke,Valtakunnallinen osio,7,Lapin liitto,Toiminta päättynyt,1.1.2006,31.12.2016,Oy Ab,100,50,200,80", nil,
			[]string{"period-in-programme@74", "period-in-programme@83"}},
		{"2007 eligible", header2007, "S11001,ESR,Hanke,Valtakunnallinen osio,7,Lapin liitto,Toiminta päättynyt,1.1.2008,31.12.2015,Oy Ab,100,50,200,80", nil, nil},
		{"severity and off from config", header2014, "A70001,EAKR,Hanke,3,Lapin liitto,Valmis,1.1.2015,31.12.2017,Oy Ab,100,50,200,80",
			func(c *validate.Config) {
				c.Off = map[string]bool{"priority-axis": true}
				c.Severity = map[string]validate.Severity{"project-status": validate.Info}
			}, []string{"project-status@34:info"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := validateConfig()
			if tc.cfg != nil {
				tc.cfg(&cfg)
			}
			chk := NewChecker(cfg)
			var got []string
			_, err := Scan("t.csv", []byte(tc.header+"\n"+tc.line+"\n"), "", func(r *Row) error {
				for _, x := range chk.Check(r) {
					if x.Pos.Line != 2 {
						t.Errorf("%s at line %d", x.Rule, x.Pos.Line)
					}
					s := fmt.Sprintf("%s@%d", x.Rule, x.Pos.Col)
					if x.Severity != validate.Lookup(x.Rule).Severity && x.Rule != "invalid-date" {
						s += ":" + x.Severity.String()
					}
					got = append(got, s)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got  %v\nwant %v", got, tc.want)
			}
		})
	}
}

// TestCheckDuplicate: a row whose project code an earlier row of the same
// list has is list-duplicate (warning) at its code, naming the first row's
// line. Before, a repeated code went without a word.
func TestCheckDuplicate(t *testing.T) {
	const (
		a1 = "A70001,EAKR,Hanke,2,Lapin liitto,Toiminnassa,1.1.2015,31.12.2017,Oy Ab,100,50,200,80"
		a2 = "A70002,EAKR,Toinen,2,Lapin liitto,Toiminnassa,1.1.2015,31.12.2017,Oy Ab,100,50,200,80"
		// The same code again, one date changed; and quoted whole, the code a column further.
		a1b    = "A70001,EAKR,Hanke,2,Lapin liitto,Toiminnassa,1.1.2015,30.9.2019,Oy Ab,100,50,200,80"
		a1q    = `"A70001,EAKR,Hanke,2,Lapin liitto,Toiminnassa,1.1.2015,31.12.2017,Oy Ab,100,50,200,80"`
		a1bad  = "A70001,EAKR,Hanke,2,Lapin liitto,Toiminnassa,4251,31.12.2015,Oy Ab,100,50,200,80" // not split
		header = header2014 + "\n"
	)
	for _, tc := range []struct {
		name string
		rows []string
		cfg  func(*validate.Config)
		want []string // "line:col rule severity message" of list-duplicate findings
	}{
		{"unique", []string{a1, a2}, nil, nil},
		{"twice", []string{a1, a2, a1b}, nil, []string{"4:1 list-duplicate warning project code A70001 appears again: line 2 has it first"}},
		{"three times", []string{a1, a1b, a1}, nil, []string{
			"3:1 list-duplicate warning project code A70001 appears again: line 2 has it first",
			"4:1 list-duplicate warning project code A70001 appears again: line 2 has it first"}},
		{"quoted row", []string{a1, a1q}, nil, []string{"3:2 list-duplicate warning project code A70001 appears again: line 2 has it first"}},
		// A row that does not split has list-row only, and is no first row.
		{"a row not split", []string{a1bad, a1, a1bad}, nil, nil},
		{"off", []string{a1, a1b}, func(c *validate.Config) { c.Off = map[string]bool{"list-duplicate": true} }, nil},
		{"severity", []string{a1, a1b}, func(c *validate.Config) { c.Severity = map[string]validate.Severity{"list-duplicate": validate.Error} },
			[]string{"3:1 list-duplicate error project code A70001 appears again: line 2 has it first"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := validateConfig()
			if tc.cfg != nil {
				tc.cfg(&cfg)
			}
			chk := NewChecker(cfg)
			got := checkRules(t, chk, "t.csv", header+strings.Join(tc.rows, "\n")+"\n", "list-duplicate")
			if !slices.Equal(got, tc.want) {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
	// One Checker over two lists (asectl export reads several): a code is
	// repeated within a list only.
	chk := NewChecker(validateConfig())
	for _, name := range []string{"a.csv", "b.csv", "b.csv"} {
		if got := checkRules(t, chk, name, header+a1+"\n"+a2+"\n", "list-duplicate"); len(got) != 0 {
			t.Errorf("%s: %q", name, got)
		}
	}
}

// checkRules scans src with chk and returns its findings of rule.
func checkRules(t *testing.T, chk *Checker, name, src, rule string) []string {
	t.Helper()
	var got []string
	_, err := Scan(name, []byte(src), "", func(r *Row) error {
		for _, x := range chk.Check(r) {
			if x.Pos.Line != r.Line {
				t.Errorf("%s at line %d, its row's is %d", x.Rule, x.Pos.Line, r.Line)
			}
			if x.Rule == rule {
				got = append(got, fmt.Sprintf("%s %s %s %s", x.Pos, x.Rule, x.Severity, x.Message()))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// TestCheckSharedFiles: the real lists check without a finding off its row.
func TestCheckSharedFiles(t *testing.T) {
	for _, path := range []string{file2014, file2007} {
		src := readFile(t, path)
		chk := NewChecker(validateConfig())
		counts := map[string]int{}
		_, err := Scan(path, src, "", func(r *Row) error {
			for _, x := range chk.Check(r) {
				if x.Pos.Line != r.Line || x.Pos.Col < 1 {
					t.Errorf("%v off row %d", x, r.Line)
				}
				counts[x.Rule]++
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if path == file2014 && counts["list-row"] != 15 || path == file2007 && counts["list-row"] != 0 {
			t.Errorf("%s: %v", path, counts)
		}
		t.Logf("%s: %v", path, counts)
	}
}

// bigList is a 2007–2013 list of n rows made from the excerpt's rows, in
// Windows-1252 as the real export. Each copy of a row gets a code of its
// own (the excerpt's S11078–S11832, plus 1,000 a copy), as in the real list,
// where a repeated code is a fault (list-duplicate).
func bigList(tb testing.TB, n int) []byte {
	src, err := os.ReadFile(file2007)
	if err != nil {
		tb.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(string(src), "\n"), "\n")
	rows := lines[1:]
	var b strings.Builder
	b.WriteString(lines[0] + "\n")
	for i := 0; i < n; i++ {
		row := rows[i%len(rows)]
		code, err := strconv.Atoi(row[1:6])
		if err != nil || code+i/len(rows)*1000 > 99999 {
			tb.Fatalf("row %q: cannot make a code of its own", row)
		}
		fmt.Fprintf(&b, "%c%05d%s\n", row[0], code+i/len(rows)*1000, row[6:])
	}
	return []byte(b.String())
}

// TestBigListCodes: the benchmark's list has a code per row, as the real
// one, so that it measures checking rows, not reporting copies.
func TestBigListCodes(t *testing.T) {
	chk := NewChecker(validateConfig())
	got := checkRules(t, chk, "big.csv", string(bigList(t, 20000)), "list-duplicate")
	if len(got) != 0 {
		t.Errorf("%d list-duplicate findings, first %s", len(got), got[0])
	}
}

// BenchmarkReadValidate20000 reads and checks a 20,000-row list, the size
// of the whole 2007–2013 export (target: at most 0.5 s).
func BenchmarkReadValidate20000(b *testing.B) {
	src := bigList(b, 20000)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		chk := NewChecker(validateConfig())
		findings := 0
		l, err := Scan("big.csv", src, "", func(r *Row) error {
			findings += len(chk.Check(r))
			return nil
		})
		if err != nil || l.Rows != 20000 {
			b.Fatal(err, l)
		}
	}
}

func TestDescription(t *testing.T) {
	for _, tc := range []struct {
		header, line string
		axis         bool
	}{
		{header2014, "A70001,EAKR,Hanke,2,Lapin liitto,Toiminnassa,1.1.2015,31.12.2017,Oy Ab,100,50,200,80", true},
		{header2007, "S11001,ESR,Hanke,Valtakunnallinen osio,2,Lapin liitto,Toiminta päättynyt,1.1.2008,31.12.2015,Oy Ab,100,50,200,80", false},
	} {
		_, rows, err := Read("l.csv", []byte(tc.header+"\n\n"+tc.line+"\n"), "")
		if err != nil || len(rows) != 1 {
			t.Fatal(err, rows)
		}
		d := rows[0].Description()
		if d.Source != "l.csv:3" || d.Kind != "description" || d.Project.Code.Value != rows[0].Project.Code.Value ||
			d.Funding != rows[0].Funding || d.Applicant.Name.Value != "Oy Ab" || d.Project.PriorityAxis.Number.Valid != tc.axis {
			t.Errorf("%+v", d)
		}
	}
	_, rows, _ := Read("l.csv", []byte(header2014+"\nA70001,EAKR,x\n"), "")
	if rows[0].Description() != nil {
		t.Error("a row not split has a description")
	}
}
