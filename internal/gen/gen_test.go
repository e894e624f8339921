package gen

import (
	"bytes"
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/asectl/asectl/model"
	"github.com/asectl/asectl/parser"
	"github.com/asectl/asectl/validate"
)

func TestGeneratedAreValidAndVaried(t *testing.T) {
	tmpl, err := os.ReadFile("../../testdata/A72213.txt")
	require.NoError(t, err)
	g := New(tmpl, 1)
	codes := map[string]bool{}
	funds := map[string]int{}
	axes := map[string]bool{}
	cfg := validate.Config{Today: model.Date{Year: 2026, Month: time.November, Day: 27}}
	for i := 0; i < 200; i++ {
		b := g.Description(i)
		assert.True(t, bytes.Equal(b, g.Description(i)), "description %d is not deterministic", i)
		res, err := parser.Parse("gen", b, parser.Options{})
		require.NoError(t, err)
		for _, f := range validate.Check(res, cfg) {
			t.Errorf("description %d: %d:%d %s: %s", i, f.Pos.Line, f.Pos.Col, f.Rule, f.Message())
		}
		d := res.Doc
		codes[d.Project.Code.Value] = true
		funds[d.Fund.Value]++
		axes[d.Project.PriorityAxis.Number.Value] = true
	}
	assert.Len(t, codes, 200, "codes are unique")
	assert.Greater(t, funds["EAKR"], 20)
	assert.Greater(t, funds["ESR"], 20)
	assert.GreaterOrEqual(t, len(axes), 6)
	assert.False(t, bytes.Equal(g.Description(0), New(tmpl, 2).Description(0)), "the seed matters")
}
