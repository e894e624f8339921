package web_test

import (
	"encoding/json"
	"os"
	"testing"

	. "github.com/asectl/asectl/internal/web"
	"github.com/asectl/asectl/internal/web/core"
)

// FuzzEngine feeds the page's engine any input: it never panics, every
// output is valid JSON, and the page's view holds the findings of the
// findings document.
func FuzzEngine(f *testing.F) {
	for _, p := range []string{"../../testdata/A72213.txt", "../../testdata/html/A72213.html"} {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("Hankekoodi: <script>\x00\u202e"))
	d, _ := ParseDate("2026-11-27")
	o := Options{Lang: "fi", Today: d}
	f.Fuzz(func(t *testing.T, src []byte) {
		in := []Input{{Name: "x.txt", Src: src}}
		if b := ParseJSON(in, o); !json.Valid(b) {
			t.Fatalf("parse JSON not valid: %q", b)
		}
		b, err := core.Findings(in, "json", o)
		if err != nil || !json.Valid(b) {
			t.Fatalf("findings: %v %q", err, b)
		}
		var doc struct {
			Files []struct{ Findings []json.RawMessage }
		}
		if err := json.Unmarshal(b, &doc); err != nil {
			t.Fatal(err)
		}
		v := core.ViewOf(in[0], o)
		if len(v.Findings) != len(doc.Files[0].Findings) {
			t.Fatalf("view has %d findings, the document %d", len(v.Findings), len(doc.Files[0].Findings))
		}
		if _, err := json.Marshal(v); err != nil {
			t.Fatal(err)
		}
		if !json.Valid(v.Doc) {
			t.Fatalf("view's doc not valid JSON")
		}
	})
}
