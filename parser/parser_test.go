package parser

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"

	"github.com/asectl/asectl/internal/golden"
	"github.com/asectl/asectl/model"
)

var update = flag.Bool("update", false, "rewrite golden files")

const sample = "../testdata/A72213.txt"

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return b
}

func mustParse(t testing.TB, name string, src []byte) *Result {
	t.Helper()
	res, err := Parse(name, src, Options{})
	require.NoError(t, err)
	return res
}

func toJSON(t testing.TB, d *model.Description) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	require.NoError(t, enc.Encode(d))
	return buf.Bytes()
}

// TestGolden parses every description under testdata and compares the JSON
// with testdata/golden/parse/<name>.json (go test ./parser -update rewrites).
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("../testdata/*.txt")
	real, _ := filepath.Glob("../testdata/real/*.txt")
	files = append(files, real...)
	require.NotEmpty(t, files)
	for _, f := range files {
		name := strings.TrimPrefix(filepath.ToSlash(f), "../")
		t.Run(name, func(t *testing.T) {
			res := mustParse(t, name, readFile(t, f))
			got := toJSON(t, res.Doc)
			var probs strings.Builder
			for _, p := range res.Problems {
				fmt.Fprintf(&probs, "%d:%d: %s [%s] %s\n", p.Pos.Line, p.Pos.Col, p.Msg, p.Rule, p.Field)
			}
			golden := filepath.Join("../testdata/golden/parse", strings.TrimSuffix(filepath.Base(f), ".txt"))
			compareGolden(t, golden+".json", got)
			compareGolden(t, golden+".problems", []byte(probs.String()))
		})
	}
}

func compareGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	golden.Check(t, path, got, *update)
}

// TestReferenceSample pins the values the JSON contract names.
func TestReferenceSample(t *testing.T) {
	res := mustParse(t, "testdata/A72213.txt", readFile(t, sample))
	assert.Empty(t, res.Problems)
	var got map[string]any
	require.NoError(t, json.Unmarshal(toJSON(t, res.Doc), &got))
	want := map[string]any{
		".source":                                             "testdata/A72213.txt",
		".language":                                           "fi",
		".fund":                                               "EAKR",
		".project.code":                                       "A72213",
		".project.priority_axis.number":                       "2",
		".project.specific_objective.number":                  "4.1",
		".project.period.start":                               "2016-02-13",
		".project.period.end":                                 "2018-03-15",
		".project.status":                                     "Toiminta päättynyt",
		".project.state":                                      "ended",
		".project.authority":                                  "Lapin liitto",
		".applicant.name":                                     "Lapin Yliopisto",
		".applicant.organisation_type":                        "Yliopisto",
		".applicant.business_id":                              "0292800-5",
		".applicant.address.street":                           "PL122",
		".applicant.address.postal_code":                      "96101",
		".applicant.address.city":                             "Rovaniemi",
		".applicant.phone":                                    "016341341",
		".applicant.website":                                  "http://www.ulapland.fi",
		".applicant.contact.name":                             "MALINEN HARRI JUHANI",
		".applicant.contact.title":                            "Erityisasiantuntija",
		".applicant.contact.email":                            "Harri.Malinen@ulapland.fi",
		".applicant.contact.phone":                            "0405720778",
		".applicant.applicants":                               nil,
		".funding.eu_state_granted":                           1551280.0,
		".funding.eu_state_realised":                          1481507.0,
		".funding.public_planned":                             1926333.0,
		".funding.public_realised":                            1840531.0,
		".area.site.street":                                   nil,
		".indicators.new_jobs.planned.total":                  6.0,
		".indicators.new_jobs.planned.women":                  2.0,
		".indicators.new_jobs.realised.total":                 0.0,
		".indicators.new_companies.planned.total":             0.0,
		".indicators.new_companies.realised.women":            0.0,
		".horizontal.gender_equality.context_analysis.answer": true,
		".horizontal.gender_equality.mainstreamed.answer":     true,
		".horizontal.gender_equality.main_goal.answer":        false,
		".horizontal.gender_equality.main_goal.justification": "Edellä mainittujen vastausten ja perusteluiden nojalla.",
	}
	for path, w := range want {
		assert.Equal(t, w, dig(got, path), path)
	}
	assert.Equal(t, []any{"Lappi"}, dig(got, ".area.regions"))
	assert.Equal(t, []any{"Rovaniemen", "Kemi-Tornion"}, dig(got, ".area.sub_regions"))
	assert.Equal(t, []any{"Rovaniemi", "Tornio", "Ranua", "Kemi"}, dig(got, ".area.municipalities"))
	assert.Equal(t, []any{}, dig(got, ".applicant.co_implementers"))
	assert.Equal(t, []any{}, dig(got, ".applicant.transfer_recipients"))

	scores := res.Doc.Horizontal.Sustainability
	require.Len(t, scores, 15)
	assert.Equal(t, "Ekologinen kestävyys", scores[0].Group.Value)
	assert.Equal(t, "Luonnonvarojen käytön kestävyys", scores[0].Criterion.Value)
	assert.Equal(t, 8, scores[0].Direct.Value)
	assert.Equal(t, 9, scores[0].Indirect.Value)
	assert.Equal(t, "Ympäristöosaaminen", scores[14].Criterion.Value)
	assert.Equal(t, "Sosiaalinen ja kulttuurinen kestävyys sekä yhdenvertaisuus", scores[14].Group.Value)

	assert.True(t, strings.HasPrefix(res.Doc.Summary.Value, "Arctic Smartness Exellence (ASE) -hanke"))
	assert.True(t, strings.HasSuffix(res.Doc.Summary.Value, "* http://www.lappi.fi/lapinliitto/arctic-smartness-portfolio"))
	assert.Contains(t, res.Doc.Summary.Value, "yrityskoon kasvuun.\n- luo")
	assert.Contains(t, res.Doc.Summary.Value, "innovaatiopotentiaalia.\n\nASE-hankkeen viisi")
	assert.True(t, strings.HasPrefix(res.Doc.FinalReport.Value, "Arctic Smartness Excellence (ASE) -hanke toteutti"))

	// Positions: line and character column of values.
	assert.Equal(t, model.Pos{Line: 7, Col: 13}, res.Doc.Project.Code.Pos)
	assert.Equal(t, model.Pos{Line: 17, Col: 17}, res.Doc.Project.Status.Pos)
	assert.Equal(t, model.Pos{Line: 15, Col: 43}, res.Doc.Project.Period.Start.Pos)
	assert.Equal(t, model.Pos{Line: 15, Col: 64}, res.Doc.Project.Period.End.Pos)
	assert.Equal(t, model.Pos{Line: 80, Col: 36}, res.Doc.Funding.EUStateGranted.Pos)
	assert.Equal(t, model.Pos{Line: 92, Col: 26}, res.Doc.Area.SubRegions[1].Pos)
}

// dig follows a jq-like ".a.b" path through decoded JSON.
func dig(v any, path string) any {
	for _, k := range strings.Split(strings.TrimPrefix(path, "."), ".") {
		m, ok := v.(map[string]any)
		if !ok {
			return fmt.Sprintf("<no object at %s>", k)
		}
		if v, ok = m[k]; !ok {
			return fmt.Sprintf("<no key %s>", k)
		}
	}
	return v
}

// TestRealPagesHeader checks every real page's header fields against what
// its file name and the service's rules say.
func TestRealPagesHeader(t *testing.T) {
	files, _ := filepath.Glob("../testdata/real/*.txt")
	require.GreaterOrEqual(t, len(files), 40)
	codeRe := regexp.MustCompile(`([AS]\d{5})\.txt$`)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			d := mustParse(t, f, readFile(t, f)).Doc
			code := codeRe.FindStringSubmatch(f)[1]
			assert.Equal(t, code, d.Project.Code.Value)
			fund := map[byte]string{'A': "EAKR", 'S': "ESR"}[code[0]]
			assert.Equal(t, fund, d.Fund.Value)
			wantLang := "fi"
			if strings.HasPrefix(filepath.Base(f), "en_") {
				wantLang = "en"
			}
			assert.Equal(t, wantLang, d.Language)
			for name, f := range map[string]model.Text{
				"name": d.Project.Name, "axis": d.Project.PriorityAxis.Number, "axis name": d.Project.PriorityAxis.Name,
				"objective": d.Project.SpecificObjective.Number, "status": d.Project.Status, "state": d.Project.State,
				"authority": d.Project.Authority, "applicant": d.Applicant.Name, "business id": d.Applicant.BusinessID,
				"postal code": d.Applicant.Address.PostalCode, "contact": d.Applicant.Contact.Name, "summary": d.Summary,
			} {
				assert.True(t, f.Valid, "%s is missing", name)
			}
			assert.True(t, d.Project.Period.Start.Valid && d.Project.Period.End.Valid, "period")
			assert.Regexp(t, `^\d{7}-\d$`, d.Applicant.BusinessID.Value)
			for _, o := range d.Applicant.CoImplementers {
				assert.Regexp(t, `^\d{7}-\d$`, o.BusinessID.Value, o.Name.Value)
			}
		})
	}
}

// variants renders the same description in every encoding and form met in
// practice.
func variants(t *testing.T, src []byte) map[string][]byte {
	text := string(src)
	mustEnc := func(b []byte, err error) []byte {
		require.NoError(t, err)
		return b
	}
	utf16le := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder()
	utf16be := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder()
	out := map[string][]byte{
		"utf8":           src,
		"utf8-bom":       append([]byte("\ufeff"), src...),
		"utf16le-bom":    mustEnc(utf16le.Bytes(src)),
		"utf16be-bom":    mustEnc(utf16be.Bytes(src)),
		"crlf":           []byte(strings.ReplaceAll(text, "\n", "\r\n")),
		"cr":             []byte(strings.ReplaceAll(text, "\n", "\r")),
		"nfd":            []byte(norm.NFD.String(text)),
		"trailing-space": []byte(strings.ReplaceAll(text, "\n", "  \t\n")),
		"nbsp-thousands": []byte(strings.ReplaceAll(text, "1 551 280", "1\u00a0551\u00a0280")),
		"nnbsp":          []byte(strings.ReplaceAll(text, "1 481 507", "1\u202f481\u202f507")),
		"decimal-comma":  []byte(strings.ReplaceAll(text, "1 926 333", "1 926 333,00")),
		"decimal-point":  []byte(strings.ReplaceAll(text, "1 840 531", "1840531.00")),
		"typographic":    []byte(strings.ReplaceAll(text, "Hankkeen yhteyshenkilön", "Hankkeen  yhteyshenkilön")),
	}
	// Single-byte encodings only where the text fits them (the callers make
	// sure the reference sample does).
	if b, err := charmap.Windows1252.NewEncoder().Bytes(src); err == nil {
		out["windows-1252"] = b
	}
	if b, err := charmap.ISO8859_1.NewEncoder().Bytes(src); err == nil {
		out["iso-8859-1"] = b
	}
	return out
}

// TestEncodingsAndForms: the same description in every encoding and form
// gives byte-identical JSON apart from "source".
func TestEncodingsAndForms(t *testing.T) {
	for _, file := range []string{"../testdata/real/A74284.txt", "../testdata/real/en_S20515.txt", sample} {
		src := readFile(t, file)
		if file == sample {
			// Keep the comparison about encodings: the sample has an en dash
			// that Latin-1 cannot hold, so compare against its Latin-1 form.
			src = []byte(strings.NewReplacer("–", "-").Replace(string(src)))
		}
		want := toJSON(t, mustParse(t, "x", src).Doc)
		vs := variants(t, src)
		if file == sample {
			require.Contains(t, vs, "iso-8859-1")
			require.Contains(t, vs, "windows-1252")
		}
		for name, b := range vs {
			t.Run(filepath.Base(file)+"/"+name, func(t *testing.T) {
				res := mustParse(t, "x", b)
				assert.Equal(t, string(want), string(toJSON(t, res.Doc)))
				assert.Empty(t, problemsExcept(res.Problems), "problems")
			})
		}
	}
}

func problemsExcept(ps []Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, fmt.Sprintf("%v %s %s", p.Pos, p.Rule, p.Msg))
	}
	return out
}

func TestEncodingDetection(t *testing.T) {
	latin := []byte("Hankekoodi: A72213\nHankkeen nimi: P\xe4\xe4tt\xf6\n")
	text, enc, err := Decode(latin, "auto")
	require.NoError(t, err)
	assert.Equal(t, "windows-1252", enc)
	assert.Contains(t, text, "Päättö")

	_, _, err = Decode(latin, "utf-8")
	assert.ErrorIs(t, err, ErrEncoding)
	_, _, err = Decode(latin, "ebcdic")
	assert.ErrorIs(t, err, ErrEncoding)

	// Regression: a UTF-8 copy cut inside "ä" stayed UTF-8, not Windows-1252.
	cut := []byte("Hankekoodi: A72213\nHankkeen nimi: Pää")
	text, enc, err = Decode(cut[:len(cut)-1], "auto")
	require.NoError(t, err)
	assert.Equal(t, "utf-8", enc)
	assert.Equal(t, "Hankekoodi: A72213\nHankkeen nimi: Pä", text)

	le, _ := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().Bytes([]byte("Hankekoodi: A72213\n"))
	text, enc, err = Decode(le, "auto")
	require.NoError(t, err)
	assert.Equal(t, "utf-16le", enc)
	assert.Equal(t, "Hankekoodi: A72213\n", text)
}

// flatten drops the section headings and blank lines, as some copies do.
func flatten(t *testing.T, src string) string {
	var out []string
	for _, l := range strings.Split(src, "\n") {
		num, title, ok := splitHeading(strings.TrimSpace(l))
		if ok && headingMatches(Languages(), num, title) || strings.TrimSpace(l) == "" {
			continue
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// TestFlattenedSample: without headings and blank lines the fields of every
// section still land where they belong. Only the boundaries between free
// texts (3, 4.1, 4.2, 9) cannot be told apart.
func TestFlattenedSample(t *testing.T) {
	full := mustParse(t, "x", readFile(t, sample)).Doc
	res := mustParse(t, "x", []byte(flatten(t, string(readFile(t, sample)))))
	flat := res.Doc
	assert.Empty(t, problemsExcept(res.Problems))
	same := func(name string, a, b any) {
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		assert.JSONEq(t, string(ja), string(jb), name)
	}
	same("fund", full.Fund, flat.Fund)
	same("project", full.Project, flat.Project)
	same("applicant", full.Applicant, flat.Applicant)
	same("funding", full.Funding, flat.Funding)
	same("area", full.Area, flat.Area)
	same("indicators", full.Indicators, flat.Indicators)
	same("gender", full.Horizontal.GenderEquality, flat.Horizontal.GenderEquality)
	require.Len(t, flat.Horizontal.Sustainability, 15)
	for i, s := range full.Horizontal.Sustainability[:14] {
		same(s.Criterion.Value, s, flat.Horizontal.Sustainability[i])
	}
	assert.True(t, strings.HasPrefix(flat.Summary.Value, "Arctic Smartness Exellence"))
}

// TestCutShort: a copy cut after any line, or in the middle of one, parses
// without error once it has anything recognisable, and keeps what it has.
func TestCutShort(t *testing.T) {
	src := string(readFile(t, sample))
	full := mustParse(t, "x", []byte(src)).Doc
	for i := 0; i < len(src); i += 7 {
		cut := src[:i]
		res, err := Parse("x", []byte(cut), Options{})
		if err != nil {
			require.ErrorIs(t, err, ErrNotDescription, "cut at %d", i)
			require.Less(t, i, 200, "cut at %d: %v", i, err)
			continue
		}
		if strings.Contains(cut, "Y-tunnus: 0292800-5\n") {
			assert.Equal(t, full.Project, res.Doc.Project, "cut at %d", i)
			assert.Equal(t, "0292800-5", res.Doc.Applicant.BusinessID.Value, "cut at %d", i)
		}
	}
}

// Regressions found by FuzzRoundTrip.
func TestFieldValueIsNoHeader(t *testing.T) {
	src := "Euroopan sosiaalirahaston (ESR) rahoittaman hankkeen kuvaus\n1 Hanke\nHankekoodi: S20001\n" +
		"Erityistavoite: 6.1. Nuorten (ESR) rahoittaman hankkeen kuvaus\nVastuuviranomainen: X\n"
	res := mustParse(t, "x", []byte(src))
	assert.Empty(t, problemsExcept(res.Problems), "a value ending like a header does not start a second description")
	assert.Equal(t, "X", res.Doc.Project.Authority.Value)
}

func TestFieldsBeforeTheirHeading(t *testing.T) {
	src := "Suunnitelman mukainen toteutusaika: Alkaa 1.9.2022 ja päättyy 31.12.2023\n\n1 Hanke\n\nHankekoodi: S20001\n"
	res := mustParse(t, "x", []byte(src))
	assert.Equal(t, "S20001", res.Doc.Project.Code.Value)
	assert.False(t, res.Doc.Project.Period.Start.Valid, "the line before the heading is not section 1's")
	require.Len(t, res.Problems, 1)
	assert.Equal(t, RuleUnexpectedText, res.Problems[0].Rule)
	assert.Equal(t, 1, res.Problems[0].Pos.Line)
}

// Regression (FuzzRoundTrip): a header line after section 1 has begun
// starts a second description even when the first had no header.
func TestSecondHeaderWithoutFirst(t *testing.T) {
	src := "1 Hanke\nHankekoodi: S21732\n2 Hakijan perustiedot\nOsatoteuttajat\nX Oy, 2285733-9\n" +
		"Euroopan sosiaalirahaston (ESR) rahoittaman hankkeen kuvaus\n1 Hanke\nHankekoodi: S1\n"
	res := mustParse(t, "x", []byte(src))
	require.Len(t, res.Doc.Applicant.CoImplementers, 1)
	require.NotEmpty(t, res.Problems)
	assert.Equal(t, RuleMultipleDocs, res.Problems[0].Rule)
	assert.Equal(t, 6, res.Problems[0].Pos.Line)
	assert.Equal(t, "S21732", res.Doc.Project.Code.Value)
}

// The bracket test decides which lines may be header lines at all, so it
// must find the fund in any letter case and anywhere in the line.
func TestFundBracket(t *testing.T) {
	for _, tc := range []struct {
		in, fund string
	}{
		{"Euroopan aluekehitysrahaston (EAKR) rahoittaman hankkeen kuvaus", model.FundERDF},
		{"euroopan sosiaalirahaston (esr) rahoittaman", model.FundESF},
		{"the European Social Fund (Esf)", model.FundESF},
		{"(x) (ERDF)", model.FundERDF},
		{"(ESR) and then (EAKR)", model.FundESF},
		{"no bracket at all", ""},
		{"ends with an open (", ""},
		{"(EAKR", ""},
		{"( EAKR )", ""},
	} {
		fund, ok := fundBracket(tc.in)
		assert.Equal(t, tc.fund != "", ok, tc.in)
		assert.Equal(t, tc.fund, fund, tc.in)
	}
	// A header line worded differently is still found (the fallback).
	res := mustParse(t, "x", []byte("Euroopan sosiaalirahaston (ESR) tukeman hankkeen kuvaus\n\n1 Hanke\n\nHankekoodi: S20001\n"))
	assert.Equal(t, model.FundESF, res.Doc.Fund.Value)
	assert.True(t, res.Doc.FundFromHeader)
}

// Free text is copied from the input in one piece when the input holds it
// exactly; every other layout is joined line by line. Both give the text
// the format defines.
func TestFreeTextJoin(t *testing.T) {
	head := "1 Hanke\n\nHankekoodi: A72213\n\n2 Hakijan perustiedot\n\nHakija: X\n\n3 Suunnitelman mukainen tiivistelmä toteutuksesta\n\n"
	tail := "\n\n4 Hankkeen kohderyhmät\n"
	for _, tc := range []struct {
		name, text, want string
		view             bool // expected to be one piece of the input
	}{
		{"one line", "Yksi rivi.", "Yksi rivi.", true},
		{"lines", "Eka.\nToka.\nKolmas.", "Eka.\nToka.\nKolmas.", true},
		{"one blank line", "Eka.\n\nToka.", "Eka.\n\nToka.", true},
		{"indent of spaces", "Eka.\n  Toka.", "Eka.\n  Toka.", true},
		{"blank run", "Eka.\n\n\n\nToka.", "Eka.\n\nToka.", false},
		{"blank line of spaces", "Eka.\n   \nToka.", "Eka.\n\nToka.", false},
		{"trailing spaces", "Eka.   \nToka.", "Eka.\nToka.", false},
		{"indent of a tab", "Eka.\n\tToka.", "Eka.\n Toka.", false},
		{"crlf", "Eka.\r\nToka.", "Eka.\nToka.", false},
		{"control character", "Eka.\x01\nToka.", "Eka.\nToka.", false},
		{"decomposed", "Eka\u0308.\nToka.", "Ekä.\nToka.", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := []byte(head + tc.text + tail)
			res := mustParse(t, "x", src)
			got := res.Doc.Summary.Value
			assert.Equal(t, tc.want, got)
			// The summary's lines: after heading 3, before heading 4.
			p := &parser{src: string(src), lines: splitLines(string(src), nil, false)}
			first, last := 0, len(p.lines)-1
			for !strings.HasPrefix(p.lines[first].body, "3 ") {
				first++
			}
			for !strings.HasPrefix(p.lines[last].body, "4 ") {
				last--
			}
			for first++; p.lines[first].body == ""; first++ {
			}
			for last--; p.lines[last].body == ""; last-- {
			}
			_, inSource := p.inSource(first, last)
			assert.Equal(t, tc.view, inSource, "taken from the input in one piece")
		})
	}
}

// A text buffer keeps a window of the line table; a line out of turn (which
// the state machine never adds, but the buffer must not lose) turns it into
// a list.
func TestTextBufferOutOfTurn(t *testing.T) {
	text := "Eka.\nToka.\nKolmas.\nNeljäs.\n"
	p := &parser{src: text, lines: splitLines(text, nil, true)}
	var b textBuf
	for _, i := range []int{0, 1, 3} {
		p.addLine(&b, &p.lines[i])
	}
	var f model.Text
	p.into(&b, &f)
	assert.Equal(t, "Eka.\nToka.\nNeljäs.", f.Value)
	assert.False(t, bufEmpty(&b))

	b = textBuf{}
	assert.True(t, bufEmpty(&b))
	p.addLine(&b, &p.lines[1])
	p.addLine(&b, &p.lines[2])
	p.into(&b, &f)
	assert.Equal(t, "Toka.\nKolmas.", f.Value)

	// Blank lines, in turn and out of it, leave the buffer empty.
	text = "a\n\n\nb\n\n"
	p = &parser{src: text, lines: splitLines(text, nil, true)}
	b = textBuf{}
	for _, i := range []int{1, 2, 4} {
		p.addLine(&b, &p.lines[i])
		assert.True(t, bufEmpty(&b))
	}
	p.addLine(&b, &p.lines[3])
	assert.False(t, bufEmpty(&b))
}

// Regression: the women's share was found in a lower-cased copy of the
// value and cut from the value at the copy's offsets. A letter whose lower
// case is longer in UTF-8 (Ⱥ, ⱥ) made the cut run past the value: a panic;
// one whose lower case is shorter (İ, i) cut the value in the wrong place.
func TestFigureKeepsOffsets(t *testing.T) {
	src, err := os.ReadFile(sample)
	require.NoError(t, err)
	const line = "Suunniteltu: 6, joihin työllistyvät naiset 2"
	require.Contains(t, string(src), line)
	for _, tc := range []struct {
		value, total string
		women        int64
		womenCol     int
	}{
		{"6, JOIHIN TYÖLLISTYVÄT NAISET 2", "", 2, 44},
		{"ȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺ, joihin työllistyvät naiset", "ȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺ", 0, 0},
		{"İİİİİİİİİİİİİİİİİİİİ6, joihin työllistyvät naiset 2", "İİİİİİİİİİİİİİİİİİİİ6", 2, 64},
	} {
		t.Run(tc.value, func(t *testing.T) {
			in := strings.Replace(string(src), line, "Suunniteltu: "+tc.value, 1)
			res := mustParse(t, "x", []byte(in))
			f := res.Doc.Indicators.NewJobs.Planned
			if tc.total == "" {
				assert.True(t, f.Total.Valid)
			} else {
				assert.False(t, f.Total.Valid)
				assert.Equal(t, tc.total, f.Total.Raw)
			}
			if tc.womenCol == 0 {
				assert.False(t, f.Women.Valid)
				return
			}
			require.True(t, f.Women.Valid, "women: %+v", f.Women)
			assert.Equal(t, model.Fixed2(tc.women*100), f.Women.Value)
			assert.Equal(t, tc.womenCol, f.Women.Pos.Col)
		})
	}
}

// Regression: the start date's column was that of its first occurrence in
// the value, which may be inside the word before it ("Alkaa kaa").
func TestPeriodStartColumn(t *testing.T) {
	src := "1 Hanke\nHankekoodi: S20001\nSuunnitelman mukainen toteutusaika: Alkaa kaa ja päättyy 31.12.2023\n"
	res := mustParse(t, "x", []byte(src))
	per := res.Doc.Project.Period
	assert.False(t, per.Start.Valid)
	assert.Equal(t, "kaa", per.Start.Raw)
	assert.Equal(t, model.Pos{Line: 3, Col: 43}, per.Start.Pos)
	assert.Equal(t, model.Pos{Line: 3, Col: 58}, per.End.Pos)
}

// Regression: a value's column skipped only ASCII blanks before it, while
// the value itself is trimmed of any white space; pages copied from a
// browser bring no-break spaces, and the column then pointed at one.
func TestColumnsSkipNoBreakSpaces(t *testing.T) {
	const nb = "\u00a0"
	src := string(readFile(t, sample))
	for _, r := range [][2]string{
		{"Kunnat: Rovaniemi, Tornio,", "Kunnat: Rovaniemi," + nb + " Tornio,"},
		{"Erityistavoite: 4.1. Tutkimus-", "Erityistavoite: 4.1." + nb + "Tutkimus-"},
		{"Suunniteltu: 6, joihin työllistyvät naiset 2", "Suunniteltu: 6, joihin työllistyvät naiset" + nb + "2"},
		{"Osatoteuttajat\n", "Osatoteuttajat\nX Oy," + nb + "2285733-9\n"},
	} {
		require.Contains(t, src, r[0])
		src = strings.Replace(src, r[0], r[1], 1)
	}
	res := mustParse(t, "x", []byte(src))
	d := res.Doc
	assert.Equal(t, model.Pos{Line: 95, Col: 21}, d.Area.Municipalities[1].Pos, "Tornio")
	assert.Equal(t, model.Pos{Line: 13, Col: 22}, d.Project.SpecificObjective.Name.Pos)
	assert.Equal(t, model.Pos{Line: 109, Col: 44}, d.Indicators.NewJobs.Planned.Women.Pos)
	require.Len(t, d.Applicant.CoImplementers, 1)
	assert.Equal(t, model.Pos{Line: 50, Col: 7}, d.Applicant.CoImplementers[0].BusinessID.Pos)
}

// TestOtherSubsections: issue 19's shapes. A subsection heading the tables
// do not know is kept, in section 7 as an indicator and in 4 and 8 as a
// section with its text; a line of text that merely starts with a number
// is not one.
func TestOtherSubsections(t *testing.T) {
	base := string(readFile(t, sample))
	for _, c := range []struct {
		name, old, new string
		others         int // other_sections
		indicators     int // indicators.other
	}{
		{"4.3", "\n5 Projektin julkinen", "\n4.3 Muut kohderyhmät\nKunnat.\n\n5 Projektin julkinen", 1, 0},
		{"8.3 with a dot after its number", "\n9 Loppuraportin", "\n8.3. Yhdenvertaisuus\nTeksti.\n\n9 Loppuraportin", 1, 0},
		{"indicator", "8 Horisontaaliset periaatteet", "7.3 Osallistujien määrä\nSuunniteltu: 5\n\n8 Horisontaaliset periaatteet", 0, 1},
		{"a sentence", "\n5 Projektin julkinen", "\n4.5 Miljoonaa euroa käytetään koulutukseen.\n\n5 Projektin julkinen", 0, 0},
		{"lower case", "\n5 Projektin julkinen", "\n4.5 miljoonaa euroa\n\n5 Projektin julkinen", 0, 0},
		{"another section's number", "\n5 Projektin julkinen", "\n3.5 Muut\n\n5 Projektin julkinen", 0, 0},
		{"in section 3", "\n4 Hankkeen kohderyhmät", "\n3.1 Tausta\n\n4 Hankkeen kohderyhmät", 0, 0},
		{"a known heading out of its place", "\n5 Projektin julkinen", "\n4.1 Varsinaiset kohderyhmät\n\n5 Projektin julkinen", 0, 0},
		{"three levels", "\n5 Projektin julkinen", "\n4.3.1 Muut\n\n5 Projektin julkinen", 0, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			require.Equal(t, 1, strings.Count(base, c.old))
			res := mustParse(t, "x", []byte(strings.Replace(base, c.old, c.new, 1)))
			assert.Len(t, res.Doc.OtherSections, c.others)
			assert.Len(t, res.Doc.Indicators.Other, c.indicators)
			n := 0
			for _, p := range res.Problems {
				if p.Rule == RuleUnknownSection {
					n++
				}
			}
			assert.Equal(t, c.others, n, "one unknown-section per unknown section")
			// The known indicators keep their figures whatever comes after.
			assert.True(t, res.Doc.Indicators.NewJobs.Planned.Total.Valid)
		})
	}

	res := mustParse(t, "x", []byte(strings.Replace(base, "\n9 Loppuraportin", "\n8.3. Yhdenvertaisuus\n\nEnsimmäinen rivi.\nToinen rivi.\n\n\nKolmas.\n\n9 Loppuraportin", 1)))
	require.Len(t, res.Doc.OtherSections, 1)
	o := res.Doc.OtherSections[0]
	assert.Equal(t, "8.3", o.Number.Value)
	assert.Equal(t, "Yhdenvertaisuus", o.Title.Value)
	assert.Equal(t, 6, o.Title.Pos.Col)
	assert.Equal(t, "Ensimmäinen rivi.\nToinen rivi.\n\nKolmas.", o.Text.Value)
	assert.True(t, res.Doc.FinalReport.Valid, "section 9 follows")
}

// TestSubsectionLikeJustification: within 8.1's questions and 8.2's
// criteria a line such as "8.3 Ei toimi …" is a justification (or a mangled
// group name), not an unknown subsection: taken as one, it carried the rest
// of the table into other_sections (10 criteria lost, 10 false
// score-missing-criterion errors). After the table's last row, or when the
// rows that follow were read already, it is a subsection again.
func TestSubsectionLikeJustification(t *testing.T) {
	base := string(readFile(t, sample))
	for _, c := range []struct {
		name, old, new string
		others         int
		justification  string // of the criterion or question it follows
	}{
		{"8.2 justification", "Ei toimi Natura 2000 -alueella\n", "8.3 Ei toimi Natura 2000 -alueella\n", 0, "8.3 Ei toimi Natura 2000 -alueella"},
		{"8.2 group name", "Taloudellinen kestävyys\n", "8.3 Taloudellinen kestävyys\n", 0, "Ei toimi Natura 2000 -alueella\n8.3 Taloudellinen kestävyys"},
		{"8.1 justification", "Hankesuunnitelman liitteenä määritelmä miten sukupuolinäkökulma on huomioitu hankesuunnittelussa.\n",
			"8.3 Hankesuunnitelman liitteenä määritelmä\n", 0, "8.3 Hankesuunnitelman liitteenä määritelmä"},
		{"after the table", "\n9 Loppuraportin", "\n8.3 Yhdenvertaisuus\nTeksti.\n\n9 Loppuraportin", 1, ""},
		{"rows read already", "\n9 Loppuraportin", "\n8.3 Yhdenvertaisuus\nLuonnonvarojen käytön kestävyys 8 9\n\n9 Loppuraportin", 1, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			require.Equal(t, 1, strings.Count(base, c.old))
			res := mustParse(t, "x", []byte(strings.Replace(base, c.old, c.new, 1)))
			assert.Len(t, res.Doc.OtherSections, c.others)
			sust := res.Doc.Horizontal.Sustainability
			assert.Len(t, sust, 15)
			n := 0
			for _, p := range res.Problems {
				if p.Rule == RuleUnknownSection {
					n++
				}
			}
			assert.Equal(t, c.others, n, "unknown-section findings")
			switch {
			case c.name == "8.1 justification":
				assert.Equal(t, c.justification, res.Doc.Horizontal.GenderEquality.Mainstreamed.Justification.Value)
			case c.justification != "":
				require.Len(t, sust, 15)
				assert.Equal(t, c.justification, sust[4].Justification.Value)
			}
		})
	}
}

// TestOtherIndicatorFigures: any wording between the total and the women's
// part, as ESF pages have.
func TestOtherIndicatorFigures(t *testing.T) {
	base := string(readFile(t, sample))
	fig := func(f model.Field[model.Fixed2]) string {
		if !f.Valid {
			return "null:" + f.Raw
		}
		return f.Value.String()
	}
	for _, c := range []struct{ planned, realised, want string }{
		{"120, joista naisia 60", "98.00, joista naisia 41.00", "120/60 98/41"},
		{"1 200, joista alle 25-vuotiaita naisia 540", "1 012,50, joista naisten osuus 498.50", "1200/540 1012.5/498.5"},
		{"15", "12.00", "15/null: 12/null:"},
		{"15, joista naisia", "", "15/null: null:/null:"},
		{"12, of which women 6", "3x, joista naisia 2", "12/6 null:3x/2"},
		{"1,5", "2, 3", "1.5/null: null:2, 3/null:"},
		// The women's part is the number that ends the value, standing
		// apart; a number in any other shape is unreadable, kept as printed
		// (so that fmt writes it back) and reported, never guessed from the
		// digits that happen to end the value.
		{"120, joista naisia 1e30", "98, joista naisia -41", "120/null:1e30 98/null:-41"},
		{"120, joista naisia 60 joista alle 25-v 10", "98, joista naisia 41, miehiä 57", "120/null:60 joista alle 25-v 10 98/null:41, miehiä 57"},
		{"120, joista naisia 60 (arvio)", "98, joista 41 naisia", "120/null:60 (arvio) 98/null:41 naisia"},
		{"120, joista naisia 60 %", "98, joista naisia 4O", "120/null:60 % 98/null:4O"},
		{"120, joista naisia n. 60", "98, joista 2017–2018 naisia 1 041", "120/60 98/1041"},
	} {
		src := strings.Replace(base, "8 Horisontaaliset periaatteet",
			"7.3 Osallistujien määrä\nSuunniteltu: "+c.planned+"\nToteutunut seurantatietojen mukaan: "+c.realised+"\n\n8 Horisontaaliset periaatteet", 1)
		res := mustParse(t, "x", []byte(src))
		require.Len(t, res.Doc.Indicators.Other, 1)
		o := res.Doc.Indicators.Other[0]
		got := fig(o.Planned.Total) + "/" + fig(o.Planned.Women) + " " + fig(o.Realised.Total) + "/" + fig(o.Realised.Women)
		assert.Equal(t, c.want, got, "%q / %q", c.planned, c.realised)
		assert.Equal(t, "7.3", o.Number.Value)
		var unread, warned int
		for _, f := range []model.Field[model.Fixed2]{o.Planned.Total, o.Planned.Women, o.Realised.Total, o.Realised.Women} {
			if !f.Valid && f.Raw != "" {
				unread++
			}
		}
		for _, p := range res.Problems {
			if p.Rule == RuleInvalidNumber {
				warned++
			}
		}
		assert.Equal(t, unread, warned, "one invalid-number per figure not read: %q / %q", c.planned, c.realised)
	}
}

// TestBareSubsectionHeading: a subsection number alone on its line ("7.3",
// "4.3.") is an unknown subsection without a title. Before, a bare "7.3"
// was unexpected-text and its figures two duplicate-field errors against
// 7.2, and lost. A bare number the tables know stays what it was: which
// subsection it stands for would be a guess.
func TestBareSubsectionHeading(t *testing.T) {
	base := string(readFile(t, sample))
	const figures = "Suunniteltu: 120, joista naisia 60\n\nToteutunut seurantatietojen mukaan: 100, joista naisia 40\n\n"
	for _, c := range []struct {
		name, old, new string
		others         int    // other_sections, each with an unknown-section
		indicators     int    // indicators.other
		rules          string // the problems' rules, in order
	}{
		{"bare 7.3", "8 Horisontaaliset periaatteet", "7.3\n\n" + figures + "8 Horisontaaliset periaatteet", 0, 1, ""},
		{"bare 7.3 with a dot", "8 Horisontaaliset periaatteet", "7.3.\n" + figures + "8 Horisontaaliset periaatteet", 0, 1, ""},
		{"bare 4.3", "\n5 Projektin julkinen", "\n4.3\nKunnat.\n\n5 Projektin julkinen", 1, 0, RuleUnknownSection},
		{"bare 8.3 after the table", "\n9 Loppuraportin", "\n8.3\nTeksti.\n\n9 Loppuraportin", 1, 0, RuleUnknownSection},
		{"bare known 7.1", "8 Horisontaaliset periaatteet", "7.1\n\n8 Horisontaaliset periaatteet", 0, 0, RuleUnexpectedText},
		{"bare 7.0", "8 Horisontaaliset periaatteet", "7.0\n\n8 Horisontaaliset periaatteet", 0, 0, RuleUnexpectedText},
	} {
		t.Run(c.name, func(t *testing.T) {
			require.Equal(t, 1, strings.Count(base, c.old))
			res := mustParse(t, "x", []byte(strings.Replace(base, c.old, c.new, 1)))
			var rules []string
			for _, p := range res.Problems {
				rules = append(rules, p.Rule)
			}
			assert.Equal(t, c.rules, strings.Join(rules, " "), "%v", res.Problems)
			require.Len(t, res.Doc.OtherSections, c.others)
			require.Len(t, res.Doc.Indicators.Other, c.indicators)
			if c.others > 0 {
				o := res.Doc.OtherSections[0]
				assert.False(t, o.Title.Valid, "no title")
				assert.True(t, o.Text.Valid)
			}
			if c.indicators > 0 {
				o := res.Doc.Indicators.Other[0]
				assert.Equal(t, "7.3", o.Number.Value)
				assert.False(t, o.Title.Valid, "no title")
				assert.Equal(t, "120/60 100/40", o.Planned.Total.Value.String()+"/"+o.Planned.Women.Value.String()+" "+
					o.Realised.Total.Value.String()+"/"+o.Realised.Women.Value.String())
				// 7.2's own figures are untouched.
				assert.Equal(t, "0", res.Doc.Indicators.NewCompanies.Planned.Total.Value.String())
			}
		})
	}
}

// TestIndicatorNumberTwice: two indicators numbered alike are both kept,
// and the second is pointed out (unknown-section at its heading, naming the
// first's line); before, nothing was said.
func TestIndicatorNumberTwice(t *testing.T) {
	base := string(readFile(t, sample))
	for _, c := range []struct {
		name, add string
		want      []string // "line:col message" of each unknown-section
	}{
		{"twice", "7.3 Osallistujien määrä\nSuunniteltu: 120\n\n7.3 Koulutuspäivät\nSuunniteltu: 50\n\n",
			[]string{`121:1 indicator "7.3 Koulutuspäivät" has the number of the one at line 118; both are kept in indicators.other`}},
		{"bare and titled", "7.3\nSuunniteltu: 120\n\n7.3 Koulutuspäivät\nSuunniteltu: 50\n\n",
			[]string{`121:1 indicator "7.3 Koulutuspäivät" has the number of the one at line 118; both are kept in indicators.other`}},
		{"numbered apart", "7.3 Osallistujien määrä\nSuunniteltu: 120\n\n7.4 Koulutuspäivät\nSuunniteltu: 50\n\n", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := mustParse(t, "x", []byte(strings.Replace(base, "8 Horisontaaliset periaatteet", c.add+"8 Horisontaaliset periaatteet", 1)))
			require.Len(t, res.Doc.Indicators.Other, 2)
			var got []string
			for _, p := range res.Problems {
				got = append(got, fmt.Sprintf("%d:%d %s", p.Pos.Line, p.Pos.Col, p.Msg))
				assert.Equal(t, RuleUnknownSection, p.Rule)
				assert.Equal(t, "indicators.other", p.Field)
			}
			assert.Equal(t, c.want, got)
		})
	}
}

// Nothing of a result shares memory with the input: a batch reuses the
// buffer for the next file as soon as Parse returns, and the model, its
// problems and their messages stay as they were.
func TestResultOwnsItsStrings(t *testing.T) {
	for _, file := range []string{sample, "../testdata/real/altformat_A70027.txt", "../testdata/real/S20044.txt"} {
		src, err := os.ReadFile(file)
		require.NoError(t, err)
		res := mustParse(t, file, src)
		want, err := json.Marshal(res)
		require.NoError(t, err)
		var msgs []string
		for _, pr := range res.Problems {
			msgs = append(msgs, pr.Msg.String())
		}
		for i := range src {
			src[i] = 'X'
		}
		got, err := json.Marshal(res)
		require.NoError(t, err)
		assert.Equal(t, string(want), string(got), file)
		for i, pr := range res.Problems {
			assert.Equal(t, msgs[i], pr.Msg.String(), file)
		}
	}
}

// The label tables are values passed in: a table loaded from data (here
// English with the project code's label in Swedish, under code "sv") reads
// a page in it; without the table the label is unknown; the built-in
// tables are untouched.
func TestOptionsLanguages(t *testing.T) {
	data, err := os.ReadFile("lang/en.json")
	require.NoError(t, err)
	data = bytes.Replace(data, []byte(`"code": "en"`), []byte(`"code": "sv"`), 1)
	data = bytes.Replace(data, []byte(`"Project code": "project.code"`), []byte(`"Projektkod": "project.code"`), 1)
	sv, err := LoadLanguage(data)
	require.NoError(t, err)
	src, err := os.ReadFile("../testdata/real/en_S20515.txt")
	require.NoError(t, err)
	code := regexp.MustCompile(`(?m)^Project code:`)
	require.True(t, code.Match(src))
	src = code.ReplaceAll(src, []byte("Projektkod:"))

	res, err := Parse("x", src, Options{Languages: []*Language{sv}})
	require.NoError(t, err)
	assert.Equal(t, "sv", res.Doc.Language)
	assert.Equal(t, "S20515", res.Doc.Project.Code.Value)

	res, err = Parse("x", src, Options{})
	require.NoError(t, err)
	assert.False(t, res.Doc.Project.Code.Valid, "built-in tables do not know Projektkod")
	assert.Nil(t, LanguageByCode("sv"))

	// Languages hands out a copy of the list.
	ls := Languages()
	ls[0] = nil
	assert.NotNil(t, Languages()[0])

	for _, bad := range []string{`{}`, `{"code": "xx", "fields": {"1": {"Koodi": "project.nosuch"}}}`, `[`,
		`{"code": "sv", "statuses": {"Pågår": "runing"}}`} { // a state the rules do not know
		_, err := LoadLanguage([]byte(bad))
		assert.Error(t, err, bad)
	}
}
