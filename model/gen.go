package model

// json_gen.go (the JSON encoder of Description and the walk over its
// fields), fields_gen.go (the field table, from the struct tags),
// internal/i18n/fields_gen.go (the required fields' Finnish names) and
// schema/parse.schema.json (the JSON Schema of the parse output, with
// schema/parse.notes.json's hand-written parts) follow the struct;
// internal/fieldgen writes them and a test there fails while one is stale.
//
//go:generate go run ../internal/fieldgen
