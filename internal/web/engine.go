// Package web is the engine of asectl's browser page (cmd/asectl-web): the
// CLI's paths for inputs held in memory, through the same packages and so
// with the same bytes. This package reads and checks one input and writes
// `asectl parse`'s JSON; web/core adds the writers (findings JSON, SARIF,
// CSV, the HTML report) and the page's view; web/wasm is the WebAssembly
// module that runs them in the browser.
package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/asectl/asectl/internal/i18n"
	"github.com/asectl/asectl/model"
	"github.com/asectl/asectl/parser"
	"github.com/asectl/asectl/validate"
)

// MaxSize is the largest input read, in bytes: the CLI's default --max-size.
const MaxSize = 16 << 20

// Input is one description as the page holds it: a file's bytes (any
// encoding the parser detects) or pasted text (UTF-8).
type Input struct {
	Name string
	Src  []byte
}

// Options are the settings of one run.
type Options struct {
	Lang    string     // "en" or "fi"; anything else is English
	Today   model.Date // reference date of the date rules; zero means today
	Version string     // asectl's version, for SARIF and the report's footer
}

// Localizer renders messages in the options' language.
func (o Options) Localizer() *i18n.Localizer { return i18n.New(o.Lang) }

// ParseDate reads an optional YYYY-MM-DD reference date ("" is the zero date).
func ParseDate(s string) (model.Date, error) {
	if s == "" {
		return model.Date{}, nil
	}
	d, err := model.ParseISODate(s)
	if err != nil {
		return model.Date{}, fmt.Errorf("today: %v", err)
	}
	return d, nil
}

// ParseLang reads the language of the messages: "en" or "fi" ("" is "en").
// Anything else is an error, as the command's --lang refuses it, rather than
// English in silence.
func ParseLang(s string) (string, error) {
	switch s {
	case "":
		return "en", nil
	case "en", "fi":
		return s, nil
	}
	return "", fmt.Errorf("lang: %q is not one of en, fi", s)
}

// Outcome is one input read and parsed, as internal/cli's parseInput gives it.
type Outcome struct {
	Res    *parser.Result
	Err    error
	Unread bool // could not be read at all, not merely not a description
}

// Read parses one input. It never panics: a panic in the parser (a bug)
// becomes the input's error, worded as the CLI words it.
func Read(in Input) Outcome {
	if len(in.Src) > MaxSize {
		return Outcome{Err: fmt.Errorf("larger than %d MiB (%d bytes)", MaxSize>>20, len(in.Src)), Unread: true}
	}
	res, err := Guard(func() (*parser.Result, error) {
		return parser.Parse(in.Name, in.Src, parser.Options{})
	})
	var bug internalError
	if err != nil && (errors.Is(err, parser.ErrEncoding) || errors.As(err, &bug)) {
		return Outcome{Err: err, Unread: true}
	}
	return Outcome{Res: res, Err: err}
}

// internalError is a panic met on one input: a bug in asectl.
type internalError struct{ value any }

func (e internalError) Error() string {
	return fmt.Sprintf("internal error (a bug in asectl; please report it with this input): %v", e.value)
}

// Guard runs f, turning a panic into an internal error.
func Guard[T any](f func() (T, error)) (v T, err error) {
	defer func() {
		if r := recover(); r != nil {
			var zero T
			v, err = zero, internalError{r}
		}
	}()
	return f()
}

// Describe renders an input's error as the CLI does.
func Describe(l *i18n.Localizer, err error) string {
	if reason, ok := parser.NotDescriptionReason(err); ok {
		return l.Message(parser.Msg("not an EURA 2014 project description: %s", reason))
	}
	return err.Error()
}

// Doc is the input's description, or its failed entry.
func (oc Outcome) Doc(name string, l *i18n.Localizer) *model.Description {
	if oc.Err != nil {
		return model.Failed(name, Describe(l, oc.Err))
	}
	return oc.Res.Doc
}

// Check is internal/cli's validateInput: one input's findings, or the
// reason it could not be read ("" when it was).
func Check(oc Outcome, cfg validate.Config, l *i18n.Localizer) (reason string, findings []validate.Finding) {
	switch {
	case oc.Err != nil && oc.Unread:
		if errors.As(oc.Err, new(internalError)) {
			return oc.Err.Error(), nil
		}
		return l.Message(parser.Msg("cannot read: %s", oc.Err.Error())), nil
	case oc.Err != nil:
		if x, ok := validate.NotDescription(oc.Err, cfg); ok {
			return "", []validate.Finding{x}
		}
		return "", nil
	}
	findings, err := Guard(func() ([]validate.Finding, error) { return validate.Check(oc.Res, cfg), nil })
	if err != nil {
		return err.Error(), nil
	}
	return "", findings
}

// ParseJSON is `asectl parse` of the inputs: one indented object for one
// input, an array for several, each ending in a newline.
func ParseJSON(ins []Input, o Options) []byte {
	l := o.Localizer()
	array := len(ins) != 1
	prefix := ""
	if array {
		prefix = "  "
	}
	var out, buf bytes.Buffer
	if array {
		out.WriteString("[")
	}
	for i, in := range ins {
		compact := Read(in).Doc(in.Name, l).AppendJSON(nil)
		buf.Reset()
		if err := json.Indent(&buf, compact, prefix, "  "); err != nil {
			// AppendJSON writes valid JSON: this is a bug, kept in the input's place.
			buf.Reset()
			buf.Write(model.Failed(in.Name, internalError{err}.Error()).AppendJSON(nil))
		}
		switch {
		case array && i > 0:
			out.WriteString(",\n  ")
		case array:
			out.WriteString("\n  ")
		}
		out.Write(buf.Bytes())
		if !array {
			out.WriteByte('\n')
		}
	}
	if array {
		if len(ins) > 0 {
			out.WriteString("\n")
		}
		out.WriteString("]\n")
	}
	return out.Bytes()
}
