package validate

import (
	"github.com/asectl/asectl/model"
)

type amount = model.Field[model.Fixed2]

// compare reports when a > b, both read.
func compare(p *Pass, a, b amount, field, format string) {
	if a.Valid && b.Valid && a.Value > b.Value {
		p.Report(a.Pos, field, format, a.Value.Grouped(), b.Value.Grouped())
	}
}

var ruleFundingGrantedVsPlanned = &Rule{
	ID: "funding-granted-vs-planned", Severity: Error,
	Doc: "EU and state funding granted exceeds the planned public funding",
	Explain: `The EU and state share is part of the public funding, so the granted amount cannot be
larger than the planned public total.

Example:
  Myönnetty EU- ja valtion rahoitus: 2 000 000
  Suunniteltu julkinen rahoitus yhteensä: 1 926 333   <- funding-granted-vs-planned`,
	Run: func(p *Pass) {
		f := p.Doc.Funding
		compare(p, f.EUStateGranted, f.PublicPlanned, "funding.eu_state_granted",
			"EU and state funding granted (%s €) exceeds the planned public funding (%s €)")
	},
}

var ruleFundingRealisedVsGranted = &Rule{
	ID: "funding-realised-vs-granted", Severity: Error,
	Doc: "EU and state funding realised exceeds what was granted",
	Explain: `Example:
  Myönnetty EU- ja valtion rahoitus: 1 551 280
  Toteutunut EU- ja valtion rahoitus: 1 600 000   <- funding-realised-vs-granted`,
	Run: func(p *Pass) {
		f := p.Doc.Funding
		compare(p, f.EUStateRealised, f.EUStateGranted, "funding.eu_state_realised",
			"EU and state funding realised (%s €) exceeds the amount granted (%s €)")
	},
}

var ruleFundingRealisedEUVsPublic = &Rule{
	ID: "funding-realised-eu-vs-public", Severity: Error,
	Doc: "EU and state funding realised exceeds the public funding realised",
	Explain: `The realised EU and state share is part of the realised public funding.

Example:
  Toteutunut EU- ja valtion rahoitus: 1 900 000
  Toteutunut julkinen rahoitus yhteensä: 1 840 531   <- funding-realised-eu-vs-public`,
	Run: func(p *Pass) {
		f := p.Doc.Funding
		compare(p, f.EUStateRealised, f.PublicRealised, "funding.eu_state_realised",
			"EU and state funding realised (%s €) exceeds the public funding realised (%s €)")
	},
}

var ruleFundingRealisedVsPlanned = &Rule{
	ID: "funding-realised-vs-planned", Severity: Warning,
	Doc: "public funding realised exceeds the plan",
	Explain: `Example:
  Suunniteltu julkinen rahoitus yhteensä: 1 926 333
  Toteutunut julkinen rahoitus yhteensä: 2 000 000   <- funding-realised-vs-planned`,
	Run: func(p *Pass) {
		f := p.Doc.Funding
		compare(p, f.PublicRealised, f.PublicPlanned, "funding.public_realised",
			"public funding realised (%s €) exceeds the planned public funding (%s €)")
	},
}

var ruleFundingMissingRealised = &Rule{
	ID: "funding-missing-realised", Severity: Warning,
	Doc: "an ended or interrupted project has no realised funding figures",
	Explain: `Once a project has ended, or was interrupted, section 5 should show what was
realised (for an interrupted project, often less than was granted).

Example (Toiminnan tila: Toiminta päättynyt):
  Toteutunut EU- ja valtion rahoitus:
  Toteutunut julkinen rahoitus yhteensä:   <- funding-missing-realised`,
	Run: func(p *Pass) {
		d := p.Doc
		sec, ok := d.Sections["5"]
		if !ok || !d.Project.State.Valid || !model.Over(d.Project.State.Value) {
			return
		}
		f := d.Funding
		if f.EUStateRealised.Valid || f.PublicRealised.Valid || f.EUStateRealised.Raw != "" || f.PublicRealised.Raw != "" {
			return
		}
		pos := sec.Pos
		if f.EUStateRealised.Present {
			pos = f.EUStateRealised.Pos
		}
		p.Report(pos, "funding.eu_state_realised", "the project has ended but section 5 gives no realised funding")
	},
}
