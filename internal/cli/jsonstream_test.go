package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDocStream: asectl's parse JSON is read a document at a time in each
// shape; a document that cannot be read is an error of its own, located
// by its line, and the documents after it are read (regression: one bad
// line made a whole JSONL one error, and the input was decoded whole).
func TestDocStream(t *testing.T) {
	doc := func(src string) string { return `{"version":1,"kind":"description","source":"` + src + `"}` }
	laid := func(src string) string {
		return "{\n  \"version\": 1,\n  \"source\": \"" + src + "\"\n}"
	}
	for _, tc := range []struct {
		name, in string
		want     []string // "SOURCE", "line N: MESSAGE PART" (one document), "end: MESSAGE PART" (the rest)
	}{
		{"jsonl", doc("a") + "\n" + doc("b") + "\n", []string{"a", "b"}},
		{"jsonl without a last line end, CRLF, blank lines, BOM", "\ufeff\n" + doc("a") + "\r\n\r\n\n" + doc("b"), []string{"a", "b"}},
		{"jsonl with a bad line", doc("a") + "\n" + doc("b")[:20] + "\n\n" + doc("c") + "\n",
			[]string{"a", "line 2: (line 2): unexpected end of JSON input", "c"}},
		{"jsonl with a bad first line", doc("a")[:20] + "\n" + doc("b") + "\n" + doc("c") + "\n",
			[]string{"line 1: (line 1): unexpected end of JSON input", "b", "c"}},
		{"jsonl: two documents on a line", doc("a") + doc("b") + "\n" + doc("c"),
			[]string{"line 1: (line 1): invalid character '{' after top-level value", "c"}},
		{"jsonl: another version, a null, a number, a list row", doc("a") + "\n" + `{"version":2}` + "\nnull\n3\n" + `{"version":1,"kind":"list_row"}` + "\n" + doc("b"),
			[]string{"a", "line 2: document 2 (line 2) has version 2, not 1", "line 3: document 3 (line 3) is null",
				"line 4: (line 4): a JSON number where a document (an object) is expected",
				`line 5: document 5 (line 5) is a "list_row", not a description`, "b"}},
		{"jsonl: a value of the wrong type", doc("a") + "\n" + `{"version":1,"project":{"period":5}}` + "\n" + doc("b"),
			[]string{"a", "line 2: (line 2): project.period: a JSON number where an object is expected", "b"}},
		{"one laid-out document", laid("a") + "\n", []string{"a"}},
		{"laid-out documents one after another", laid("a") + "\n\n" + laid("b"), []string{"a", "b"}},
		{"laid out, a syntax error ends it", laid("a") + "\n" + laid("b")[:20] + ",,\n" + laid("c"),
			[]string{"a", "end: (line 7): invalid character ','"}},
		{"laid out, truncated", laid("a")[:20], []string{"end: (line 2): unexpected EOF"}},
		{"array", "[\n" + laid("a") + ",\n" + laid("b") + "\n]\n", []string{"a", "b"}},
		{"array on one line", "[" + doc("a") + "," + doc("b") + "]", []string{"a", "b"}},
		{"empty array", " [ ] ", nil},
		{"array: a wrong element is one document", "[\n" + laid("a") + ",\n3,\n" + laid("b") + "\n]",
			[]string{"a", "line 6: (line 6): a JSON number where a document (an object) is expected", "b"}},
		{"array without its end", "[" + doc("a") + ",", []string{"a", "end: (line 1): unexpected EOF"}},
		{"array without ]", "[" + doc("a") + "\n", []string{"a", "end: (line 1): unexpected EOF"}},
		{"more after the array", "[" + doc("a") + "]\n{}", []string{"a", "end: (line 2): more after the array"}},
		{"array with a syntax error", "[\n" + doc("a") + ",\n" + doc("b")[:10] + "}]", []string{"a", "end: (line 3): invalid character '}'"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := newDocStream(strings.NewReader(tc.in))
			require.NoError(t, err)
			var got []string
			for i := 0; i < 20; i++ {
				d, err := s.next()
				if err == io.EOF {
					break
				}
				var de *docError
				switch {
				case errors.As(err, &de):
					got = append(got, fmt.Sprintf("line %d: %v", de.line, err))
				case err != nil:
					got = append(got, "end: "+err.Error())
				default:
					got = append(got, d.Source)
				}
			}
			require.Len(t, got, len(tc.want), "%q", got)
			for i, w := range tc.want {
				if strings.HasPrefix(w, "line ") || strings.HasPrefix(w, "end: ") {
					head, part, _ := strings.Cut(w, ": ")
					assert.True(t, strings.HasPrefix(got[i], head+": "), "%d: %q, want %q", i, got[i], w)
					assert.Contains(t, got[i], part, "%d", i)
					continue
				}
				assert.Equal(t, w, got[i], "%d", i)
			}
			_, err = s.next()
			assert.Equal(t, io.EOF, err, "after the end")
		})
	}
}

// FuzzDocStream: any bytes end in a bounded number of steps, without a
// panic; an input readDocs reads whole in one piece (an array or laid-out
// documents) gives the same documents here.
func FuzzDocStream(f *testing.F) {
	doc := `{"version":1,"source":"a"}`
	for _, s := range []string{doc, doc + "\n" + doc, "[" + doc + "," + doc + "]", "[\n" + doc + ",\n3\n]", "{\n\"version\": 1\n}\n{}", doc + "\nnull\n" + doc[:9], "\ufeff  [", "{"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		if !looksJSON(in) {
			return
		}
		s, err := newDocStream(bytes.NewReader(in))
		if err != nil {
			return
		}
		var sources []string
		clean := true
		for i := 0; ; i++ {
			if i > len(in)+2 {
				t.Fatalf("more than %d steps", i)
			}
			d, err := s.next()
			if err == io.EOF {
				break
			}
			if err != nil {
				clean = false
				continue
			}
			sources = append(sources, d.Source)
		}
		if docs, err := readDocs(in); err == nil && !s.lines {
			require.True(t, clean, "readDocs read it")
			require.Len(t, sources, len(docs))
			for i, d := range docs {
				require.Equal(t, d.Source, sources[i])
			}
		}
	})
}
