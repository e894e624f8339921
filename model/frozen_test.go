package model

import "testing"

// frozenRows are the field table's rows as they were when the table moved
// from a hand-written list (model/fields.go) to struct tags: path,
// section, kind, the missing-field name and the CSV columns. They are
// public contracts (the canonical layout's order, the CSV's column names,
// the messages), so each must keep its facts and the rows their relative
// order. A new field adds a row anywhere without touching this list.
var frozenRows = []struct {
	path, section string
	kind          Kind
	required, csv string
}{
	{"version", "", KindOther, "", ""},
	{"kind", "", KindOther, "", ""},
	{"source", "", KindOther, "", "source"},
	{"error", "", KindOther, "", "error"},
	{"language", "", KindOther, "", "language"},
	{"fund", "", KindOther, "", "fund"},
	{"project.code", "1", KindText, "project code (Hankekoodi)", "code"},
	{"project.name", "1", KindText, "project name (Hankkeen nimi)", "name"},
	{"project.priority_axis", "1", KindNumbered, "priority axis (Toimintalinja)", "axis,axis_name"},
	{"project.specific_objective", "1", KindNumbered, "specific objective (Erityistavoite)", "objective,objective_name"},
	{"project.period", "1", KindPeriod, "implementation period (Suunnitelman mukainen toteutusaika)", "start,end"},
	{"project.status", "1", KindStatus, "status (Toiminnan tila)", "status"},
	{"project.state", "1", KindOther, "", "state"},
	{"project.authority", "1", KindText, "responsible authority (Vastuuviranomainen)", "authority"},
	{"applicant.name", "2", KindText, "applicant's name (Hakijan virallinen nimi)", "applicant"},
	{"applicant.organisation_type", "2", KindText, "", "organisation_type"},
	{"applicant.business_id", "2", KindText, "applicant's business ID (Y-tunnus)", "business_id"},
	{"applicant.address.street", "2", KindText, "", "street"},
	{"applicant.phone", "2", KindText, "", "phone"},
	{"applicant.address.postal_code", "2", KindText, "", "postal_code"},
	{"applicant.address.city", "2", KindText, "", "city"},
	{"applicant.website", "2", KindText, "", "website"},
	{"applicant.contact.name", "2", KindText, "", "contact_name"},
	{"applicant.contact.title", "2", KindText, "", "contact_title"},
	{"applicant.contact.email", "2", KindEmail, "", "contact_email"},
	{"applicant.contact.phone", "2", KindText, "", "contact_phone"},
	{"applicant.applicants", "2", KindText, "", "applicants"},
	{"applicant.co_implementers", "2", KindOther, "", "co_implementers"},
	{"applicant.transfer_recipients", "2", KindOther, "", "transfer_recipients"},
	{"summary", "3", KindFreeText, "", ""},
	{"target_groups.primary", "4.1", KindFreeText, "", ""},
	{"target_groups.indirect", "4.2", KindFreeText, "", ""},
	{"funding.eu_state_granted", "5", KindAmount, "", "eu_state_granted"},
	{"funding.eu_state_realised", "5", KindAmount, "", "eu_state_realised"},
	{"funding.public_planned", "5", KindAmount, "", "public_planned"},
	{"funding.public_realised", "5", KindAmount, "", "public_realised"},
	{"area.regions", "6", KindNames, "", "regions"},
	{"area.sub_regions", "6", KindNames, "", "sub_regions"},
	{"area.municipalities", "6", KindNames, "", "municipalities"},
	{"area.site.street", "6", KindText, "", ""},
	{"area.site.postal_code", "6", KindText, "", ""},
	{"area.site.city", "6", KindText, "", ""},
	{"indicators.new_jobs.planned", "7.1", KindFigure, "", "new_jobs_planned,new_jobs_planned_women"},
	{"indicators.new_jobs.realised", "7.1", KindFigure, "", "new_jobs_realised,new_jobs_realised_women"},
	{"indicators.new_companies.planned", "7.2", KindFigure, "", "new_companies_planned,new_companies_planned_women"},
	{"indicators.new_companies.realised", "7.2", KindFigure, "", "new_companies_realised,new_companies_realised_women"},
	{"indicators.other", "7", KindOther, "", "other_indicators"},
	{"horizontal.gender_equality.context_analysis", "8.1", KindAnswer, "", "gender_context_analysis"},
	{"horizontal.gender_equality.mainstreamed", "8.1", KindAnswer, "", "gender_mainstreamed"},
	{"horizontal.gender_equality.main_goal", "8.1", KindAnswer, "", "gender_main_goal"},
	{"horizontal.sustainability", "8.2", KindOther, "", "sustainability_direct_mean,sustainability_indirect_mean"},
	{"final_report", "9", KindFreeText, "", ""},
	{"other_sections", "", KindOther, "", "other_sections"},
}

func TestExistingRowsUnchanged(t *testing.T) {
	last := FieldID(0)
	for _, want := range frozenRows {
		id := FieldByPath(want.path)
		if id == 0 {
			t.Errorf("%s: no row", want.path)
			continue
		}
		f := id.Def()
		if f.Section.String() != want.section || f.Kind != want.kind || f.Required != want.required || f.CSV != want.csv {
			t.Errorf("%s: section %q kind %d required %q csv %q; want %q %d %q %q",
				want.path, f.Section, f.Kind, f.Required, f.CSV, want.section, want.kind, want.required, want.csv)
		}
		if id < last {
			t.Errorf("%s is now before %s in the layout", want.path, last.Path())
		}
		last = id
	}
}
