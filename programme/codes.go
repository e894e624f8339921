package programme

// MunicipalityCode appends the kunta codes a municipality's name has in the
// years to dst (such as "698" for Rovaniemi); none if it is in none of them.
func (r *Regions) MunicipalityCode(dst []string, name string, ys YearSet) []string {
	return r.codes(dst, name, 'm', ys)
}
