package programme

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"io"
	"slices"
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

// entry is a name's meaning in one year.
type entry struct {
	year     int
	kind     byte   // 'm' municipality, 's' sub-region, 'r' region
	code     string // the municipality's, sub-region's or region's code
	sub, reg string // for a municipality: its sub-region and region
	genitive string // for a municipality: its sub-region's genitive stem
	name     string
}

// Regions is the key for all years, indexed by folded name: one lookup
// gives a name's every meaning in every year.
type Regions struct {
	names       map[string][]entry
	subRegionOf map[int]map[string]string // year → seutukunta code → maakunta code
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
	r := &Regions{names: map[string][]entry{}, subRegionOf: map[int]map[string]string{}}
	seen := map[string]bool{}
	add := func(name string, e entry) {
		if name == "" {
			return
		}
		// Under the folded name, and as printed, so that the common exact
		// spelling is found without folding.
		for _, k := range []string{foldName(name), name} {
			id := k + "\x00" + strconv.Itoa(e.year) + string(e.kind) + e.code
			if !seen[id] {
				seen[id] = true
				r.names[k] = append(r.names[k], e)
			}
		}
	}
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
		sub, reg := rec[col["seutukunta_code"]], rec[col["maakunta_code"]]
		m := entry{year: year, kind: 'm', code: rec[col["kunta_code"]], sub: sub, reg: reg,
			genitive: rec[col["seutukunta_name_fi_genitive_2017"]], name: rec[col["kunta_name_fi"]]}
		add(rec[col["kunta_name_fi"]], m)
		add(rec[col["kunta_name_sv"]], m)
		for _, n := range []string{rec[col["seutukunta_name_fi"]], rec[col["seutukunta_name_sv"]], rec[col["seutukunta_name_fi_genitive_2017"]]} {
			add(n, entry{year: year, kind: 's', code: sub})
		}
		add(rec[col["maakunta_name_fi"]], entry{year: year, kind: 'r', code: reg})
		add(rec[col["maakunta_name_sv"]], entry{year: year, kind: 'r', code: reg})
		if r.subRegionOf[year] == nil {
			r.subRegionOf[year] = map[string]string{}
		}
		r.subRegionOf[year][sub] = reg
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

func (r *Regions) lookup(name string, kind byte, years []int, f func(entry)) {
	es, ok := r.names[name]
	if !ok {
		es = r.names[foldName(name)]
	}
	for _, e := range es {
		if e.kind == kind && slices.Contains(years, e.year) {
			f(e)
		}
	}
}

// Municipality finds a municipality in any of the years; ok is false if it
// is in none. The places of every year it appears in are returned.
func (r *Regions) Municipality(name string, years []int) ([]Municipality, bool) {
	var out []Municipality
	r.lookup(name, 'm', years, func(e entry) {
		out = append(out, Municipality{Name: e.name, SubRegion: e.sub, Region: e.reg, SubRegionGenitive: e.genitive})
	})
	return out, len(out) > 0
}

// SubRegion returns the seutukunta codes a name has in the years.
func (r *Regions) SubRegion(name string, years []int) []string {
	var out []string
	r.lookup(name, 's', years, func(e entry) { out = append(out, e.code) })
	return out
}

// RegionOfSubRegion returns the maakunta codes a seutukunta belongs to in
// the years.
func (r *Regions) RegionOfSubRegion(code string, years []int) []string {
	var out []string
	for _, y := range years {
		if c, ok := r.subRegionOf[y][code]; ok {
			out = append(out, c)
		}
	}
	return out
}

// Region returns the maakunta codes a name has in the years.
func (r *Regions) Region(name string, years []int) []string {
	var out []string
	r.lookup(name, 'r', years, func(e entry) { out = append(out, e.code) })
	return out
}
