package validate

import (
	"fmt"
	"slices"

	"github.com/asectl/asectl/model"
	"github.com/asectl/asectl/programme"
)

// projectYears are the classification years that apply to the project: its
// period's years, clamped to the key's 2014–2021.
func projectYears(d *model.Description) []int {
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
	return programme.Years(from, to)
}

func yearSpan(ys []int) string {
	if len(ys) == 1 {
		return fmt.Sprint(ys[0])
	}
	return fmt.Sprintf("%d–%d", ys[0], ys[len(ys)-1])
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
		r := programme.GetRegions()
		ys := projectYears(d)
		for i, t := range d.Area.Regions {
			if len(r.Region(t.Value, ys)) == 0 {
				p.Report(t.Pos, fmt.Sprintf("area.regions[%d]", i), "region (maakunta) %q is not in the classification of %s", t.Value, yearSpan(ys))
			}
		}
		for i, t := range d.Area.SubRegions {
			if len(r.SubRegion(t.Value, ys)) == 0 {
				p.Report(t.Pos, fmt.Sprintf("area.sub_regions[%d]", i), "sub-region (seutukunta) %q is not in the classification of %s", t.Value, yearSpan(ys))
			}
		}
		for i, t := range d.Area.Municipalities {
			if _, ok := r.Municipality(t.Value, ys); !ok {
				p.Report(t.Pos, fmt.Sprintf("area.municipalities[%d]", i), "municipality %q is not in the classification of %s", t.Value, yearSpan(ys))
			}
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
		r := programme.GetRegions()
		ys := projectYears(d)
		var regions, subs []string
		for _, t := range d.Area.Regions {
			regions = append(regions, r.Region(t.Value, ys)...)
		}
		for _, t := range d.Area.SubRegions {
			subs = append(subs, r.SubRegion(t.Value, ys)...)
		}
		in := func(codes, set []string) bool {
			for _, c := range codes {
				if slices.Contains(set, c) {
					return true
				}
			}
			return false
		}
		for i, t := range d.Area.Municipalities {
			ms, ok := r.Municipality(t.Value, ys)
			if !ok {
				continue // area-unknown-name says so
			}
			var mSubs, mRegs []string
			for _, m := range ms {
				mSubs = append(mSubs, m.SubRegion)
				mRegs = append(mRegs, m.Region)
			}
			field := fmt.Sprintf("area.municipalities[%d]", i)
			if len(subs) > 0 && !in(mSubs, subs) {
				p.Report(t.Pos, field, "municipality %q is not in any listed sub-region (it is in %q)", t.Value, ms[len(ms)-1].SubRegionGenitive)
			} else if len(regions) > 0 && !in(mRegs, regions) {
				p.Report(t.Pos, field, "municipality %q is not in any listed region", t.Value)
			}
		}
		if len(regions) == 0 {
			return
		}
		for i, t := range d.Area.SubRegions {
			codes := r.SubRegion(t.Value, ys)
			if len(codes) == 0 {
				continue
			}
			var regs []string
			for _, c := range codes {
				regs = append(regs, r.RegionOfSubRegion(c, ys)...)
			}
			if !in(regs, regions) {
				p.Report(t.Pos, fmt.Sprintf("area.sub_regions[%d]", i), "sub-region %q is not in any listed region", t.Value)
			}
		}
	},
}
