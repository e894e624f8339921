package validate

import (
	"sort"
	"strconv"
	"strings"

	"github.com/asectl/asectl/model"
	"github.com/asectl/asectl/programme"
)

var rulePriorityAxis = &Rule{
	ID: "priority-axis", Severity: Error,
	Doc: "the priority axis is unknown or belongs to the other fund",
	Explain: `Axes 1, 2, 6 and 8 are EAKR (ERDF); 3, 4, 5, 7 and 9 are ESR (ESF).

Example (an EAKR page):
  Toimintalinja: 3. Työllisyys ja työvoiman liikkuvuus   <- priority-axis (an ESR axis)`,
	Run: func(p *Pass) {
		d := p.Doc
		ax := d.Project.PriorityAxis
		if !ax.Number.Valid {
			if ax.Number.Raw != "" {
				p.Report(ax.Pos, "project.priority_axis.number", "priority axis %q has no number (expected \"<n>. <name>\")", ax.Number.Raw)
			}
			return
		}
		a := p.Programme.Axis(ax.Number.Value)
		if a == nil {
			p.Report(ax.Number.Pos, "project.priority_axis.number", "priority axis %s does not exist in the programme (axes %s)", ax.Number.Value, axesText(p.Programme))
			return
		}
		if d.Fund.Valid && a.Fund != d.Fund.Value {
			p.Report(ax.Number.Pos, "project.priority_axis.number", "priority axis %s is an %s axis, but this is an %s project", a.Number, a.Fund, d.Fund.Value)
		}
	},
}

var ruleSpecificObjective = &Rule{
	ID: "specific-objective", Severity: Error,
	Doc: "the specific objective is unknown or not one of the axis's objectives",
	Explain: `Each axis has its own objectives, and the first digit does not tell the axis (3.1 is
axis 1, 3.2 is axis 2).

Example:
  Toimintalinja: 2. Uusimman tiedon ja osaamisen tuottaminen ja hyödyntäminen
  Erityistavoite: 3.1. Pk-yritysten energiatehokkuuden edistäminen   <- specific-objective`,
	Run: func(p *Pass) {
		d := p.Doc
		so := d.Project.SpecificObjective
		if !so.Number.Valid {
			if so.Number.Raw != "" {
				p.Report(so.Pos, "project.specific_objective.number", "specific objective %q has no number (expected \"<n.n>. <name>\")", so.Number.Raw)
			}
			return
		}
		prog := p.Programme
		o := prog.Objective(so.Number.Value)
		if o == nil {
			p.Report(so.Number.Pos, "project.specific_objective.number", "specific objective %s does not exist in the programme", so.Number.Value)
			return
		}
		ax := d.Project.PriorityAxis.Number
		if !ax.Valid || prog.Axis(ax.Value) == nil || o.Axis == nil || prog.Axis(ax.Value).TechnicalAssistance {
			return
		}
		if o.Axis.Number != ax.Value {
			p.Report(so.Number.Pos, "project.specific_objective.number", "specific objective %s belongs to axis %s, not to axis %s (axis %s has %s)",
				o.Number, o.Axis.Number, ax.Value, ax.Value, oneOf(prog.Axis(ax.Value).Objectives))
		}
	},
}

var ruleProgrammeName = &Rule{
	ID: "programme-name", Severity: Warning,
	Doc: "the axis or objective name differs from the programme's wording",
	Explain: `The name after the number must be the programme's own wording in the page's language
(case and spacing aside). Names not known in a language are not compared.

Example:
  Erityistavoite: 4.1. Tutkimus- ja innovaatiokeskittymien kehittäminen   <- programme-name`,
	Run: func(p *Pass) {
		d := p.Doc
		prog := p.Programme
		check := func(n model.Numbered, names map[string]string, what, field string) {
			want, ok := names[d.Language]
			if !ok || !n.Name.Valid || programme.SameName(n.Name.Value, want) {
				return
			}
			p.Report(n.Name.Pos, field, "%s %s is named %q here, but %q in the programme", what, n.Number.Value, n.Name.Value, want)
		}
		if ax := d.Project.PriorityAxis; ax.Number.Valid {
			if a := prog.Axis(ax.Number.Value); a != nil {
				check(ax, a.Names, "priority axis", "project.priority_axis.name")
			}
		}
		if so := d.Project.SpecificObjective; so.Number.Valid {
			if o := prog.Objective(so.Number.Value); o != nil {
				check(so, o.Names, "specific objective", "project.specific_objective.name")
			}
		}
	},
}

var ruleProjectStatus = &Rule{
	ID: "project-status", Severity: Error,
	Doc: "the status is not one the service uses",
	Explain: `The service prints "Toiminnassa" (running), "Toiminta päättynyt" (ended) or
"Keskeytynyt" (interrupted); in English "In operation", "Ended" or "Interrupted". The
statuses and their states are data: parser/lang/*.json.

Example:
  Toiminnan tila: Valmis   <- project-status`,
	Run: func(p *Pass) {
		st := p.Doc.Project.Status
		if !st.Valid || p.Doc.Project.State.Valid {
			return
		}
		var known []string
		if l := p.Language(p.Doc.Language); l != nil {
			for s := range l.Statuses {
				known = append(known, quote(s))
			}
		}
		sort.Strings(known)
		p.Report(st.Pos, "project.status", "status %q is not one the service uses (expected %s)", st.Value, oneOf(known))
	},
}

// axesText lists a programme's axis numbers for a message: runs of three or
// more consecutive numbers as a range ("1–9", "1, 3–5"), in the programme's
// order.
func axesText(prog *programme.Programme) string {
	var parts []string
	axes := prog.Axes
	for i := 0; i < len(axes); {
		j := i
		for j+1 < len(axes) && consecutive(axes[j].Number, axes[j+1].Number) {
			j++
		}
		switch {
		case j-i >= 2:
			parts = append(parts, axes[i].Number+"–"+axes[j].Number)
		default:
			for k := i; k <= j; k++ {
				parts = append(parts, axes[k].Number)
			}
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}

// consecutive reports whether b is the whole number after a.
func consecutive(a, b string) bool {
	x, err1 := strconv.Atoi(a)
	y, err2 := strconv.Atoi(b)
	return err1 == nil && err2 == nil && y == x+1
}
