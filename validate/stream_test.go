package validate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/asectl/asectl/internal/vary"
	"github.com/asectl/asectl/model"
	"github.com/asectl/asectl/parser"
)

// manyNames is testdata/A72213.txt with n unknown municipalities added to
// its list, and a repeated field (a finding of another rule).
func manyNames(t testing.TB, n int) *parser.Result {
	t.Helper()
	src, err := os.ReadFile("../testdata/A72213.txt")
	if err != nil {
		t.Fatal(err)
	}
	src = vary.WithNames(src, n)
	res, err := parser.Parse("many.txt", src, parser.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestCheckStream: the chunks of CheckStream, one after another, are
// Check's findings, whatever the chunk size; no chunk splits a position.
func TestCheckStream(t *testing.T) {
	res := manyNames(t, 3000)
	cfg := Config{Today: today}
	want := Check(res, cfg)
	extra := []Finding{
		{Rule: "list-mismatch", Severity: Warning, Msg: parser.Msg("x"), Pos: want[0].Pos},
		{Rule: "list-mismatch", Severity: Warning, Msg: parser.Msg("y"), Pos: want[len(want)/2].Pos},
		{Rule: "aaa", Severity: Warning, Msg: parser.Msg("z"), Pos: want[len(want)/2].Pos},
		{Rule: "list-mismatch", Severity: Warning, Msg: parser.Msg("w")},
	}
	wantExtra := append(append([]Finding(nil), want...), extra...)
	SortFindings(wantExtra)
	for _, max := range []int{1, 2, 7, 100, 2999, len(want) - 1, len(want), 100000} {
		all, s := CheckStream(res, cfg, max)
		if max >= len(want) {
			if s != nil || !reflect.DeepEqual(all, want) {
				t.Errorf("max %d: %d findings and stream %v, want Check's %d", max, len(all), s != nil, len(want))
			}
			continue
		}
		if all != nil || s == nil {
			t.Fatalf("max %d: %d findings held, want a stream", max, len(all))
		}
		if s.Len() != len(want) {
			t.Errorf("max %d: Len %d, want %d", max, s.Len(), len(want))
		}
		for _, tc := range []struct {
			extra, want []Finding
		}{{nil, want}, {extra, wantExtra}} {
			var got []Finding
			var last model.Pos
			chunks := 0
			err := s.Each(tc.extra, func(fs []Finding) error {
				if chunks > 0 && len(fs) > 0 && !last.Before(fs[0].Pos) {
					t.Errorf("max %d: chunk %d starts at %v, not after %v", max, chunks, fs[0].Pos, last)
				}
				if len(fs) > 0 {
					last = fs[len(fs)-1].Pos
				}
				chunks++
				got = append(got, fs...)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("max %d: the chunks differ from Check's findings (%d, want %d)", max, len(got), len(tc.want))
			}
			if max >= 100 && chunks > len(tc.want)/max+2 {
				t.Errorf("max %d: %d chunks for %d findings", max, chunks, len(tc.want))
			}
		}
	}
	// An error from yield stops the stream.
	_, s := CheckStream(res, cfg, 100)
	stop := fmt.Errorf("stop")
	calls := 0
	if err := s.Each(nil, func([]Finding) error { calls++; return stop }); err != stop || calls != 1 {
		t.Errorf("Each after an error: %v after %d calls, want stop after 1", err, calls)
	}
}

// TestCheckDescriptionStream: for a description without positions (read
// from JSON), the chunks of CheckDescriptionStream, one after another,
// are CheckDescription's findings, extra ones merged as for CheckStream,
// whatever the chunk size.
func TestCheckDescriptionStream(t *testing.T) {
	js, err := json.Marshal(manyNames(t, 3000).Doc)
	if err != nil {
		t.Fatal(err)
	}
	var d *model.Description
	if err := json.Unmarshal(js, &d); err != nil {
		t.Fatal(err)
	}
	cfg := Config{Today: today}
	want := CheckDescription(d, cfg)
	if len(want) < 3000 || want[0].Pos != (model.Pos{}) {
		t.Fatalf("%d findings, the first at %v: want over 3,000 without positions", len(want), want[0].Pos)
	}
	extra := []Finding{
		{Rule: "list-mismatch", Severity: Warning, Msg: parser.Msg("x")},
		{Rule: "area-unknown-name", Severity: Warning, Msg: parser.Msg("municipality \"Eik5\"")},
		{Rule: "aaa", Severity: Warning, Msg: parser.Msg("z")},
	}
	wantExtra := append(append([]Finding(nil), want...), extra...)
	SortFindings(wantExtra)
	for _, max := range []int{50, 1000, 2999, len(want) - 1, len(want), 100000} {
		all, s := CheckDescriptionStream(d, cfg, max)
		if max >= len(want) {
			if s != nil || !reflect.DeepEqual(all, want) {
				t.Errorf("max %d: %d findings and stream %v, want CheckDescription's %d", max, len(all), s != nil, len(want))
			}
			continue
		}
		if all != nil || s == nil {
			t.Fatalf("max %d: %d findings held, want a stream", max, len(all))
		}
		if s.Len() != len(want) {
			t.Errorf("max %d: Len %d, want %d", max, s.Len(), len(want))
		}
		for _, tc := range []struct {
			extra, want []Finding
		}{{nil, want}, {extra, wantExtra}} {
			var got []Finding
			biggest := 0
			err := s.Each(tc.extra, func(fs []Finding) error {
				if len(fs) > biggest {
					biggest = len(fs)
				}
				got = append(got, fs...)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("max %d, %d extra: the chunks differ from CheckDescription (%d findings, want %d)", max, len(tc.extra), len(got), len(tc.want))
			}
			if max >= 100 && biggest > 2*max {
				t.Errorf("max %d: a chunk of %d", max, biggest)
			}
		}
	}
}

// TestCheckDescriptionStreamEqualKeys: findings that sort alike (a name
// listed many times: one rule, one message, no position) are split between
// chunks by the order the rules made them, which is CheckDescription's
// stable order, so no chunk holds a whole run and the chunks, finding by
// finding, are CheckDescription's. Runs alone, and mixed with distinct
// names and other runs.
func TestCheckDescriptionStreamEqualKeys(t *testing.T) {
	same := make([]string, 3000)
	mixed := make([]string, 3000)
	for i := range same {
		same[i] = "Eik"
		switch {
		case i%3 == 0 || (i >= 1000 && i < 1400):
			mixed[i] = "Eik"
		case i%7 == 0:
			mixed[i] = "Zed"
		default:
			mixed[i] = fmt.Sprintf("Eik%d", i)
		}
	}
	cfg := Config{Today: today}
	for name, names := range map[string][]string{"same": same, "mixed": mixed} {
		d := namesFromJSON(t, names)
		want := CheckDescription(d, cfg)
		if len(want) < 3000 || want[0].Pos != (model.Pos{}) {
			t.Fatalf("%s: %d findings, the first at %v: want over 3,000 without positions", name, len(want), want[0].Pos)
		}
		extra := []Finding{
			{Rule: "area-unknown-name", Severity: Warning, Msg: parser.Msg("municipality %q is not in the classification of %s", "Eik", "x"), Field: "extra1"},
			{Rule: "area-unknown-name", Severity: Warning, Msg: want[len(want)/2].Msg, Field: "extra2"},
			{Rule: "area-unknown-name", Severity: Warning, Msg: want[len(want)/2].Msg, Field: "extra3"},
			{Rule: "aaa", Severity: Warning, Msg: parser.Msg("z")},
		}
		wantExtra := append(append([]Finding(nil), want...), extra...)
		SortFindings(wantExtra)
		for _, lim := range []int{1, 50, 700, 2999, len(want) - 1} {
			all, s := CheckDescriptionStream(d, cfg, lim)
			if all != nil || s == nil {
				t.Fatalf("%s, max %d: %d findings held, want a stream", name, lim, len(all))
			}
			for _, tc := range []struct {
				extra, want []Finding
			}{{nil, want}, {extra, wantExtra}} {
				if lim == 1 && (tc.extra != nil || name == "same") {
					continue // a window a finding: 3,000 runs of the rules, once is enough
				}
				i, biggest := 0, 0
				err := s.Each(tc.extra, func(fs []Finding) error {
					biggest = max(biggest, len(fs))
					for _, f := range fs {
						if i < len(tc.want) && !reflect.DeepEqual(f, tc.want[i]) {
							return fmt.Errorf("finding %d: %s %q %s, want %s %q %s", i, f.Rule, f.Message(), f.Field, tc.want[i].Rule, tc.want[i].Message(), tc.want[i].Field)
						}
						i++
					}
					return nil
				})
				if err != nil {
					t.Fatalf("%s, max %d, %d extra: %v", name, lim, len(tc.extra), err)
				}
				if i != len(tc.want) {
					t.Errorf("%s, max %d, %d extra: %d findings, want %d", name, lim, len(tc.extra), i, len(tc.want))
				}
				if lim >= 50 && biggest > 2*lim {
					t.Errorf("%s, max %d: a chunk of %d", name, lim, biggest)
				}
			}
		}
	}
}

// namesFromJSON is A72213 with names added to its municipalities, through
// a JSON round trip (so without positions).
func namesFromJSON(t *testing.T, names []string) *model.Description {
	t.Helper()
	src, err := os.ReadFile("../testdata/A72213.txt")
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(src, []byte("\nKunnat:"))
	end := i + 1 + bytes.IndexByte(src[i+1:], '\n')
	add := []byte(", " + strings.Join(names, ", "))
	src = bytes.Join([][]byte{src[:end], add, src[end:]}, nil)
	res, err := parser.Parse("same.txt", src, parser.Options{})
	if err != nil {
		t.Fatal(err)
	}
	js, err := json.Marshal(res.Doc)
	if err != nil {
		t.Fatal(err)
	}
	var d *model.Description
	if err := json.Unmarshal(js, &d); err != nil {
		t.Fatal(err)
	}
	return d
}
