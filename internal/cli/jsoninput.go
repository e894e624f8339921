package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
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
// that says where it stands: the document's number, the line of the bad
// value (of a syntax error; of the document's start when the value's path
// runs through a list, whose item encoding/json does not name) and the
// value's JSON path.
func readDocs(src []byte) ([]*model.Description, error) {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	if t := bytes.TrimLeft(src, " \t\r\n"); len(t) > 0 && t[0] == '{' && json.Valid(src) {
		// One document (parse of one input) is decoded in place: a
		// Decoder would copy all of it into its buffer first (17 MB
		// more for 900,000 municipalities), its long lists first
		// (decodeBigLists). Anything else (several documents, invalid
		// JSON), and any error, takes the way below, which locates the
		// error.
		d, ok, err := decodeBigLists(src)
		if !ok {
			err = json.Unmarshal(src, &d)
		}
		if err == nil {
			if err := docProblem(1, d, ""); err != nil {
				return nil, err
			}
			return []*model.Description{d}, nil
		}
	}
	dec := json.NewDecoder(bytes.NewReader(src))
	lineAt := func(off int64) int {
		return bytes.Count(src[:min(max(off, 0), int64(len(src)))], []byte("\n")) + 1
	}
	var docs []*model.Description
	// decode reads the next document; start is where it begins (after
	// white space and an array's comma).
	decode := func() error {
		start := dec.InputOffset()
		for start < int64(len(src)) && strings.IndexByte(" \t\r\n,", src[start]) >= 0 {
			start++
		}
		var d *model.Description
		err := dec.Decode(&d)
		if err == nil {
			docs = append(docs, d)
			return nil
		}
		if err == io.EOF {
			return err
		}
		at := start
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			at = se.Offset
		case errors.Is(err, io.ErrUnexpectedEOF):
			at = int64(len(src))
		case errors.As(err, &te):
			if off, ok := valueAt(src[start:], docPath(te.Field)); ok {
				at = start + off
			}
		}
		return fmt.Errorf("not asectl's parse JSON: document %d (line %d): %v", len(docs)+1, lineAt(at), jsonProblem(err))
	}
	if bytes.TrimLeft(src, " \t\r\n")[0] == '[' {
		if _, err := dec.Token(); err != nil {
			return nil, err
		}
		for dec.More() {
			if err := decode(); err != nil {
				return nil, err
			}
		}
		if _, err := dec.Token(); err != nil { // the closing bracket
			return nil, fmt.Errorf("not asectl's parse JSON: document %d (line %d): %v", len(docs)+1, lineAt(dec.InputOffset()), err)
		}
		if _, err := dec.Token(); err != io.EOF {
			return nil, fmt.Errorf("not asectl's parse JSON (line %d): more after the array", lineAt(dec.InputOffset()))
		}
	} else {
		for {
			err := decode()
			if err == io.EOF {
				break
			}
			if err != nil {
				return nil, err
			}
		}
	}
	for i, d := range docs {
		if err := docProblem(i+1, d, ""); err != nil {
			return nil, err
		}
	}
	if len(docs) == 0 { // an empty array: nothing to check, and no entry to say so
		return nil, errors.New("not asectl's parse JSON: the file holds no document")
	}
	return docs, nil
}

// docPath is a JSON path as encoding/json gives it, without the model's
// embedded helper structs.
func docPath(field string) string {
	return strings.ReplaceAll(field, "plainDescription.", "")
}

// valueAt finds where the value at a dotted path of object keys
// ("funding.eu_state_granted") starts in one document. A path that runs
// through an array is not found: encoding/json's path names no item.
func valueAt(doc []byte, path string) (int64, bool) {
	if path == "" {
		return 0, false
	}
	want := strings.Split(path, ".")
	dec := json.NewDecoder(bytes.NewReader(doc))
	var keys []string // the keys from the document down to the current object
	depth := 0        // the objects open (an array stops the search)
	expectKey := false
	for {
		tok, err := dec.Token()
		if err != nil {
			return 0, false
		}
		switch tok {
		case json.Delim('{'):
			depth++
			expectKey = true
			continue
		case json.Delim('}'):
			depth--
			if len(keys) >= depth && depth >= 0 {
				keys = keys[:max(depth-1, 0)]
			}
			expectKey = true
			continue
		case json.Delim('['):
			return 0, false
		}
		if expectKey {
			k, _ := tok.(string)
			keys = append(keys[:depth-1], k)
			if len(keys) == len(want) && slices.Equal(keys, want) {
				// The value starts after the colon and white space.
				off := dec.InputOffset()
				for off < int64(len(doc)) && strings.IndexByte(" \t\r\n:", doc[off]) >= 0 {
					off++
				}
				return off, true
			}
			if len(keys) <= len(want) && slices.Equal(keys, want[:len(keys)]) {
				expectKey = false // the value: descend into it
				continue
			}
			// Another key: skip its value whole.
			var skip json.RawMessage
			if dec.Decode(&skip) != nil {
				return 0, false
			}
			continue
		}
		expectKey = true // a scalar value of a key on the path
	}
}

// docProblem says why document i (from 1) is not a description asectl can
// check, or nil. at (" (line N)" or "") locates it.
func docProblem(i int, d *model.Description, at string) error {
	switch {
	case d == nil:
		return fmt.Errorf("not asectl's parse JSON: document %d%s is null", i, at)
	case d.Version != model.Version:
		return fmt.Errorf("not asectl's parse JSON: document %d%s has version %d, not %d", i, at, d.Version, model.Version)
	case d.Kind != "" && d.Kind != model.KindDescription:
		return fmt.Errorf("document %d%s is a %q, not a description: only descriptions can be checked from JSON", i, at, d.Kind)
	}
	return nil
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
	path := docPath(te.Field)
	value := te.Value
	if len(value) > 60 {
		value = value[:60] + "…"
	}
	want := "another type"
	switch te.Type {
	case reflect.TypeFor[model.Fixed2]():
		return fmt.Errorf("%s: a JSON %s where a number with at most two decimals is expected", path, value)
	case reflect.TypeFor[model.Date]():
		return fmt.Errorf("%s: a JSON %s where a date (YYYY-MM-DD) is expected", path, value)
	}
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
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		want = "a whole number"
	case reflect.Float32, reflect.Float64:
		want = "a number"
	}
	if path == "" {
		return fmt.Errorf("a JSON %s where a document (an object) is expected", value)
	}
	return fmt.Errorf("%s: a JSON %s where %s is expected", path, value, want)
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
