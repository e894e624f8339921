package programme

import (
	_ "embed"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

// The municipality → seutukunta → maakunta key for 2014–2021, in the
// compact form CompactRegions makes of data/fi_kunta_seutukunta_maakunta_2014_2021.csv
// (source note: data/fi_regions_2014_2021_SOURCE.md). A test keeps the two
// in step; go generate ./programme remakes it.
//
//go:embed data/regions_compact.csv
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

// entry is a name's meaning, in the years of its bit set (bit 0 = 2014).
// The key changes little from year to year, so one entry serves several.
type entry struct {
	years    uint16
	kind     byte   // 'm' municipality, 's' sub-region, 'r' region
	code     string // the municipality's, sub-region's or region's code
	sub, reg string // for a municipality: its sub-region and region
	genitive string // for a municipality: its sub-region's genitive stem
	name     string
}

// Regions is the key for all years, indexed by name, folded and as
// printed: one lookup gives a name's every meaning in every year.
type Regions struct {
	names       map[string][]*entry
	subRegionOf map[int]map[string]string // year → seutukunta code → maakunta code
}

var (
	regionsOnce sync.Once
	regions     *Regions
)

// GetRegions loads the key on first use (only the area rules need it).
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

// loadRegions reads the compact key. It runs once per process, on the path
// of a one-file check, so it reads the plain CSV (no quoting: CompactRegions
// refuses it) by hand.
func loadRegions(b []byte) (*Regions, error) {
	text := string(b)
	nl := strings.IndexByte(text, '\n')
	if nl < 0 {
		return nil, errors.New("no header")
	}
	col := map[string]int{}
	for i, h := range strings.Split(strings.TrimSpace(text[:nl]), ",") {
		col[h] = i
	}
	need := []string{"years_mask", "kunta_code", "kunta_name_fi", "kunta_name_sv", "seutukunta_code", "seutukunta_name_fi",
		"seutukunta_name_sv", "seutukunta_name_fi_genitive_2017", "maakunta_code", "maakunta_name_fi", "maakunta_name_sv"}
	for _, n := range need {
		if _, ok := col[n]; !ok {
			return nil, fmt.Errorf("no column %s", n)
		}
	}
	idx := make([]int, len(need))
	for i, n := range need {
		idx[i] = col[n]
	}
	rows := strings.Count(text[nl+1:], "\n") + 1
	r := &Regions{names: make(map[string][]*entry, 2*rows), subRegionOf: map[int]map[string]string{}}
	for year := FirstYear; year <= LastYear; year++ {
		r.subRegionOf[year] = make(map[string]string, 80)
	}
	// One entry per (kind, code, place); years are merged into its bit set.
	// Entries come from one slab: this runs on every one-file check.
	type key struct {
		kind                  byte
		code, sub, reg, place string
	}
	merged := make(map[key]*entry, 2*rows)
	folded := make(map[string]string, 2*rows)
	slab := make([]entry, 0, 2*rows)
	add := func(name string, proto entry, mask uint16) {
		if name == "" {
			return
		}
		k := key{proto.kind, proto.code, proto.sub, proto.reg, name}
		e := merged[k]
		if e == nil {
			if len(slab) == cap(slab) {
				slab = make([]entry, 0, 256)
			}
			slab = append(slab, proto)
			e = &slab[len(slab)-1]
			merged[k] = e
			f, ok := folded[name]
			if !ok {
				f = foldName(name)
				folded[name] = f
			}
			r.names[f] = append(r.names[f], e)
			if f != name {
				r.names[name] = append(r.names[name], e)
			}
		}
		e.years |= mask
	}
	fields := make([]string, 0, len(col))
	row := make([]string, len(need))
	for _, line := range strings.Split(text[nl+1:], "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" {
			continue
		}
		fields = fields[:0]
		for {
			i := strings.IndexByte(line, ',')
			if i < 0 {
				fields = append(fields, line)
				break
			}
			fields = append(fields, line[:i])
			line = line[i+1:]
		}
		if len(fields) != len(col) {
			return nil, fmt.Errorf("a row has %d fields, not %d", len(fields), len(col))
		}
		for i, j := range idx {
			row[i] = fields[j]
		}
		// In the order of need.
		maskText, code, nameFI, nameSV, sub, subFI, subSV, subGen, reg, regFI, regSV :=
			row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8], row[9], row[10]
		m64, err := strconv.ParseUint(maskText, 10, 16)
		if err != nil || m64 == 0 || m64>>(LastYear-FirstYear+1) != 0 {
			return nil, fmt.Errorf("bad years_mask %q", maskText)
		}
		mask := uint16(m64)
		m := entry{kind: 'm', code: code, sub: sub, reg: reg, genitive: subGen, name: nameFI}
		add(nameFI, m, mask)
		add(nameSV, m, mask)
		add(subFI, entry{kind: 's', code: sub}, mask)
		add(subSV, entry{kind: 's', code: sub}, mask)
		add(subGen, entry{kind: 's', code: sub}, mask)
		add(regFI, entry{kind: 'r', code: reg}, mask)
		add(regSV, entry{kind: 'r', code: reg}, mask)
		for year := FirstYear; year <= LastYear; year++ {
			if mask&(1<<(year-FirstYear)) != 0 {
				r.subRegionOf[year][sub] = reg
			}
		}
	}
	return r, nil
}

// foldName folds case and the words pages add to a sub-region's genitive
// stem ("Rovaniemen seutukunta").
func foldName(s string) string {
	if !singleSpaced(s) {
		s = strings.Join(strings.Fields(s), " ")
	}
	s = strings.ToLower(s)
	s = strings.TrimSuffix(s, " seutukunta")
	return s
}

// singleSpaced reports whether s has no leading, trailing or repeated
// white space and no white space but ASCII spaces, so that
// strings.Fields would give it back as it is.
func singleSpaced(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' || strings.Contains(s, "  ") {
		return s == ""
	}
	for _, r := range s {
		if r != ' ' && unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// YearSet is a set of the key's years: bit y-FirstYear stands for year y.
// Lookups take a set, not a list, so that they need no allocation.
type YearSet uint16

// Span is the set of the years from..to, clamped to the years the key
// covers.
func Span(from, to int) YearSet {
	from, to = max(from, FirstYear), min(to, LastYear)
	if from > to {
		// A project wholly outside the key's years: judge it by the nearest.
		if to < FirstYear {
			from, to = FirstYear, FirstYear
		} else {
			from, to = LastYear, LastYear
		}
	}
	var s YearSet
	for y := from; y <= to; y++ {
		s |= 1 << (y - FirstYear)
	}
	return s
}

// Has reports whether year y is in the set.
func (s YearSet) Has(y int) bool {
	return y >= FirstYear && y <= LastYear && s&(1<<(y-FirstYear)) != 0
}

// Bounds returns the first and last year of a non-empty set.
func (s YearSet) Bounds() (first, last int) {
	first, last = -1, -1
	for y := FirstYear; y <= LastYear; y++ {
		if s.Has(y) {
			if first < 0 {
				first = y
			}
			last = y
		}
	}
	return first, last
}

// entries returns the entries of a name, as given or folded.
func (r *Regions) entries(name string) []*entry {
	es, ok := r.names[name]
	if !ok {
		es = r.names[foldName(name)]
	}
	return es
}

// Municipality appends the places of a municipality in the years to dst,
// one for each of its entries there; none if it is in none of them.
func (r *Regions) Municipality(dst []Municipality, name string, ys YearSet) []Municipality {
	for _, e := range r.entries(name) {
		if e.kind == 'm' && YearSet(e.years)&ys != 0 {
			dst = append(dst, Municipality{Name: e.name, SubRegion: e.sub, Region: e.reg, SubRegionGenitive: e.genitive})
		}
	}
	return dst
}

// SubRegion appends the seutukunta codes a name has in the years to dst.
func (r *Regions) SubRegion(dst []string, name string, ys YearSet) []string {
	return r.codes(dst, name, 's', ys)
}

// Region appends the maakunta codes a name has in the years to dst.
func (r *Regions) Region(dst []string, name string, ys YearSet) []string {
	return r.codes(dst, name, 'r', ys)
}

func (r *Regions) codes(dst []string, name string, kind byte, ys YearSet) []string {
	for _, e := range r.entries(name) {
		if e.kind == kind && YearSet(e.years)&ys != 0 {
			dst = append(dst, e.code)
		}
	}
	return dst
}

// RegionOfSubRegion appends the maakunta codes a seutukunta belongs to in
// the years to dst.
func (r *Regions) RegionOfSubRegion(dst []string, code string, ys YearSet) []string {
	for y := FirstYear; y <= LastYear; y++ {
		if ys.Has(y) {
			if c, ok := r.subRegionOf[y][code]; ok {
				dst = append(dst, c)
			}
		}
	}
	return dst
}
