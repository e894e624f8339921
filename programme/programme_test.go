package programme

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestProgramme(t *testing.T) {
	p := Get()
	require.NotNil(t, p.Axis("2"))
	assert.Equal(t, "EAKR", p.Axis("2").Fund)
	assert.Equal(t, "ESR", p.Axis("9").Fund)
	assert.Nil(t, p.Axis("10"))
	// The first digit of an objective does not give its axis.
	assert.Equal(t, "1", p.Objective("3.1").Axis.Number)
	assert.Equal(t, "2", p.Objective("3.2").Axis.Number)
	assert.True(t, p.Objective("1.1").NewJobs && p.Objective("1.1").NewCompanies)
	assert.True(t, p.Objective("2.1").NewJobs && !p.Objective("2.1").NewCompanies)
	assert.False(t, p.Objective("4.1").NewJobs)
	assert.Equal(t, "2014-01-01", p.Eligible.Start.String())
	assert.Equal(t, "2023-12-31", p.Eligible.End.String())
	for _, a := range p.Axes {
		for _, o := range a.Objectives {
			require.NotNil(t, p.Objective(o), "axis %s lists unknown objective %s", a.Number, o)
		}
	}
	assert.True(t, SameName("Pk-yritysten  energiatehokkuuden edistäminen", "PK-yritysten energiatehokkuuden edistäminen"))
	assert.False(t, SameName("Tutkimus- ja osaamis", "Tutkimus-, osaamis-"))
}

func TestSpan(t *testing.T) {
	for _, tc := range []struct{ from, to, first, last int }{
		{2016, 2018, 2016, 2018},
		{2010, 2012, 2014, 2014},
		{2022, 2023, 2021, 2021},
		{2020, 2023, 2020, 2021},
		{2014, 2014, 2014, 2014},
	} {
		s := Span(tc.from, tc.to)
		first, last := s.Bounds()
		assert.Equal(t, [2]int{tc.first, tc.last}, [2]int{first, last}, "%d–%d", tc.from, tc.to)
		for y := 2010; y <= 2025; y++ {
			assert.Equal(t, y >= tc.first && y <= tc.last, s.Has(y), "%d in %d–%d", y, tc.from, tc.to)
		}
	}
}

func TestRegionsFollowTheYears(t *testing.T) {
	r := GetRegions()
	// Vaala moved from Kajaani (Kainuu) to Oulunkaari (Pohjois-Pohjanmaa) in 2016.
	ms := r.Municipality(nil, "Vaala", Span(2015, 2015))
	require.NotEmpty(t, ms)
	assert.Equal(t, "182", ms[0].SubRegion)
	ms = r.Municipality(nil, "Vaala", Span(2017, 2017))
	require.NotEmpty(t, ms)
	assert.Equal(t, "173", ms[0].SubRegion)
	// Merged into Seinäjoki in 2016: known in 2015, not in 2017.
	assert.NotEmpty(t, r.Municipality(nil, "Jalasjärvi", Span(2015, 2015)))
	assert.Empty(t, r.Municipality(nil, "Jalasjärvi", Span(2017, 2017)))
	// Swedish names and the genitive stems of the pages.
	assert.NotEmpty(t, r.Municipality(nil, "Torneå", Span(2016, 2016)))
	assert.Equal(t, []string{"192"}, r.SubRegion(nil, "Kemi-Tornion", Span(2016, 2016)))
	assert.Equal(t, []string{"192"}, r.SubRegion(nil, "kemi-tornion seutukunta", Span(2016, 2016)))
	assert.Equal(t, []string{"19"}, r.Region(nil, "Lappi", Span(2016, 2016)))
	assert.Equal(t, []string{"19"}, r.RegionOfSubRegion(nil, "192", Span(2016, 2016)))
	// Kyrönmaa was abolished in 2021.
	assert.NotEmpty(t, r.SubRegion(nil, "Kyrönmaa", Span(2020, 2020)))
	assert.Empty(t, r.SubRegion(nil, "Kyrönmaa", Span(2021, 2021)))
}

// TestRegionTableIsUpToDate: regions_table.go is what RegionsSource makes
// of the source CSV (run go generate ./programme after changing it).
func TestRegionTableIsUpToDate(t *testing.T) {
	full, err := os.ReadFile("data/fi_kunta_seutukunta_maakunta_2014_2021.csv")
	require.NoError(t, err)
	want, err := RegionsSource(full)
	require.NoError(t, err)
	got, err := os.ReadFile("regions_table.go")
	require.NoError(t, err)
	assert.True(t, bytes.Equal(want, got), "regions_table.go is stale: run go generate ./programme")
	// Every year keeps its municipalities.
	r := GetRegions()
	for y, n := range map[int]int{2014: 320, 2017: 311, 2021: 309} {
		// Each municipality is indexed under its Finnish and Swedish names,
		// folded and as printed; count distinct codes.
		codes := map[string]bool{}
		for _, ref := range r.names {
			if e := r.entries[ref.entry]; e.kind == 'm' && YearSet(e.years).Has(y) {
				codes[e.code] = true
			}
		}
		assert.Equal(t, n, len(codes), "municipalities in %d", y)
	}
	assert.True(t, slices.IsSortedFunc(r.names, func(a, b nameRef) int { return strings.Compare(a.key, b.key) }))
}

// TestGetIsACopy: a caller's change to what Get returned reaches no later
// Get (regression: Get handed out the package's one programme, so a
// library user's edit changed every later validate.Check in the process).
func TestGetIsACopy(t *testing.T) {
	p := Get()
	o := p.Objective("4.1")
	if o == nil {
		t.Fatal("objective 4.1 missing")
	}
	want := o.NewJobs
	o.NewJobs = !want
	o.Names["fi"] = "changed"
	p.Axes = nil
	q := Get()
	if q.Objective("4.1").NewJobs != want || q.Objective("4.1").Names["fi"] == "changed" || len(q.Axes) == 0 {
		t.Error("a change to Get's programme reached the next Get")
	}
}

// TestLoadRefuses: Load refuses a programme the rules cannot check against
// (regression: `{}` loaded, and every description then broke the period
// rule against an eligibility ending on 0.0.0000; an end before the start
// and two axes with one number loaded too).
func TestLoadRefuses(t *testing.T) {
	ok := `{"name": "P", "eligible": {"start": "2014-01-01", "end": "2023-12-31"},
		"axes": [{"number": "1", "fund": "EAKR", "objectives": ["1.1"]}],
		"objectives": [{"number": "1.1"}]}`
	if _, err := Load([]byte(ok)); err != nil {
		t.Fatalf("a small programme: %v", err)
	}
	for _, tc := range []struct{ in, want string }{
		{`{}`, "no eligibility period"},
		{`{"eligible": {"start": "2014-01-01", "end": "2023-12-31"}}`, "no priority axes"},
		{strings.Replace(ok, `"eligible": {"start": "2014-01-01", "end": "2023-12-31"},`, ``, 1), "eligibility"},
		{strings.Replace(ok, `"end": "2023-12-31"`, `"end": "2013-12-31"`, 1), "ends before it starts"},
		{strings.Replace(ok, `"axes": [`, `"axes": [{"number": "1", "fund": "ESR"}, `, 1), "two priority axes numbered 1"},
		{strings.Replace(ok, `"objectives": [{`, `"objectives": [{"number": "1.1"}, {`, 1), "two specific objectives numbered 1.1"},
		{strings.Replace(ok, `"axes": [`, `"axes": [{"number": "", "fund": "ESR"}, `, 1), "no number"},
		{strings.Replace(ok, `"fund": "EAKR"`, `"fund": "ERDF"`, 1), `fund "ERDF"`},
	} {
		if _, err := Load([]byte(tc.in)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one saying %q", tc.in, err, tc.want)
		}
	}
}
