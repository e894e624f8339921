package model

// json_gen.go (the JSON encoder of Description and the walk over its
// fields) follows the struct; internal/fieldgen writes it and a test there
// fails while it is stale.
//
//go:generate go run ../internal/fieldgen
