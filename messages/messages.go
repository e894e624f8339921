// Package messages renders asectl's user-facing messages — findings, the
// parser's warnings, summaries — in English or Finnish, for Go programs that
// use asectl as a library as the asectl command does (--lang).
//
// A message is kept as its English format and arguments (model.Message)
// until it is printed; the Finnish catalogue is keyed by that format
// (golang.org/x/text/message). Rule IDs, severities and JSON keys never
// change with the language. The catalogue itself lives in internal/i18n;
// this package is its public face.
package messages

import (
	"github.com/asectl/asectl/internal/i18n"
)

// Localizer renders messages in one language: New("fi"), or a literal
// &Localizer{Lang: "fi"}; a nil *Localizer, or any Lang but "fi", renders
// English. It is internal/i18n's type, so `go doc` lists its methods there,
// not here. They are:
//
//   - Message(m model.Message) string: a finding's or a parser problem's
//     message (validate.Finding.Msg, parser.Problem.Msg), the phrases in its
//     arguments (a field's name) translated too;
//   - Summary(files, errors, warnings int) string: "2 files, 0 errors, 1
//     warning", in the language's plural forms ("2 tiedostoa, 0 virhettä, 1
//     varoitus");
//   - T(s string) string and Sprintf(format string, args ...any) string: the
//     command line's own fixed texts and formats, keyed by their English form;
//     a text the catalogue lacks comes back as given.
//
// Lang is "en" or "fi" for one made by New.
type Localizer = i18n.Localizer

// New returns a localizer for "en" or "fi" (anything else is English).
func New(lang string) *Localizer { return i18n.New(lang) }

// Languages returns the supported languages ("en", "fi"), a fresh copy.
func Languages() []string { return i18n.Languages() }

// Valid reports whether lang is a supported language.
func Valid(lang string) bool { return i18n.Valid(lang) }

// FromEnv picks the language from LC_ALL, LC_MESSAGES or LANG, as POSIX
// tools do: "fi_FI.UTF-8" is Finnish, anything else English.
func FromEnv(getenv func(string) string) string { return i18n.FromEnv(getenv) }
