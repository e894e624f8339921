package programme

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// The municipality → seutukunta → maakunta key for 2014–2021 is made from
// data/fi_kunta_seutukunta_maakunta_2014_2021.csv (source note:
// data/fi_regions_2014_2021_SOURCE.md) into regions_table.go by go generate
// ./programme; a test keeps the two in step.

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
// printed: one lookup gives a name's every meaning in every year. The
// process's key is generated Go data (regions_table.go), so that a one-file
// check does not spend a millisecond building it.
type Regions struct {
	entries []entry
	names   []nameRef      // sorted by key; a key with several meanings repeats
	subs    []subRegionRef // sorted by year, then sub-region code
}

// nameRef indexes an entry under a name.
type nameRef struct {
	key   string
	entry uint16
}

// subRegionRef places a seutukunta in its maakunta in one year.
type subRegionRef struct {
	year     uint16
	sub, reg string
}

// GetRegions returns the embedded key (generated Go data, shared: a Regions
// has no method that changes it).
func GetRegions() *Regions { return &generatedRegions }

// loadRegions reads the compact key (no quoting: CompactRegions refuses
// it) into a Regions; go generate turns that into regions_table.go.
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
	names := make(map[string][]*entry, 2*rows)
	subRegionOf := map[int]map[string]string{}
	for year := FirstYear; year <= LastYear; year++ {
		subRegionOf[year] = make(map[string]string, 80)
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
			names[f] = append(names[f], e)
			if f != name {
				names[name] = append(names[name], e)
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
				subRegionOf[year][sub] = reg
			}
		}
	}
	return index(names, subRegionOf), nil
}

// index turns the maps loadRegions builds into the sorted tables lookups
// search. Entries are numbered in the order of their first name.
func index(names map[string][]*entry, subRegionOf map[int]map[string]string) *Regions {
	r := &Regions{}
	keys := make([]string, 0, len(names))
	for k := range names {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	num := map[*entry]uint16{}
	for _, k := range keys {
		for _, e := range names[k] {
			n, ok := num[e]
			if !ok {
				n = uint16(len(r.entries))
				num[e] = n
				r.entries = append(r.entries, *e)
			}
			r.names = append(r.names, nameRef{k, n})
		}
	}
	for year := FirstYear; year <= LastYear; year++ {
		subs := make([]string, 0, len(subRegionOf[year]))
		for sub := range subRegionOf[year] {
			subs = append(subs, sub)
		}
		sort.Strings(subs)
		for _, sub := range subs {
			r.subs = append(r.subs, subRegionRef{uint16(year), sub, subRegionOf[year][sub]})
		}
	}
	return r
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

// find returns the references of a name, as given or folded.
func (r *Regions) find(name string) []nameRef {
	if refs := r.refs(name); len(refs) > 0 {
		return refs
	}
	return r.refs(foldName(name))
}

func (r *Regions) refs(key string) []nameRef {
	i, _ := slices.BinarySearchFunc(r.names, key, func(n nameRef, k string) int { return strings.Compare(n.key, k) })
	j := i
	for j < len(r.names) && r.names[j].key == key {
		j++
	}
	return r.names[i:j]
}

// Municipality appends the places of a municipality in the years to dst,
// one for each of its entries there; none if it is in none of them.
func (r *Regions) Municipality(dst []Municipality, name string, ys YearSet) []Municipality {
	for _, ref := range r.find(name) {
		if e := &r.entries[ref.entry]; e.kind == 'm' && YearSet(e.years)&ys != 0 {
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
	for _, ref := range r.find(name) {
		if e := &r.entries[ref.entry]; e.kind == kind && YearSet(e.years)&ys != 0 {
			dst = append(dst, e.code)
		}
	}
	return dst
}

// RegionOfSubRegion appends the maakunta codes a seutukunta belongs to in
// the years to dst.
func (r *Regions) RegionOfSubRegion(dst []string, code string, ys YearSet) []string {
	for y := FirstYear; y <= LastYear; y++ {
		if !ys.Has(y) {
			continue
		}
		i, ok := slices.BinarySearchFunc(r.subs, subRegionRef{year: uint16(y), sub: code}, func(a, b subRegionRef) int {
			if a.year != b.year {
				return int(a.year) - int(b.year)
			}
			return strings.Compare(a.sub, b.sub)
		})
		if ok {
			dst = append(dst, r.subs[i].reg)
		}
	}
	return dst
}
