// Package schema holds the JSON Schemas (draft 2020-12) of asectl's two
// JSON documents, the parse output and the validate findings, as published
// by `asectl schema`.
package schema

import (
	_ "embed"
	"fmt"
	"sort"
)

//go:embed parse.schema.json
var parseSchema []byte

//go:embed findings.schema.json
var findingsSchema []byte

//go:embed listrow.schema.json
var listRowSchema []byte

var schemas = map[string][]byte{"parse": parseSchema, "findings": findingsSchema, "list-row": listRowSchema}

// Names lists the schemas.
func Names() []string {
	names := make([]string, 0, len(schemas))
	for n := range schemas {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Get returns a schema by name.
func Get(name string) ([]byte, error) {
	b, ok := schemas[name]
	if !ok {
		return nil, fmt.Errorf("no schema %q (valid: findings, list-row, parse)", name)
	}
	return b, nil
}
