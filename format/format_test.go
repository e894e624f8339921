package format

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/asectl/asectl/internal/gen"
	"github.com/asectl/asectl/internal/golden"
	"github.com/asectl/asectl/model"
	"github.com/asectl/asectl/parser"
)

func parseJSON(t testing.TB, src []byte) ([]byte, *parser.Result) {
	t.Helper()
	res, err := parser.Parse("x", src, parser.Options{})
	require.NoError(t, err)
	// The values: how the text was read (the "parse" key) differs.
	return res.Doc.AppendValuesJSON(nil), res
}

// roundTrip checks parse(fmt(parse(x))) == parse(x) and that fmt is a
// fixed point: fmt(parse(fmt(parse(x)))) == fmt(parse(x)).
func roundTrip(t *testing.T, name string, src []byte) {
	t.Helper()
	want, res := parseJSON(t, src)
	canon := Render(res.Doc)
	got, res2 := parseJSON(t, canon)
	assert.JSONEq(t, string(want), string(got), "%s: parse(fmt(parse(x))) != parse(x)\ncanonical:\n%s", name, canon)
	assert.Equal(t, string(canon), string(Render(res2.Doc)), "%s: fmt is not idempotent", name)
}

func TestRoundTripTestdata(t *testing.T) {
	files, _ := filepath.Glob("../testdata/*.txt")
	real, _ := filepath.Glob("../testdata/real/*.txt")
	for _, f := range append(files, real...) {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		t.Run(filepath.Base(f), func(t *testing.T) { roundTrip(t, f, b) })
	}
}

func TestRoundTripGenerated(t *testing.T) {
	tmpl, err := os.ReadFile("../testdata/A72213.txt")
	require.NoError(t, err)
	g := gen.New(tmpl, 3)
	for i := 0; i < 50; i++ {
		roundTrip(t, "generated", g.Description(i))
	}
}

func TestRoundTripKeepsUnreadableValues(t *testing.T) {
	src, err := os.ReadFile("../testdata/A72213.txt")
	require.NoError(t, err)
	broken := strings.NewReplacer("1 551 280", "1 5S1 280", "Alkaa 13.2.2016", "Alkaa 31.2.2016",
		": Kyllä\n", ": Ehkä\n", " 8 9\n", " 8 x\n", "Toiminta päättynyt", "Valmis").Replace(string(src))
	roundTrip(t, "broken", []byte(broken))
	_, res := parseJSON(t, []byte(broken))
	canon := string(Render(res.Doc))
	assert.Contains(t, canon, "Myönnetty EU- ja valtion rahoitus: 1 5S1 280")
	assert.Contains(t, canon, "Alkaa 31.2.2016 ja päättyy 15.3.2018")
	assert.Contains(t, canon, "Luonnonvarojen käytön kestävyys 8 x")
}

// TestRoundTripKeepsOtherIndicatorWords: a women's part of another
// indicator that cannot be read ("joista 60 naisia") is written back with
// its number, not dropped: fmt -w used to rewrite it as the total alone.
func TestRoundTripKeepsOtherIndicatorWords(t *testing.T) {
	src, err := os.ReadFile("../testdata/A72213.txt")
	require.NoError(t, err)
	odd := strings.Replace(string(src), "8 Horisontaaliset periaatteet", "7.3 Osallistujien määrä\n\n"+
		"Suunniteltu: 120, joista 60 naisia\n\nToteutunut seurantatietojen mukaan: 98.00, joista naisia 41 (arvio)\n\n"+
		"8 Horisontaaliset periaatteet", 1)
	roundTrip(t, "odd women's part", []byte(odd))
	_, res := parseJSON(t, []byte(odd))
	canon := string(Render(res.Doc))
	for _, want := range []string{"Suunniteltu: 120, joista naisia 60 naisia\n", "Toteutunut seurantatietojen mukaan: 98.00, joista naisia 41 (arvio)\n"} {
		assert.True(t, strings.Contains(canon, want), "fmt lost %q; section 7 reads:\n%s", want, canon[strings.Index(canon, "\n7.3"):strings.Index(canon, "\n8 ")])
	}
}

var update = flag.Bool("update", false, "rewrite the golden files")

// referenceCanonical is the canonical form of the reference description,
// as fmt writes it: a golden file, so that a change in fmt's layout shows
// as its diff, and a new field (which fmt writes as "Label:" even when it
// is absent) is one -update away, not a hand edit of the reference and of
// every test that names one of its lines. testdata/script/fmt.txtar
// compares the command's output with it.
const referenceCanonical = "../testdata/golden/fmt/A72213.txt"

// TestReferenceCanonicalForm: fmt of the reference description is the
// golden file byte for byte; that file is canonical (fmt leaves it as it
// is) and reads as the reference (the same values).
func TestReferenceCanonicalForm(t *testing.T) {
	src, err := os.ReadFile("../testdata/A72213.txt")
	require.NoError(t, err)
	want, res := parseJSON(t, src)
	canon := Render(res.Doc)
	golden.Check(t, referenceCanonical, canon, *update)
	if *update {
		return
	}
	stored, err := os.ReadFile(referenceCanonical)
	require.NoError(t, err)
	got, res2 := parseJSON(t, stored)
	assert.JSONEq(t, string(want), string(got), "parsing %s does not give the reference's values", referenceCanonical)
	assert.Equal(t, string(stored), string(Render(res2.Doc)), "%s is not in canonical form", referenceCanonical)
}

// TestReferenceLayoutIsFmts: fmt's layout is the reference description's
// own. The canonical form holds every line of the reference, in its order;
// what it adds are only the lines fmt writes for fields the reference does
// not have (a field added to the model after the sample was taken). This
// holds whatever -update wrote to the golden file: a change in fmt that
// moves, drops or rewrites a line of the reference fails here.
func TestReferenceLayoutIsFmts(t *testing.T) {
	src, err := os.ReadFile("../testdata/A72213.txt")
	require.NoError(t, err)
	_, res := parseJSON(t, src)
	ref := strings.Split(strings.TrimRight(string(src), "\n"), "\n")
	canon := strings.Split(strings.TrimRight(string(Render(res.Doc)), "\n"), "\n")
	// The lines of absent fields: fmt of a description with the
	// reference's sections and language and no value at all.
	empty := &model.Description{Language: res.Doc.Language, Sections: res.Doc.Sections}
	absent := map[string]bool{"": true}
	for _, l := range strings.Split(string(Render(empty)), "\n") {
		absent[l] = true
	}
	i := 0
	for j, l := range canon {
		switch {
		case i < len(ref) && l == ref[i]:
			i++
		case absent[l]:
		default:
			if i < len(ref) {
				t.Fatalf("canonical line %d %.80q is neither the reference's line %d %.80q nor an absent field's label", j+1, l, i+1, ref[i])
			}
			t.Fatalf("canonical line %d %.80q is past the reference's end and no absent field's label", j+1, l)
		}
	}
	if i < len(ref) {
		t.Fatalf("the canonical form lost the reference's line %d %.80q", i+1, ref[i])
	}
}

// TestRoundTripOtherShapes: unknown subsections and other indicators
// (issue 19) are written back and read again the same, wherever they stood.
func TestRoundTripOtherShapes(t *testing.T) {
	src, err := os.ReadFile("../testdata/A72213.txt")
	require.NoError(t, err)
	base := string(src)
	for _, c := range []struct{ old, new string }{
		{"\n5 Projektin julkinen", "\n4.3 Muut kohderyhmät\n\n5 Projektin julkinen"},
		{"4.1 Varsinaiset kohderyhmät", "4.7 Ensin  tämä\nteksti\n\n4.1 Varsinaiset kohderyhmät"},
		{"\n9 Loppuraportin", "\n8.3 Yhdenvertaisuus\nrivi\n\n\n  sisennetty rivi\n8.4 Toinen\nx\n\n9 Loppuraportin"},
		{"7.1 Uusien työpaikkojen määrä", "7.1 Osallistujien määrä\nSuunniteltu: 120, joista naisia 60\nToteutunut seurantatietojen mukaan: 98.00, joista naisia 4x\n\n7.3 Uusien työpaikkojen määrä"},
		{"8 Horisontaaliset periaatteet", "7.3 Tyhjä\n\n7.4 Vain toteutunut\nToteutunut seurantatietojen mukaan: , joista naisia 2\nSuunniteltu: 1, joista 3\nSuunniteltu: 2\nmuuta tekstiä\n\n8 Horisontaaliset periaatteet"},
		// Headings without a title are written back bare, with no
		// trailing space.
		{"8 Horisontaaliset periaatteet", "7.3\nSuunniteltu: 120, joista naisia 60\n\n7.3 Toinen\n\n8 Horisontaaliset periaatteet"},
		{"\n5 Projektin julkinen", "\n4.3.\nKunnat.\n\n5 Projektin julkinen"},
	} {
		require.Equal(t, 1, strings.Count(base, c.old), c.old)
		src := []byte(strings.Replace(base, c.old, c.new, 1))
		roundTrip(t, c.new, src)
		_, res := parseJSON(t, src)
		for i, line := range strings.Split(string(Render(res.Doc)), "\n") {
			assert.Equal(t, strings.TrimRight(line, " "), line, "%q: canonical line %d ends in a space", c.new, i+1)
		}
	}
}
