// Package programme holds the facts of the 2014–2020 programme that the
// rules check against: priority axes, specific objectives, eligibility dates
// and the municipality/region key. All of it is data, so that a corrected
// name is a one-line data change: the programme is embedded JSON
// (data/programme.json; Get hands out a copy), the key is generated
// from a CSV into Go data (regions_table.go, go generate; GetRegions). Load
// reads another programme, for validate.Config.
package programme

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode"

	"github.com/asectl/asectl/model"
)

//go:embed data/programme.json
var programmeJSON []byte

// Programme is the programme's structure.
type Programme struct {
	Name     string `json:"name"`
	Eligible struct {
		Start model.Date `json:"start"`
		End   model.Date `json:"end"`
	} `json:"eligible"`
	Axes       []*Axis      `json:"axes"`
	Objectives []*Objective `json:"objectives"`

	axis map[string]*Axis
	obj  map[string]*Objective
}

// Axis is a priority axis (toimintalinja).
type Axis struct {
	Number              string            `json:"number"`
	Fund                string            `json:"fund"`
	Names               map[string]string `json:"names"`
	Objectives          []string          `json:"objectives"`
	TechnicalAssistance bool              `json:"technical_assistance"`
}

// Objective is a specific objective (erityistavoite).
type Objective struct {
	Number       string            `json:"number"`
	Names        map[string]string `json:"names"`
	NewJobs      bool              `json:"new_jobs"`      // indicator 7.1 is asked
	NewCompanies bool              `json:"new_companies"` // indicator 7.2 is asked
	Axis         *Axis             `json:"-"`
}

// Get returns the embedded programme (data/programme.json), a fresh copy
// on every call: changing it changes nothing else (validate keeps its own
// copy). Read once per run, not per description: a copy costs a JSON
// decode of the embedded data.
func Get() *Programme {
	p, err := Load(programmeJSON)
	if err != nil {
		// Embedded and tested: a failure is a build defect.
		panic("programme.json: " + err.Error())
	}
	return p
}

// Load reads a programme in the form of data/programme.json: another
// programme period's, or a corrected one, for validate.Config.Programme.
// It is refused (the error says why) unless it has an eligibility period
// (start no later than end) and at least one priority axis, every axis and
// objective has a number of its own, every axis's fund is EAKR or ESR, and
// every objective an axis names exists.
func Load(data []byte) (*Programme, error) {
	p := &Programme{}
	if err := json.Unmarshal(data, p); err != nil {
		return nil, err
	}
	var zero model.Date
	switch {
	case p.Eligible.Start == zero || p.Eligible.End == zero:
		return nil, errors.New(`the programme has no eligibility period ("eligible": {"start", "end"})`)
	case p.Eligible.End.Before(p.Eligible.Start):
		return nil, fmt.Errorf("the eligibility period ends before it starts (%s, %s)", p.Eligible.Start, p.Eligible.End)
	case len(p.Axes) == 0:
		return nil, errors.New("the programme has no priority axes")
	}
	p.axis = map[string]*Axis{}
	p.obj = map[string]*Objective{}
	for _, o := range p.Objectives {
		switch {
		case o == nil:
			return nil, errors.New("an objective is null")
		case o.Number == "":
			return nil, errors.New("a specific objective has no number")
		case p.obj[o.Number] != nil:
			return nil, fmt.Errorf("two specific objectives numbered %s", o.Number)
		}
		p.obj[o.Number] = o
	}
	for _, a := range p.Axes {
		switch {
		case a == nil:
			return nil, errors.New("an axis is null")
		case a.Number == "":
			return nil, errors.New("a priority axis has no number")
		case p.axis[a.Number] != nil:
			return nil, fmt.Errorf("two priority axes numbered %s", a.Number)
		case a.Fund != model.FundERDF && a.Fund != model.FundESF:
			return nil, fmt.Errorf("priority axis %s: fund %q is neither %s nor %s", a.Number, a.Fund, model.FundERDF, model.FundESF)
		}
		p.axis[a.Number] = a
		for _, n := range a.Objectives {
			o := p.obj[n]
			if o == nil {
				return nil, fmt.Errorf("axis %s names objective %s, which is not in the objectives", a.Number, n)
			}
			o.Axis = a
		}
	}
	return p, nil
}

// Axis returns the axis with this number, or nil.
func (p *Programme) Axis(num string) *Axis { return p.axis[num] }

// Objective returns the objective with this number, or nil.
func (p *Programme) Objective(num string) *Objective { return p.obj[num] }

// SameName compares printed names, forgiving case and white space only.
func SameName(a, b string) bool { return a == b || strings.EqualFold(a, b) || fold(a) == fold(b) }

func fold(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), unicode.IsSpace), " ")
}
