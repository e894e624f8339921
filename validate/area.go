package validate

import (
	"fmt"
	"slices"

	"github.com/asectl/asectl/model"
	"github.com/asectl/asectl/programme"
)

// ProjectYears are the years of Statistics Finland's municipality key that
// apply to a description: its period's years, clamped to the key's
// 2014–2021 (all of them when the period is absent or reversed). The area
// rules and the database export classify names by them.
func ProjectYears(d *model.Description) programme.YearSet {
	from, to := programme.FirstYear, programme.LastYear
	if s := d.Project.Period.Start; s.Valid {
		from = s.Value.Year
	}
	if e := d.Project.Period.End; e.Valid {
		to = e.Value.Year
	}
	if from > to {
		from, to = programme.FirstYear, programme.LastYear
	}
	return programme.Span(from, to)
}

func yearSpan(ys programme.YearSet) string {
	first, last := ys.Bounds()
	if first == last {
		return fmt.Sprint(first)
	}
	return fmt.Sprintf("%d–%d", first, last)
}

var ruleAreaUnknownName = &Rule{
	ID: "area-unknown-name", Severity: Warning,
	Doc: "a region, sub-region or municipality is not in the classification of the project's years",
	Explain: `Names are checked against Statistics Finland's municipality key for the years of the
project's period (2014–2021; boundaries moved in 2016 and 2021). Sub-regions are written
as genitive stems ("Rovaniemen"); nominative names are accepted too.

Example:
  Kunnat: Rovaniemi, Rovaniemen maalaiskunta   <- area-unknown-name (merged in 1973)`,
	Run: func(p *Pass) {
		d := p.Doc
		if len(d.Area.Regions)+len(d.Area.SubRegions)+len(d.Area.Municipalities) == 0 {
			return
		}
		r := p.Regions
		ys := ProjectYears(d)
		// Lookups append to buffers on the stack: a batch asks them for
		// every description.
		var codes [8]string
		var ms [4]programme.Municipality
		// The year span is formatted and boxed once, not per finding: a
		// list of 900,000 unknown names gives 900,000 findings, and each
		// finding's own copy cost 32 bytes that stayed live until written.
		var span any
		years := func() any {
			if span == nil {
				span = yearSpan(ys)
			}
			return span
		}
		for i, t := range d.Area.Regions {
			if p.wants(t.Pos) && len(r.Region(codes[:0], t.Value, ys)) == 0 {
				p.Report(t.Pos, fmt.Sprintf("area.regions[%d]", i), "region (maakunta) %q is not in the classification of %s", t.Value, years())
			}
		}
		for i, t := range d.Area.SubRegions {
			if p.wants(t.Pos) && len(r.SubRegion(codes[:0], t.Value, ys)) == 0 {
				p.Report(t.Pos, fmt.Sprintf("area.sub_regions[%d]", i), "sub-region (seutukunta) %q is not in the classification of %s", t.Value, years())
			}
		}
		// p.wants stays in the loops: a stream's pass runs once per
		// window of findings over every name, and a call per name to skip
		// it cost 12 % more CPU at 900,000 names.
		unknown := func(name string) bool { return len(r.Municipality(ms[:0], name, ys)) == 0 }
		report := func(i int) {
			if t := &d.Area.Municipalities[i]; p.keep(t.Pos) {
				p.add(t.Pos, fmt.Sprintf("area.municipalities[%d]", i), "municipality %q is not in the classification of %s", t.Value, years())
			}
		}
		// With the findings bounded (CheckStream) each unknown name is
		// reported as it is met: the names outside the window are skipped
		// before their lookup, and a name's field path and message are
		// made only when its finding is kept.
		if p.limit > 0 {
			for i, t := range d.Area.Municipalities {
				if p.wants(t.Pos) && unknown(t.Value) {
					report(i)
				}
			}
			return
		}
		// Otherwise they are found first and reported after one growth of
		// the findings: appending 900,000 of them one by one kept the old
		// and the new backing array alive together at the peak (the
		// struct is 96 bytes). The streaming case above keeps no such list
		// (3.6 MB at 900,000 names).
		var found []int32
		for i, t := range d.Area.Municipalities {
			if p.wants(t.Pos) && unknown(t.Value) {
				found = append(found, int32(i))
			}
		}
		p.grow(len(found))
		for _, i := range found {
			report(int(i))
		}
	},
}

var ruleAreaInconsistent = &Rule{
	ID: "area-inconsistent", Severity: Warning,
	Doc: "a municipality or sub-region lies outside every listed sub-region or region",
	Explain: `A listed municipality must lie in one of the listed sub-regions (if any are listed) and
in one of the listed regions (if any); a listed sub-region in one of the listed regions.
A place counts as inside if it is inside in any year of the project's period.

Example:
  Maakunnat: Lappi
  Kunnat: Rovaniemi, Oulu   <- area-inconsistent (Oulu is in Pohjois-Pohjanmaa)`,
	Run: func(p *Pass) {
		d := p.Doc
		if len(d.Area.Municipalities)+len(d.Area.SubRegions) == 0 {
			return // nothing to place; do not load the key for nothing
		}
		r := p.Regions
		ys := ProjectYears(d)
		var regBuf, subBuf [32]string
		regions, subs := regBuf[:0], subBuf[:0]
		for _, t := range d.Area.Regions {
			regions = r.Region(regions, t.Value, ys)
		}
		for _, t := range d.Area.SubRegions {
			subs = r.SubRegion(subs, t.Value, ys)
		}
		// Each code once: the country has a few hundred, and a list that
		// repeats names must not make every municipality's test long.
		slices.Sort(regions)
		regions = slices.Compact(regions)
		slices.Sort(subs)
		subs = slices.Compact(subs)
		var msBuf [4]programme.Municipality
		for i, t := range d.Area.Municipalities {
			if !p.wants(t.Pos) {
				continue
			}
			ms := r.Municipality(msBuf[:0], t.Value, ys)
			if len(ms) == 0 {
				continue // area-unknown-name says so
			}
			inSubs, inRegs := false, false
			for _, m := range ms {
				inSubs = inSubs || slices.Contains(subs, m.SubRegion)
				inRegs = inRegs || slices.Contains(regions, m.Region)
			}
			if len(subs) > 0 && !inSubs {
				p.Report(t.Pos, fmt.Sprintf("area.municipalities[%d]", i), "municipality %q is not in any listed sub-region (it is in %q)", t.Value, ms[len(ms)-1].SubRegionGenitive)
			} else if len(regions) > 0 && !inRegs {
				p.Report(t.Pos, fmt.Sprintf("area.municipalities[%d]", i), "municipality %q is not in any listed region", t.Value)
			}
		}
		if len(regions) == 0 {
			return
		}
		var codeBuf, regsBuf [8]string
		for i, t := range d.Area.SubRegions {
			if !p.wants(t.Pos) {
				continue
			}
			codes := r.SubRegion(codeBuf[:0], t.Value, ys)
			if len(codes) == 0 {
				continue
			}
			regs := regsBuf[:0]
			for _, c := range codes {
				regs = r.RegionOfSubRegion(regs, c, ys)
			}
			in := false
			for _, c := range regs {
				in = in || slices.Contains(regions, c)
			}
			if !in {
				p.Report(t.Pos, fmt.Sprintf("area.sub_regions[%d]", i), "sub-region %q is not in any listed region", t.Value)
			}
		}
	},
}
