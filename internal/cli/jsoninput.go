package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"

	"github.com/asectl/asectl/model"
	"github.com/asectl/asectl/parser"
	"github.com/asectl/asectl/validate"
)

// looksJSON reports whether an input is JSON rather than a description's
// text: its first character (after a byte order mark and white space) is
// { or [, which no description starts with.
func looksJSON(src []byte) bool {
	src = bytes.TrimLeft(bytes.TrimPrefix(src, []byte("\ufeff")), " \t\r\n")
	return len(src) > 0 && (src[0] == '{' || src[0] == '[')
}

// readDocs reads asectl's own parse JSON: one document, an array of them
// (parse --format json over several inputs), or one a line (jsonl). A
// document that is not asectl's (no version, another kind) is an error
// that says where it stands.
func readDocs(src []byte) ([]*model.Description, error) {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	dec := json.NewDecoder(bytes.NewReader(src))
	var docs []*model.Description
	at := func(err error) error {
		off := int(dec.InputOffset())
		line := bytes.Count(src[:min(off, len(src))], []byte("\n")) + 1
		return fmt.Errorf("not asectl's parse JSON (line %d): %v", line, jsonProblem(err))
	}
	if bytes.TrimLeft(src, " \t\r\n")[0] == '[' {
		if err := dec.Decode(&docs); err != nil {
			return nil, at(err)
		}
		if _, err := dec.Token(); err != io.EOF {
			return nil, at(errors.New("more after the array"))
		}
	} else {
		for {
			var d model.Description
			err := dec.Decode(&d)
			if err == io.EOF {
				break
			}
			if err != nil {
				return nil, at(err)
			}
			docs = append(docs, &d)
		}
	}
	for i, d := range docs {
		switch {
		case d == nil:
			return nil, fmt.Errorf("not asectl's parse JSON: document %d is null", i+1)
		case d.Version != model.Version:
			return nil, fmt.Errorf("not asectl's parse JSON: document %d has version %d, not %d", i+1, d.Version, model.Version)
		case d.Kind != "" && d.Kind != model.KindDescription:
			return nil, fmt.Errorf("document %d is a %q, not a description: only descriptions can be checked from JSON", i+1, d.Kind)
		}
	}
	return docs, nil
}

// jsonProblem says what is wrong with a value in the document's own terms,
// by its JSON path, rather than encoding/json's Go types ("cannot
// unmarshal number into Go struct field Project.plainDescription.project.period
// of type model.Period").
func jsonProblem(err error) error {
	var te *json.UnmarshalTypeError
	if !errors.As(err, &te) {
		return err
	}
	path := te.Field
	// The decoder names the model's embedded helper structs in the path.
	for _, helper := range []string{"plainDescription."} {
		path = strings.ReplaceAll(path, helper, "")
	}
	want := "another type"
	switch te.Type.Kind() {
	case reflect.Struct, reflect.Map:
		want = "an object"
	case reflect.Slice, reflect.Array:
		want = "an array"
	case reflect.String:
		want = "a string"
	case reflect.Bool:
		want = "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		want = "a number"
	}
	if path == "" {
		return fmt.Errorf("a JSON %s where a document (an object) is expected", te.Value)
	}
	return fmt.Errorf("%s: a JSON %s where %s is expected", path, te.Value, want)
}

// checkDoc checks one description read from JSON. An entry that records an
// input that was not read (its error) is the not-a-description finding,
// with that reason.
func checkDoc(d *model.Description, cfg validate.Config) []validate.Finding {
	if d.Error.Valid {
		reason := strings.TrimPrefix(d.Error.Value, parser.ErrNotDescription.Error()+": ")
		if x, ok := validate.NotDescription(fmt.Errorf("%w: %s", parser.ErrNotDescription, reason), cfg); ok {
			x.Pos = model.Pos{}
			return []validate.Finding{x}
		}
		return nil
	}
	return validate.CheckDescription(d, cfg)
}
