// Package gen generates valid, varied project descriptions from the
// reference sample, deterministically: description i of a seed is always
// the same bytes. Benchmarks, batch tests and bench/run.sh use it.
package gen

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"regexp"
	"strings"

	"github.com/asectl/asectl/parser"
	"github.com/asectl/asectl/programme"
)

// Generator renders descriptions from a template (the reference sample).
type Generator struct {
	template string
	seed     uint64
	axes     []*programme.Axis
}

// New returns a generator over the template text.
func New(template []byte, seed uint64) *Generator {
	g := &Generator{template: string(template), seed: seed}
	for _, a := range programme.Get().Axes {
		if len(a.Objectives) > 0 && a.Names["fi"] != "" {
			g.axes = append(g.axes, a)
		}
	}
	return g
}

var (
	reCode       = regexp.MustCompile(`(?m)^Hankekoodi: .*$`)
	reName       = regexp.MustCompile(`(?m)^Hankkeen nimi: .*$`)
	reHeader     = regexp.MustCompile(`(?m)^Euroopan aluekehitysrahaston \(EAKR\) rahoittaman hankkeen kuvaus$`)
	reAxis       = regexp.MustCompile(`(?m)^Toimintalinja: .*$`)
	reObjective  = regexp.MustCompile(`(?m)^Erityistavoite: .*$`)
	rePeriod     = regexp.MustCompile(`(?m)^Suunnitelman mukainen toteutusaika: .*$`)
	reStatus     = regexp.MustCompile(`(?m)^Toiminnan tila: .*$`)
	reBusinessID = regexp.MustCompile(`(?m)^Y-tunnus: .*$`)
	reGranted    = regexp.MustCompile(`(?m)^Myönnetty EU- ja valtion rahoitus: .*$`)
	reEURealis   = regexp.MustCompile(`(?m)^Toteutunut EU- ja valtion rahoitus: .*$`)
	rePlanned    = regexp.MustCompile(`(?m)^Suunniteltu julkinen rahoitus yhteensä: .*$`)
	rePubRealis  = regexp.MustCompile(`(?m)^Toteutunut julkinen rahoitus yhteensä: .*$`)
	reJobs       = regexp.MustCompile(`(?m)^Suunniteltu: \d+, joihin työllistyvät naiset \d+$`)
	reScore      = regexp.MustCompile(`(?m)^(.+) (\d+) (\d+)$`)
)

var nameWords = []string{"Arktinen", "Digitaalinen", "Kestävä", "Älykäs", "Osaava", "Uusi", "Vihreä", "Yhteinen",
	"kasvu", "osaaminen", "verkosto", "keskittymä", "polku", "innovaatio", "työ", "tulevaisuus", "Ääni", "Örö"}

// Description returns description i.
func (g *Generator) Description(i int) []byte {
	r := rand.New(rand.NewPCG(g.seed, uint64(i)))
	a := g.axes[r.IntN(len(g.axes))]
	objNum := a.Objectives[r.IntN(len(a.Objectives))]
	obj := programme.Get().Objective(objNum)
	for obj == nil || obj.Names["fi"] == "" {
		objNum = a.Objectives[r.IntN(len(a.Objectives))]
		obj = programme.Get().Objective(objNum)
	}
	letter := "A"
	header := "Euroopan aluekehitysrahaston (EAKR) rahoittaman hankkeen kuvaus"
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
	status := "Toiminta päättynyt"

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

	s := g.template
	repl := func(re *regexp.Regexp, v string) { s = re.ReplaceAllLiteralString(s, v) }
	repl(reHeader, header)
	repl(reCode, fmt.Sprintf("Hankekoodi: %s%d", letter, 70000+i%30000))
	repl(reName, fmt.Sprintf("Hankkeen nimi: %s (%d)", name.String(), i))
	repl(reAxis, fmt.Sprintf("Toimintalinja: %s. %s", a.Number, a.Names["fi"]))
	repl(reObjective, fmt.Sprintf("Erityistavoite: %s. %s", obj.Number, obj.Names["fi"]))
	repl(rePeriod, fmt.Sprintf("Suunnitelman mukainen toteutusaika: Alkaa 1.%d.%d ja päättyy %d.%d.%d",
		startMonth, startYear, lastDay(endYear, endMonth), endMonth, endYear))
	repl(reStatus, "Toiminnan tila: "+status)
	repl(reBusinessID, "Y-tunnus: "+BusinessID(r))
	repl(reGranted, "Myönnetty EU- ja valtion rahoitus: "+spaced(granted))
	repl(reEURealis, "Toteutunut EU- ja valtion rahoitus: "+spaced(euRealised))
	repl(rePlanned, "Suunniteltu julkinen rahoitus yhteensä: "+spaced(planned))
	repl(rePubRealis, "Toteutunut julkinen rahoitus yhteensä: "+spaced(pubRealised))
	repl(reJobs, fmt.Sprintf("Suunniteltu: %d, joihin työllistyvät naiset %d", jobs, women))

	// Fresh scores for every known criterion row.
	fi := parser.LanguageByCode("fi")
	s = reScore.ReplaceAllStringFunc(s, func(row string) string {
		m := reScore.FindStringSubmatch(row)
		if _, _, ok := fi.Criterion(m[1]); !ok {
			return row
		}
		return fmt.Sprintf("%s %d %d", m[1], 1+r.IntN(10), 1+r.IntN(10))
	})
	return []byte(s)
}

// BusinessID draws a valid Finnish business ID.
func BusinessID(r *rand.Rand) string {
	weights := [7]int{7, 9, 10, 5, 8, 4, 2}
	for {
		var d [7]int
		sum := 0
		for k := range d {
			d[k] = r.IntN(10)
			sum += d[k] * weights[k]
		}
		rem := sum % 11
		if rem == 1 {
			continue // never issued
		}
		check := 0
		if rem > 1 {
			check = 11 - rem
		}
		var b bytes.Buffer
		for _, x := range d {
			b.WriteByte(byte('0' + x))
		}
		return fmt.Sprintf("%s-%d", b.String(), check)
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

// spaced formats 1551280 as "1 551 280".
func spaced(n int64) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(' ')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
