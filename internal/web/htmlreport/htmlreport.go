// Package htmlreport is the browser engine's second module (see package
// web): `asectl report`'s one-page HTML.
package htmlreport

import (
	"bytes"
	"time"

	"github.com/asectl/asectl/internal/web"
	"github.com/asectl/asectl/model"
	"github.com/asectl/asectl/report"
	"github.com/asectl/asectl/validate"
)

// Report is `asectl report` (HTML) of the inputs: a one-project page for one
// input, a portfolio for several.
func Report(ins []web.Input, o web.Options) ([]byte, error) {
	l := o.Localizer()
	today := o.Today
	if today == (model.Date{}) {
		today = model.DateOf(time.Now())
	}
	opt := report.Options{Lang: l.Lang, Today: today, Version: o.Version}
	cfg := validate.Config{Today: today}
	item := func(in web.Input) report.Item {
		oc := web.Read(in)
		it := report.Item{Source: in.Name}
		if oc.Err != nil {
			it.Error = web.Describe(l, oc.Err)
			return it
		}
		it.Doc = oc.Res.Doc
		it.Findings, _ = web.Guard(func() ([]validate.Finding, error) { return validate.Check(oc.Res, cfg), nil })
		return it
	}
	var out bytes.Buffer
	if len(ins) > 1 {
		pf := report.NewPortfolio(opt)
		for _, in := range ins {
			pf.Add(item(in))
		}
		err := pf.HTML(&out)
		return out.Bytes(), err
	}
	var items []report.Item
	for _, in := range ins {
		items = append(items, item(in))
	}
	err := report.HTML(&out, items, opt)
	return out.Bytes(), err
}
