package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The generated files are what the generator writes from today's struct:
// regenerated into memory and compared.
func TestGeneratedFilesAreCurrent(t *testing.T) {
	root, err := repoRoot()
	if err != nil {
		t.Fatal(err)
	}
	files, err := generate(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("nothing generated")
	}
	for name, want := range files {
		got, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stale: run go generate ./...", name)
		}
	}
}

// A struct the generator cannot write is an error that names the field,
// not a file that does not build.
func TestUnknownTypeIsAnError(t *testing.T) {
	dir := t.TempDir()
	src := "package model\n\ntype Description struct {\n\tWhen complex128 `json:\"when\"`\n}\n"
	if err := os.WriteFile(filepath.Join(dir, "d.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	types, err := structTypes(dir)
	if err != nil {
		t.Fatal(err)
	}
	_, err = (&gen{types: types, done: map[string]bool{}}).file()
	if err == nil || !strings.Contains(err.Error(), "Description.When") {
		t.Fatalf("got %v, want an error naming Description.When", err)
	}
}

// A tag the table cannot follow is an error that names the field.
func TestBadTagIsAnError(t *testing.T) {
	for _, c := range []struct{ fields, want string }{
		{"A Text `json:\"a\" section:\"1\" kind:\"txt\"`", `Group.A: unknown kind:"txt"`},
		{"A Text `json:\"a\" section:\"1\" kind:\"amount\"`", `Group.A: kind:"amount" is for a Field[Fixed2], not a Text`},
		{"A Text `json:\"a\" kind:\"text\"`", `Group.A: kind:"text" needs a section`},
		{"A Text `json:\"a\" section:\"1\" kind:\"text\" required:\"a (A)\"`", "Group.A: required and required_fi go together"},
		{"A Text `json:\"a\" required:\"a (A)\" required_fi:\"a (A)\"`", "Group.A: required is for a field read from the text"},
		{"A Text `json:\"a\" after:\"g.b\"`", `g.a: after:"g.b" names no row`},
		{"A Text `json:\"a\" csv:\"-\"`", `Group.A: csv:"-" is for a group`},
		{"A Numbered `json:\"a\" section:\"1\"`", "Numbered"},
		{"A Group `json:\"a\" required:\"a (A)\" required_fi:\"a (A)\"`", "Group.A: required, required_fi and after are for a value"},
		{"A Text `json:\"a\" section:\"1\" kind:\"text\" required:\"x\" required_fi:\"x\"`\n\tB Text `json:\"b\" section:\"1\" kind:\"text\" required:\"x\" required_fi:\"y\"`", `g.a and g.b have the same required name "x" but not the same required_fi`},
	} {
		dir := t.TempDir()
		src := "package model\n\ntype Description struct {\n\tG Group `json:\"g\"`\n}\n\ntype Group struct {\n\t" + c.fields +
			"\n}\n\ntype Numbered struct {\n\tNumber Text `json:\"number\"`\n}\n"
		if err := os.WriteFile(filepath.Join(dir, "d.go"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		types, err := structTypes(dir)
		if err != nil {
			t.Fatal(err)
		}
		g := &gen{types: types, done: map[string]bool{}}
		rows, err := g.rows()
		if err == nil {
			_, err = names(rows)
		}
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s:\ngot %v, want an error with %q", c.fields, err, c.want)
		}
	}
}

// The table's rows: a group's section and CSV prefix pass to its rows,
// csv:"-" drops its columns, after moves a row in the layout only.
func TestRows(t *testing.T) {
	dir := t.TempDir()
	src := "package model\n\ntype Description struct {\n\tV int `json:\"version\"`\n\tP Pair `json:\"p\" section:\"1\" csv:\"p_\"`\n\tQ Pair `json:\"q\" section:\"2\" csv:\"-\"`\n\tZ Text `json:\"z\" section:\"2\" kind:\"text\" csv:\"z\" after:\"p.a\"`\n\tY Text `json:\"y\" section:\"2\" kind:\"text\" after:\"p.a\"`\n}\n\n" +
		"type Pair struct {\n\tA Text `json:\"a\" kind:\"text\" csv:\"a\"`\n\tB Figure `json:\"b\" kind:\"figure\" csv:\"b,b_women\" required:\"b (B)\" required_fi:\"bee (B)\"`\n}\n\ntype Figure struct {\n\tTotal Text `json:\"total\"`\n}\n"
	if err := os.WriteFile(filepath.Join(dir, "d.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	types, err := structTypes(dir)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := (&gen{types: types, done: map[string]bool{}}).rows()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rows {
		got = append(got, strings.Join([]string{r.path, r.goPath, r.section, r.kind, r.csv, r.required, r.requiredFi}, "|"))
	}
	want := []string{
		"version|.V|||||",
		"p.a|.P.A|1|KindText|p_a||",
		"z|.Z|2|KindText|z||",
		"y|.Y|2|KindText|||",
		"p.b|.P.B|1|KindFigure|p_b,p_b_women|b (B)|bee (B)",
		"q.a|.Q.A|2|KindText|||",
		"q.b|.Q.B|2|KindFigure||b (B)|bee (B)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
