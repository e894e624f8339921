package model

// json_gen.go (the JSON encoder of Description and the walk over its
// fields) and schema/parse.schema.json (the JSON Schema of the parse
// output, with schema/parse.notes.json's hand-written parts) follow the
// struct; internal/fieldgen writes them and a test there fails while one
// is stale.
//
//go:generate go run ../internal/fieldgen
