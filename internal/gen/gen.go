// Package gen generates valid, varied project descriptions from the
// reference sample, deterministically: description i of a seed is always
// the same bytes. Benchmarks, batch tests and bench/run.sh use it.
package gen

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"sync"

	"github.com/asectl/asectl/model"
	"github.com/asectl/asectl/parser"
	"github.com/asectl/asectl/programme"
	"github.com/asectl/asectl/validate"
)

// Generator renders descriptions from a template (the reference sample).
type Generator struct {
	lines []string
	seed  uint64
	axes  []*programme.Axis
	// slot is the index of the template line that holds each varied field;
	// scores lists the criterion rows of section 8.2.
	slot   map[string]int
	scores []scoreRow
}

type scoreRow struct {
	line int
	name string
}

// Prefixes of the lines the generator rewrites.
const (
	pHeader     = "Euroopan aluekehitysrahaston (EAKR) rahoittaman hankkeen kuvaus"
	pCode       = "Hankekoodi: "
	pName       = "Hankkeen nimi: "
	pAxis       = "Toimintalinja: "
	pObjective  = "Erityistavoite: "
	pPeriod     = "Suunnitelman mukainen toteutusaika: "
	pStatus     = "Toiminnan tila: "
	pBusinessID = "Y-tunnus: "
	pGranted    = "Myönnetty EU- ja valtion rahoitus: "
	pEURealised = "Toteutunut EU- ja valtion rahoitus: "
	pPlanned    = "Suunniteltu julkinen rahoitus yhteensä: "
	pPubRealis  = "Toteutunut julkinen rahoitus yhteensä: "
	pJobs       = "Suunniteltu: "
)

// New returns a generator over the template text.
func New(template []byte, seed uint64) *Generator {
	g := &Generator{lines: strings.Split(string(template), "\n"), seed: seed, slot: map[string]int{}}
	for _, a := range prog().Axes {
		if len(a.Objectives) > 0 && a.Names["fi"] != "" {
			g.axes = append(g.axes, a)
		}
	}
	fi := parser.LanguageByCode("fi")
	for i, l := range g.lines {
		for _, p := range []string{pHeader, pCode, pName, pAxis, pObjective, pPeriod, pStatus, pBusinessID,
			pGranted, pEURealised, pPlanned, pPubRealis, pJobs} {
			if _, seen := g.slot[p]; !seen && strings.HasPrefix(l, p) {
				g.slot[p] = i
			}
		}
		// "<criterion> <direct> <indirect>"
		if j := strings.LastIndexByte(l, ' '); j > 0 {
			if k := strings.LastIndexByte(l[:j], ' '); k > 0 {
				if _, _, ok := fi.Criterion(l[:k]); ok {
					g.scores = append(g.scores, scoreRow{i, l[:k]})
				}
			}
		}
	}
	return g
}

var nameWords = []string{"Arktinen", "Digitaalinen", "Kestävä", "Älykäs", "Osaava", "Uusi", "Vihreä", "Yhteinen",
	"kasvu", "osaaminen", "verkosto", "keskittymä", "polku", "innovaatio", "työ", "tulevaisuus", "Ääni", "Örö"}

// Description returns description i.
func (g *Generator) Description(i int) []byte {
	r := rand.New(rand.NewPCG(g.seed, uint64(i)))
	a := g.axes[r.IntN(len(g.axes))]
	obj := prog().Objective(a.Objectives[r.IntN(len(a.Objectives))])
	for obj == nil || obj.Names["fi"] == "" {
		obj = prog().Objective(a.Objectives[r.IntN(len(a.Objectives))])
	}
	letter := "A"
	header := pHeader
	if a.Fund == "ESR" {
		letter = "S"
		header = "Euroopan sosiaalirahaston (ESR) rahoittaman hankkeen kuvaus"
	}

	startYear := 2014 + r.IntN(8)
	startMonth := 1 + r.IntN(12)
	months := 12 + r.IntN(30)
	endMonthAbs := startYear*12 + startMonth - 1 + months
	endYear, endMonth := endMonthAbs/12, endMonthAbs%12+1
	if endYear > 2023 {
		endYear, endMonth = 2023, 8
	}

	planned := int64(100_000 + r.IntN(5_000_000))
	granted := planned * int64(60+r.IntN(41)) / 100
	euRealised := granted * int64(70+r.IntN(31)) / 100
	pubRealised := min(planned, euRealised*int64(100+r.IntN(40))/100)

	jobs, women := 0, 0
	if obj.NewJobs {
		jobs = r.IntN(20)
		women = r.IntN(jobs + 1)
	}

	var name strings.Builder
	for w := 0; w < 3+r.IntN(5); w++ {
		if w > 0 {
			name.WriteByte(' ')
		}
		name.WriteString(nameWords[r.IntN(len(nameWords))])
	}

	out := make([]string, len(g.lines))
	copy(out, g.lines)
	set := func(prefix, value string) {
		if i, ok := g.slot[prefix]; ok {
			out[i] = value
		}
	}
	set(pHeader, header)
	set(pCode, pCode+letter+strconv.Itoa(70000+i%30000))
	set(pName, fmt.Sprintf("%s%s (%d)", pName, name.String(), i))
	set(pAxis, pAxis+a.Number+". "+a.Names["fi"])
	set(pObjective, pObjective+obj.Number+". "+obj.Names["fi"])
	set(pPeriod, fmt.Sprintf("%sAlkaa 1.%d.%d ja päättyy %d.%d.%d", pPeriod, startMonth, startYear, lastDay(endYear, endMonth), endMonth, endYear))
	set(pStatus, pStatus+"Toiminta päättynyt")
	set(pBusinessID, pBusinessID+BusinessID(r))
	set(pGranted, pGranted+model.Fixed2(granted*100).Grouped())
	set(pEURealised, pEURealised+model.Fixed2(euRealised*100).Grouped())
	set(pPlanned, pPlanned+model.Fixed2(planned*100).Grouped())
	set(pPubRealis, pPubRealis+model.Fixed2(pubRealised*100).Grouped())
	set(pJobs, fmt.Sprintf("%s%d, joihin työllistyvät naiset %d", pJobs, jobs, women))
	for _, s := range g.scores {
		out[s.line] = fmt.Sprintf("%s %d %d", s.name, 1+r.IntN(10), 1+r.IntN(10))
	}
	return []byte(strings.Join(out, "\n"))
}

// BusinessID draws a valid Finnish business ID; the check digit comes from
// validate, so that generator and rule cannot disagree.
func BusinessID(r *rand.Rand) string {
	for {
		digits := fmt.Sprintf("%07d", r.IntN(10_000_000))
		switch problem, want := validate.BusinessIDCheck(digits + "-0"); problem {
		case validate.BusinessIDOK:
			return digits + "-0"
		case validate.BusinessIDCheckDigit:
			return fmt.Sprintf("%s-%d", digits, want)
		}
		// Remainder 1: no valid ID has these digits; draw again.
	}
}

func lastDay(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// prog is the embedded programme, read once (programme.Get copies it).
var prog = sync.OnceValue(programme.Get)
