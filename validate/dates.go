package validate

import (
	"github.com/asectl/asectl/model"
)

var rulePeriodOrder = &Rule{
	ID: "period-order", Severity: Error,
	Doc: "the implementation period starts after it ends",
	Explain: `Example:
  Suunnitelman mukainen toteutusaika: Alkaa 15.3.2018 ja päättyy 13.2.2016   <- period-order`,
	Run: func(p *Pass) {
		per := p.Doc.Project.Period
		if per.Start.Valid && per.End.Valid && per.Start.Value.After(per.End.Value) {
			p.Report(per.Start.Pos, "project.period", "the period starts on %s, after it ends on %s",
				per.Start.Value.Finnish(), per.End.Value.Finnish())
		}
	},
}

var rulePeriodInProgramme = &Rule{
	ID: "period-in-programme", Severity: Error,
	Doc: "the implementation period lies outside 1.1.2014–31.12.2023",
	Explain: `Expenditure of the 2014–2020 programme is eligible from 1.1.2014 to 31.12.2023
(Regulation (EU) 1303/2013, art. 65).

Example:
  Suunnitelman mukainen toteutusaika: Alkaa 1.1.2013 ja päättyy 31.12.2015   <- period-in-programme`,
	Run: func(p *Pass) {
		per := p.Doc.Project.Period
		el := p.Programme.Eligible
		if per.Start.Valid && per.Start.Value.Before(el.Start) {
			p.Report(per.Start.Pos, "project.period.start", "the period starts on %s, before the programme's eligibility starts on %s",
				per.Start.Value.Finnish(), el.Start.Finnish())
		}
		if per.End.Valid && per.End.Value.After(el.End) {
			p.Report(per.End.Pos, "project.period.end", "the period ends on %s, after the programme's eligibility ends on %s",
				per.End.Value.Finnish(), el.End.Finnish())
		}
	},
}

var ruleStatusVsPeriod = &Rule{
	ID: "status-vs-period", Severity: Warning,
	Doc: "the status does not fit the period: running long after the end, or ended before it",
	Explain: `A project still "Toiminnassa" more than six months after its planned end, or already
"Toiminta päättynyt" while its planned end is still ahead of the reference date
(--today, default today), is probably out of date. An interrupted project
("Keskeytynyt") ended early by definition: neither applies.

Example (with --today 2025-01-01):
  Suunnitelman mukainen toteutusaika: Alkaa 1.1.2016 ja päättyy 31.12.2018
  Toiminnan tila: Toiminnassa   <- status-vs-period`,
	Run: func(p *Pass) {
		d := p.Doc
		end := d.Project.Period.End
		st := d.Project.State
		if !end.Valid || !st.Valid {
			return
		}
		switch st.Value {
		case model.StateRunning:
			if end.Value.AddMonths(6).Before(p.Today) {
				p.Report(d.Project.Status.Pos, "project.status", "the project is still running although its period ended on %s, more than six months before %s",
					end.Value.Finnish(), p.Today.Finnish())
			}
		case model.StateEnded:
			if end.Value.After(p.Today) {
				p.Report(d.Project.Status.Pos, "project.status", "the project has ended although its period runs until %s, after %s",
					end.Value.Finnish(), p.Today.Finnish())
			}
		}
	},
}
