package programme

import (
	"bytes"
	"os"
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

func TestYears(t *testing.T) {
	assert.Equal(t, []int{2016, 2017, 2018}, Years(2016, 2018))
	assert.Equal(t, []int{2014}, Years(2010, 2012))
	assert.Equal(t, []int{2021}, Years(2022, 2023))
	assert.Equal(t, []int{2020, 2021}, Years(2020, 2023))
}

func TestRegionsFollowTheYears(t *testing.T) {
	r := GetRegions()
	// Vaala moved from Kajaani (Kainuu) to Oulunkaari (Pohjois-Pohjanmaa) in 2016.
	ms, ok := r.Municipality("Vaala", []int{2015})
	require.True(t, ok)
	assert.Equal(t, "182", ms[0].SubRegion)
	ms, ok = r.Municipality("Vaala", []int{2017})
	require.True(t, ok)
	assert.Equal(t, "173", ms[0].SubRegion)
	// Merged into Seinäjoki in 2016: known in 2015, not in 2017.
	_, ok = r.Municipality("Jalasjärvi", []int{2015})
	assert.True(t, ok)
	_, ok = r.Municipality("Jalasjärvi", []int{2017})
	assert.False(t, ok)
	// Swedish names and the genitive stems of the pages.
	_, ok = r.Municipality("Torneå", []int{2016})
	assert.True(t, ok)
	assert.Equal(t, []string{"192"}, r.SubRegion("Kemi-Tornion", []int{2016}))
	assert.Equal(t, []string{"192"}, r.SubRegion("kemi-tornion seutukunta", []int{2016}))
	assert.Equal(t, []string{"19"}, r.Region("Lappi", []int{2016}))
	assert.Equal(t, []string{"19"}, r.RegionOfSubRegion("192", []int{2016}))
	// Kyrönmaa was abolished in 2021.
	assert.NotEmpty(t, r.SubRegion("Kyrönmaa", []int{2020}))
	assert.Empty(t, r.SubRegion("Kyrönmaa", []int{2021}))
}

// TestCompactKeyIsUpToDate: the embedded compact key is what CompactRegions
// makes of the source CSV (run go generate ./programme after changing it).
func TestCompactKeyIsUpToDate(t *testing.T) {
	full, err := os.ReadFile("data/fi_kunta_seutukunta_maakunta_2014_2021.csv")
	require.NoError(t, err)
	want, err := CompactRegions(full)
	require.NoError(t, err)
	assert.True(t, bytes.Equal(want, regionsCSV), "data/regions_compact.csv is stale: run go generate ./programme")
	// Every year keeps its municipalities.
	r := GetRegions()
	for y, n := range map[int]int{2014: 320, 2017: 311, 2021: 309} {
		count := 0
		for _, es := range r.names {
			for _, e := range es {
				if e.kind == 'm' && e.years&(1<<(y-FirstYear)) != 0 {
					count++
				}
			}
		}
		// Each municipality is indexed under its Finnish and Swedish names,
		// folded and as printed; count distinct codes instead.
		codes := map[string]bool{}
		for _, es := range r.names {
			for _, e := range es {
				if e.kind == 'm' && e.years&(1<<(y-FirstYear)) != 0 {
					codes[e.code] = true
				}
			}
		}
		assert.Equal(t, n, len(codes), "municipalities in %d", y)
		assert.Greater(t, count, n)
	}
}
