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
