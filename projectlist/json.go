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
	dst = appendText(dst, r.Fund)
	p := &r.Project
	dst = append(dst, `,"project":{"code":`...)
	dst = appendText(dst, p.Code)
	dst = append(dst, `,"name":`...)
	dst = appendText(dst, p.Name)
	dst = append(dst, `,"priority_axis":{"number":`...)
	dst = appendText(dst, p.PriorityAxis.Number)
	dst = append(dst, `,"name":null},"period":{"start":`...)
	dst = appendDate(dst, p.Period.Start)
	dst = append(dst, `,"end":`...)
	dst = appendDate(dst, p.Period.End)
	dst = append(dst, `},"status":`...)
	dst = appendText(dst, p.Status)
	dst = append(dst, `,"state":`...)
	dst = appendText(dst, p.State)
	dst = append(dst, `,"authority":`...)
	dst = appendText(dst, p.Authority)
	dst = append(dst, `},"programme_part":`...)
	dst = appendText(dst, r.Part)
	dst = append(dst, `,"applicant":{"name":`...)
	dst = appendText(dst, r.Applicant.Name)
	f := &r.Funding
	dst = append(dst, `},"funding":{"eu_state_granted":`...)
	dst = appendFixed(dst, f.EUStateGranted)
	dst = append(dst, `,"eu_state_realised":`...)
	dst = appendFixed(dst, f.EUStateRealised)
	dst = append(dst, `,"public_planned":`...)
	dst = appendFixed(dst, f.PublicPlanned)
	dst = append(dst, `,"public_realised":`...)
	dst = appendFixed(dst, f.PublicRealised)
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

func appendText(dst []byte, t model.Text) []byte {
	if !t.Valid {
		return append(dst, "null"...)
	}
	return model.AppendJSONString(dst, t.Value)
}

func appendDate(dst []byte, d model.Field[model.Date]) []byte {
	if !d.Valid {
		return append(dst, "null"...)
	}
	dst = append(dst, '"')
	dst = append(dst, d.Value.String()...)
	return append(dst, '"')
}

func appendFixed(dst []byte, x model.Field[model.Fixed2]) []byte {
	if !x.Valid {
		return append(dst, "null"...)
	}
	return append(dst, x.Value.String()...)
}
