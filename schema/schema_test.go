package schema

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/require"

	"github.com/asectl/asectl/findings"
	"github.com/asectl/asectl/internal/gen"
	"github.com/asectl/asectl/model"
	"github.com/asectl/asectl/parser"
	"github.com/asectl/asectl/projectlist"
	"github.com/asectl/asectl/validate"
)

func compile(t *testing.T, name string) *jsonschema.Schema {
	t.Helper()
	b, err := Get(name)
	require.NoError(t, err)
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	require.NoError(t, c.AddResource(name+".json", doc))
	s, err := c.Compile(name + ".json")
	require.NoError(t, err)
	return s
}

func validateJSON(t *testing.T, s *jsonschema.Schema, b []byte, what string) {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	require.NoError(t, err, what)
	require.NoError(t, s.Validate(inst), what)
}

func descriptions(t *testing.T) map[string][]byte {
	files, _ := filepath.Glob("../testdata/*.txt")
	real, _ := filepath.Glob("../testdata/real/*.txt")
	out := map[string][]byte{}
	for _, f := range append(files, real...) {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		out[f] = b
	}
	g := gen.New(out["../testdata/A72213.txt"], 7)
	for i := 0; i < 20; i++ {
		out["gen"+string(rune('a'+i))] = g.Description(i)
	}
	// Hostile values must still fit the schema.
	out["broken"] = []byte(strings.NewReplacer("1 551 280", "1 5S1 280", "13.2.2016", "31.2.2016", "Kyllä", "Ehkä", " 8 9", " 8 x").
		Replace(string(out["../testdata/A72213.txt"])))
	return out
}

func TestParseOutputsMatchTheSchema(t *testing.T) {
	s := compile(t, "parse")
	for name, src := range descriptions(t) {
		res, err := parser.Parse(name, src, parser.Options{})
		require.NoError(t, err, name)
		b, err := json.Marshal(res.Doc)
		require.NoError(t, err)
		validateJSON(t, s, b, name)
	}
	// An empty description has every key too.
	b, err := json.Marshal(model.New("empty"))
	require.NoError(t, err)
	validateJSON(t, s, b, "empty")
}

func TestFindingsOutputMatchesTheSchema(t *testing.T) {
	s := compile(t, "findings")
	var buf bytes.Buffer
	w, err := findings.New("json", &buf, findings.Options{Rules: validate.Rules()})
	require.NoError(t, err)
	var sum findings.Summary
	for name, src := range descriptions(t) {
		res, err := parser.Parse(name, src, parser.Options{})
		require.NoError(t, err)
		f := findings.File{Source: name, Findings: validate.Check(res, validate.Config{Today: model.Date{Year: 2026, Month: time.November, Day: 27}})}
		sum.Add(f)
		require.NoError(t, w.File(f))
	}
	f := findings.File{Source: "missing.txt", Error: "cannot read: no such file or directory"}
	sum.Add(f)
	require.NoError(t, w.File(f))
	require.NoError(t, w.Finish(sum))
	validateJSON(t, s, buf.Bytes(), "findings")
	require.Greater(t, sum.Errors+sum.Warnings, 10, "the document has findings to check")
}

func TestSchemaRejectsDrift(t *testing.T) {
	s := compile(t, "parse")
	b, _ := json.Marshal(model.New("x"))
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m))
	m["unexpected"] = 1
	b, _ = json.Marshal(m)
	inst, _ := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	require.Error(t, s.Validate(inst), "an unknown key fails, so the schema must follow the model")
}

// TestListRowsMatchTheSchema: every row of both real exports, split or not,
// fits the list-row schema, and drift fails it.
func TestListRowsMatchTheSchema(t *testing.T) {
	s := compile(t, "list-row")
	for _, f := range []string{"../testdata/projectlist/projektilista_2014-2020.csv", "../testdata/projectlist/projektilista_2007-2013_excerpt.csv"} {
		src, err := os.ReadFile(f)
		require.NoError(t, err)
		n := 0
		_, err = projectlist.Scan(f, src, "", func(r *projectlist.Row) error {
			validateJSON(t, s, r.AppendJSON(nil), f+":"+strconv.Itoa(r.Line))
			n++
			return nil
		})
		require.NoError(t, err)
		require.Greater(t, n, 500)
	}
	src := []byte("Koodi,Rahasto,Hankkeen nimi,Tl,Viranomainen,Tila,Aloituspvm,Päättymispvm,Toteuttajan nimi,Myönnetty EU- ja valtion rahoitus,Toteutunut EU- ja valtion rahoitus,Suunniteltu julkinen rahoitus yhteensä,Toteutunut julkinen rahoitus yhteensä\n" +
		"A70001,EAKR,Hanke,2,Lapin liitto,Toiminnassa,42005,31.12.2016,Oy,100,,200,80\n")
	_, _, err := projectlist.Read("x", src, "")
	require.NoError(t, err)
	_, err = projectlist.Scan("x", src, "", func(r *projectlist.Row) error {
		b := r.AppendJSON(nil)
		validateJSON(t, s, b, "serial date")
		var m map[string]any
		require.NoError(t, json.Unmarshal(b, &m))
		m["unexpected"] = 1
		b, _ = json.Marshal(m)
		inst, _ := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		require.Error(t, s.Validate(inst), "an unknown key fails, so the schema must follow the row")
		return nil
	})
	require.NoError(t, err)
}
