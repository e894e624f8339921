package projectlist

import (
	"strconv"

	"github.com/asectl/asectl/model"
)

// AppendJSON appends the row's compact JSON object to dst. Keys, in order
// (every key always present, null for an absent value):
//
//	version, kind ("list_row"), source, line, programme ("2014-2020" or
//	"2007-2013"), error (null, or why the row could not be split), raw (null,
//	or the line as read when error is set), fund,
//	project {code, name, priority_axis {number, name}, period {start, end},
//	         status, state, authority},
//	programme_part (2007–2013 "Ohjelma / osio"; null otherwise),
//	applicant {name},
//	funding {eu_state_granted, eu_state_realised, public_planned, public_realised},
//	repairs [...]
//
// Amounts are JSON numbers in euros, exact to the cent; dates YYYY-MM-DD;
// priority_axis.name is always null (the list has no such column).
func (r *Row) AppendJSON(dst []byte) []byte {
	dst = append(dst, `{"version":`...)
	dst = strconv.AppendInt(dst, Version, 10)
	dst = append(dst, `,"kind":"`+Kind+`"`...)
	dst = append(dst, `,"source":`...)
	dst = model.AppendJSONString(dst, r.Source)
	dst = append(dst, `,"line":`...)
	dst = strconv.AppendInt(dst, int64(r.Line), 10)
	dst = append(dst, `,"programme":`...)
	dst = model.AppendJSONString(dst, r.Programme)
	dst = append(dst, `,"error":`...)
	if r.Err != nil {
		dst = model.AppendJSONString(dst, r.Err.String())
		dst = append(dst, `,"raw":`...)
		dst = model.AppendJSONString(dst, r.Raw)
	} else {
		dst = append(dst, `null,"raw":null`...)
	}
	dst = append(dst, `,"fund":`...)
	dst = model.AppendJSONText(dst, r.Fund)
	p := &r.Project
	dst = append(dst, `,"project":{"code":`...)
	dst = model.AppendJSONText(dst, p.Code)
	dst = append(dst, `,"name":`...)
	dst = model.AppendJSONText(dst, p.Name)
	dst = append(dst, `,"priority_axis":{"number":`...)
	dst = model.AppendJSONText(dst, p.PriorityAxis.Number)
	dst = append(dst, `,"name":null},"period":{"start":`...)
	dst = model.AppendJSONDate(dst, p.Period.Start)
	dst = append(dst, `,"end":`...)
	dst = model.AppendJSONDate(dst, p.Period.End)
	dst = append(dst, `},"status":`...)
	dst = model.AppendJSONText(dst, p.Status)
	dst = append(dst, `,"state":`...)
	dst = model.AppendJSONText(dst, p.State)
	dst = append(dst, `,"authority":`...)
	dst = model.AppendJSONText(dst, p.Authority)
	dst = append(dst, `},"programme_part":`...)
	dst = model.AppendJSONText(dst, r.Part)
	dst = append(dst, `,"applicant":{"name":`...)
	dst = model.AppendJSONText(dst, r.Applicant.Name)
	f := &r.Funding
	dst = append(dst, `},"funding":{"eu_state_granted":`...)
	dst = model.AppendJSONFixed(dst, f.EUStateGranted)
	dst = append(dst, `,"eu_state_realised":`...)
	dst = model.AppendJSONFixed(dst, f.EUStateRealised)
	dst = append(dst, `,"public_planned":`...)
	dst = model.AppendJSONFixed(dst, f.PublicPlanned)
	dst = append(dst, `,"public_realised":`...)
	dst = model.AppendJSONFixed(dst, f.PublicRealised)
	dst = append(dst, `},"repairs":[`...)
	for i, s := range r.Repairs {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = model.AppendJSONString(dst, s)
	}
	return append(dst, "]}"...)
}

// MarshalJSON is AppendJSON, for encoding/json.
func (r Row) MarshalJSON() ([]byte, error) { return r.AppendJSON(nil), nil }
