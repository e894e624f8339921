package validate

import (
	"fmt"

	"github.com/asectl/asectl/model"
)

var ruleIndicatorWomen = &Rule{
	ID: "indicator-women-exceeds-total", Severity: Error,
	Doc: "the women's figure of an indicator exceeds its total",
	Explain: `Women are a subset of the total: new jobs for women, or companies founded by women,
cannot outnumber all of them; nor can the women's part of an ESF page's own indicators
(indicators.other).

Example:
  Suunniteltu: 2, joihin työllistyvät naiset 6   <- indicator-women-exceeds-total`,
	Run: func(p *Pass) {
		ind := p.Doc.Indicators
		for _, f := range []struct {
			fig  model.Figure
			path string
		}{
			{ind.NewJobs.Planned, "indicators.new_jobs.planned"}, {ind.NewJobs.Realised, "indicators.new_jobs.realised"},
			{ind.NewCompanies.Planned, "indicators.new_companies.planned"}, {ind.NewCompanies.Realised, "indicators.new_companies.realised"},
		} {
			if f.fig.Total.Valid && f.fig.Women.Valid && f.fig.Women.Value > f.fig.Total.Value {
				p.Report(f.fig.Women.Pos, f.path+".women", "%s women out of a total of %s", f.fig.Women.Value, f.fig.Total.Value)
			}
		}
		// An ESF page's own indicators: their women's part is a part too.
		for _, o := range ind.Other {
			for _, f := range []struct {
				fig  model.Figure
				path string
			}{{o.Planned, "indicators.other.planned"}, {o.Realised, "indicators.other.realised"}} {
				if f.fig.Total.Valid && f.fig.Women.Valid && f.fig.Women.Value > f.fig.Total.Value {
					p.Report(f.fig.Women.Pos, f.path+".women", "%s women out of a total of %s", f.fig.Women.Value, f.fig.Total.Value)
				}
			}
		}
	},
}

var ruleIndicatorNotApplicable = &Rule{
	ID: "indicator-not-applicable", Severity: Warning,
	Doc: "an indicator figure is given for an objective that does not ask for it",
	Explain: `New jobs (7.1) are asked only for objectives 1.1, 2.1 and 3.1; new companies (7.2) only
for 1.1. A non-zero figure elsewhere is probably not counted.

Example (Erityistavoite: 4.1):
  7.1 Uusien työpaikkojen määrä
  Suunniteltu: 6, joihin työllistyvät naiset 2   <- indicator-not-applicable`,
	Run: func(p *Pass) {
		d := p.Doc
		so := d.Project.SpecificObjective.Number
		if !so.Valid {
			return
		}
		o := p.Programme.Objective(so.Value)
		if o == nil {
			return
		}
		check := func(ind model.Indicator, asked bool, name, path string) {
			if asked {
				return
			}
			for _, f := range []struct {
				fig  model.Figure
				path string
			}{{ind.Planned, path + ".planned"}, {ind.Realised, path + ".realised"}} {
				if f.fig.Total.Valid && f.fig.Total.Value != 0 {
					p.Report(f.fig.Total.Pos, f.path+".total", "%s %s given, but objective %s does not ask for this indicator", f.fig.Total.Value, name, so.Value)
				}
			}
		}
		check(d.Indicators.NewJobs, o.NewJobs, "new jobs", "indicators.new_jobs")
		check(d.Indicators.NewCompanies, o.NewCompanies, "new companies", "indicators.new_companies")
	},
}

var ruleScoreRange = &Rule{
	ID: "score-range", Severity: Error,
	Doc: "a sustainability score is not a whole number from 0 to 10",
	Explain: `Each criterion in section 8.2 has two scores, direct and indirect, each a whole number
0–10.

Example:
  Materiaalit ja jätteet 8 12   <- score-range`,
	Run: func(p *Pass) {
		for i, s := range p.Doc.Horizontal.Sustainability {
			for _, f := range []struct {
				v    model.Field[int]
				kind string
			}{{s.Direct, "direct"}, {s.Indirect, "indirect"}} {
				if f.v.Valid && f.v.Value >= 0 && f.v.Value <= 10 {
					continue
				}
				field := fmt.Sprintf("horizontal.sustainability[%d].%s", i, f.kind)
				switch {
				case f.v.Valid:
					p.Report(f.v.Pos, field, "%s score %d for %q is outside 0–10", f.kind, f.v.Value, s.Criterion.Value)
				case !f.v.Valid && f.v.Raw != "":
					p.Report(f.v.Pos, field, "%s score %q for %q is not a whole number 0–10", f.kind, f.v.Raw, s.Criterion.Value)
				case !f.v.Valid:
					p.Report(s.Pos, field, "%q has no %s score", s.Criterion.Value, f.kind)
				}
			}
		}
	},
}

var ruleScoreMissingCriterion = &Rule{
	ID: "score-missing-criterion", Severity: Error,
	Doc: "one of the 15 sustainability criteria is absent from section 8.2",
	Explain: `Section 8.2 scores 15 criteria in three groups (ecological, economic, social and
cultural). Each must be there.

Example: a table without the row "Natura 2000 -ohjelman kohteet".`,
	Run: func(p *Pass) {
		d := p.Doc
		sec, ok := d.Sections["8.2"]
		if !ok {
			return
		}
		// Refs are group*100 + index + 1; a bit set of them, not a map
		// (this rule's map was a fifth of all checks' time).
		var seenBits [16]uint64 // 1,024 refs: the language tables allow at most 10 groups of 99
		seenRef := func(ref int) bool {
			return ref >= 0 && ref < 64*len(seenBits) && seenBits[ref/64]&(1<<(ref%64)) != 0
		}
		for _, s := range d.Horizontal.Sustainability {
			if r := int(s.Ref); r > 0 && r < 64*len(seenBits) {
				seenBits[r/64] |= 1 << (r % 64)
			}
		}
		lang := p.Language(d.Language)
		if lang == nil {
			lang = p.Languages[0]
		}
		pos := sec.Pos
		if n := len(d.Horizontal.Sustainability); n > 0 {
			pos = d.Horizontal.Sustainability[n-1].Pos
		}
		for gi, g := range lang.Sustainability {
			for ci, c := range g.Criteria {
				if !seenRef(gi*100 + ci + 1) {
					p.Report(pos, "horizontal.sustainability", "criterion %q (%s) is missing", c, g.Group)
				}
			}
		}
	},
}

var ruleScoreUnknownCriterion = &Rule{
	ID: "score-unknown-criterion", Severity: Warning,
	Doc: "a row of section 8.2 names a criterion the programme does not have",
	Explain: `Example:
  Hiilijalanjälki 5 5   <- score-unknown-criterion`,
	Run: func(p *Pass) {
		for i, s := range p.Doc.Horizontal.Sustainability {
			if s.Ref == 0 {
				p.Report(s.Criterion.Pos, fmt.Sprintf("horizontal.sustainability[%d].criterion", i), "%q is not a sustainability criterion of the programme", s.Criterion.Value)
			}
		}
	},
}

var ruleScoreJustification = &Rule{
	ID: "score-justification", Severity: Warning,
	Doc: "a non-zero sustainability score has no justification",
	Explain: `Each scored criterion is followed by one line that justifies the score.

Example:
  Materiaalit ja jätteet 8 8
  Uusiutuvien energialähteiden käyttö 5 5   <- score-justification (for the row above)`,
	Run: func(p *Pass) {
		for i, s := range p.Doc.Horizontal.Sustainability {
			nonZero := s.Direct.Valid && s.Direct.Value != 0 || s.Indirect.Valid && s.Indirect.Value != 0
			if nonZero && !s.Justification.Valid {
				p.Report(s.Pos, fmt.Sprintf("horizontal.sustainability[%d].justification", i), "%q is scored %s but has no justification", s.Criterion.Value, scorePair(s))
			}
		}
	},
}

func scorePair(s model.Score) string {
	f := func(v model.Field[int]) string {
		if v.Valid {
			return fmt.Sprint(v.Value)
		}
		return "-"
	}
	return f(s.Direct) + "/" + f(s.Indirect)
}

var ruleGenderAnswer = &Rule{
	ID: "gender-answer", Severity: Error,
	Doc: "a gender-equality answer is not Kyllä/Ei (Yes/No)",
	Explain: `Section 8.1 asks three yes/no questions; each answer is "Kyllä" or "Ei" ("Yes" or "No"
on English pages). A missing question is reported too.

Example:
  Hankkeen päätavoite on sukupuolten tasa-arvon edistäminen: Ehkä   <- gender-answer`,
	Run: func(p *Pass) {
		d := p.Doc
		sec, ok := d.Sections["8.1"]
		if !ok {
			return
		}
		ge := d.Horizontal.GenderEquality
		for _, q := range []struct {
			a    model.Answer
			path string
			name string
		}{
			{ge.ContextAnalysis, "horizontal.gender_equality.context_analysis.answer", "context analysis"},
			{ge.Mainstreamed, "horizontal.gender_equality.mainstreamed.answer", "mainstreaming"},
			{ge.MainGoal, "horizontal.gender_equality.main_goal.answer", "main goal"},
		} {
			switch {
			case q.a.Answer.Valid:
			case q.a.Answer.Present && q.a.Answer.Raw != "":
				p.Report(q.a.Answer.Pos, q.path, "the %s question is answered %q; expected Kyllä or Ei (Yes or No)", q.name, q.a.Answer.Raw)
			case q.a.Answer.Present:
				p.Report(q.a.Answer.Pos, q.path, "the %s question has no answer; expected Kyllä or Ei (Yes or No)", q.name)
			default:
				p.Report(sec.Pos, q.path, "the %s question is missing from section 8.1", q.name)
			}
		}
	},
}
