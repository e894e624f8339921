package validate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"testing"

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
	var names bytes.Buffer
	for i := range n {
		fmt.Fprintf(&names, ", Eik%d", i)
	}
	i := bytes.Index(src, []byte("\nKunnat:"))
	end := i + 1 + bytes.IndexByte(src[i+1:], '\n')
	src = bytes.Join([][]byte{src[:end], names.Bytes(), src[end:]}, nil)
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
