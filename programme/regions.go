package programme

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"sync"
)

// The municipality → seutukunta → maakunta key for 2014–2021, with its
// source note in data/fi_regions_2014_2021_SOURCE.md.
//
//go:embed data/fi_kunta_seutukunta_maakunta_2014_2021.csv
var regionsCSV []byte

// FirstYear and LastYear bound the years the key covers.
const (
	FirstYear = 2014
	LastYear  = 2021
)

// Municipality is one municipality's place in one year's classification.
type Municipality struct {
	Name              string
	SubRegion         string // seutukunta code
	Region            string // maakunta code
	SubRegionGenitive string
}

// yearKey is one year's classification, indexed by folded names.
type yearKey struct {
	municipalities map[string]Municipality // kunta name (fi or sv) → its place
	subRegions     map[string]string       // seutukunta name or genitive stem → code
	subRegionOf    map[string]string       // seutukunta code → maakunta code
	regions        map[string]string       // maakunta name (fi or sv) → code
}

// Regions is the key for all years.
type Regions struct {
	years map[int]*yearKey
}

var (
	regionsOnce sync.Once
	regions     *Regions
)

// GetRegions loads the key on first use (it is only needed by the area rules).
func GetRegions() *Regions {
	regionsOnce.Do(func() {
		r, err := loadRegions(regionsCSV)
		if err != nil {
			panic("regions key: " + err.Error())
		}
		regions = r
	})
	return regions
}

func loadRegions(b []byte) (*Regions, error) {
	cr := csv.NewReader(bytes.NewReader(b))
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		return nil, err
	}
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	r := &Regions{years: map[int]*yearKey{}}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		year, err := strconv.Atoi(rec[col["year"]])
		if err != nil {
			return nil, err
		}
		k := r.years[year]
		if k == nil {
			k = &yearKey{
				municipalities: map[string]Municipality{},
				subRegions:     map[string]string{},
				subRegionOf:    map[string]string{},
				regions:        map[string]string{},
			}
			r.years[year] = k
		}
		sub, reg := rec[col["seutukunta_code"]], rec[col["maakunta_code"]]
		m := Municipality{Name: rec[col["kunta_name_fi"]], SubRegion: sub, Region: reg, SubRegionGenitive: rec[col["seutukunta_name_fi_genitive_2017"]]}
		k.municipalities[foldName(rec[col["kunta_name_fi"]])] = m
		k.municipalities[foldName(rec[col["kunta_name_sv"]])] = m
		for _, n := range []string{rec[col["seutukunta_name_fi"]], rec[col["seutukunta_name_sv"]], rec[col["seutukunta_name_fi_genitive_2017"]]} {
			if n != "" {
				k.subRegions[foldName(n)] = sub
			}
		}
		k.subRegionOf[sub] = reg
		k.regions[foldName(rec[col["maakunta_name_fi"]])] = reg
		k.regions[foldName(rec[col["maakunta_name_sv"]])] = reg
	}
	return r, nil
}

// foldName folds case and the words pages add to a sub-region's genitive
// stem ("Rovaniemen seutukunta").
func foldName(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	s = strings.TrimSuffix(s, " seutukunta")
	return s
}

// Years clamps a span of years to the years the key covers.
func Years(from, to int) []int {
	from, to = max(from, FirstYear), min(to, LastYear)
	if from > to {
		// A project wholly outside the key's years: judge it by the nearest.
		if to < FirstYear {
			from, to = FirstYear, FirstYear
		} else {
			from, to = LastYear, LastYear
		}
	}
	var ys []int
	for y := from; y <= to; y++ {
		ys = append(ys, y)
	}
	return ys
}

// Municipality finds a municipality in any of the years; ok is false if it
// is in none. The places of every year it appears in are returned.
func (r *Regions) Municipality(name string, years []int) ([]Municipality, bool) {
	var out []Municipality
	for _, y := range years {
		if m, ok := r.years[y].municipalities[foldName(name)]; ok {
			out = append(out, m)
		}
	}
	return out, len(out) > 0
}

// SubRegion returns the seutukunta codes a name has in the years.
func (r *Regions) SubRegion(name string, years []int) []string {
	var out []string
	for _, y := range years {
		if c, ok := r.years[y].subRegions[foldName(name)]; ok {
			out = append(out, c)
		}
	}
	return out
}

// RegionOfSubRegion returns the maakunta codes a seutukunta belongs to in
// the years.
func (r *Regions) RegionOfSubRegion(code string, years []int) []string {
	var out []string
	for _, y := range years {
		if c, ok := r.years[y].subRegionOf[code]; ok {
			out = append(out, c)
		}
	}
	return out
}

// Region returns the maakunta codes a name has in the years.
func (r *Regions) Region(name string, years []int) []string {
	var out []string
	for _, y := range years {
		if c, ok := r.years[y].regions[foldName(name)]; ok {
			out = append(out, c)
		}
	}
	return out
}
