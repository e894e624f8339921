package model

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

// TestUnmarshalValueErrorsNamePath: an amount or a date that cannot be read
// from a parse JSON is a *json.UnmarshalTypeError, so that encoding/json
// names the field's path in it (regression: a bare `not a decimal with at
// most two fraction digits: "\"lots\""`, with no field).
func TestUnmarshalValueErrorsNamePath(t *testing.T) {
	doc := string(New("x.txt").AppendJSON(nil))
	for _, tc := range []struct{ old, new, path, value string }{
		{`"eu_state_granted":null`, `"eu_state_granted":"lots"`, "funding.eu_state_granted", `string "lots"`},
		{`"eu_state_granted":null`, `"eu_state_granted":1.005`, "funding.eu_state_granted", "number 1.005"},
		{`"eu_state_granted":null`, `"eu_state_granted":1e400`, "funding.eu_state_granted", "number 1e400"},
		{`"start":null`, `"start":"2016-02-30"`, "project.period.start", `string "2016-02-30"`},
		{`"start":null`, `"start":20160213`, "project.period.start", "number 20160213"},
		{`"start":null`, `"start":{}`, "project.period.start", "object"},
	} {
		if !strings.Contains(doc, tc.old) {
			t.Fatalf("%s not in the document", tc.old)
		}
		var d Description
		err := json.Unmarshal([]byte(strings.Replace(doc, tc.old, tc.new, 1)), &d)
		var te *json.UnmarshalTypeError
		if !errors.As(err, &te) {
			t.Errorf("%s: %v is not a *json.UnmarshalTypeError", tc.new, err)
			continue
		}
		if !strings.HasSuffix(te.Field, tc.path) || te.Value != tc.value {
			t.Errorf("%s: field %q, value %q; want the path %q and %q", tc.new, te.Field, te.Value, tc.path, tc.value)
		}
	}
	// null stays absent.
	var d Description
	if err := json.Unmarshal([]byte(doc), &d); err != nil || d.Project.Period.Start.Valid {
		t.Errorf("null date: %v, valid %v", err, d.Project.Period.Start.Valid)
	}
}
