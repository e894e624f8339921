package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/asectl/asectl/model"
)

// docStream reads asectl's parse JSON one document at a time, so that
// memory holds one document however many the input has (readDocs decoded
// a 109 MB JSONL whole: 450 MiB). The input's shape is told from its start:
//
//   - an array (parse --format json over several inputs): its elements;
//   - JSON lines (parse --format jsonl): each line that is not blank is one
//     document, so a line that cannot be read is that document's error and
//     the next line is read as usual. An input is JSON lines when its first
//     or second line (not blank) is a JSON object by itself;
//   - otherwise documents one after another, however laid out (parse
//     --format json of one input).
//
// A document of the wrong shape (a value of another type, another version
// or kind) is an error of its own (a *docError) in every shape. A syntax
// error in an array or in laid-out documents ends the input: where the
// next document starts is not known.
type docStream struct {
	br    *bufio.Reader
	lines bool // JSON lines
	array bool

	// JSON lines: the lines read from br, the current document's line
	// (from 1), the line's bytes, and lines read ahead while the shape
	// was told.
	read  int
	line  int
	buf   []byte
	ahead []aheadLine

	// arrays and laid-out documents
	dec     *json.Decoder
	cnt     *lineCounter
	started bool            // an array's '[' is read
	raw     json.RawMessage // the document being read

	n    int  // documents read so far
	done bool // nothing more can be read
}

type aheadLine struct {
	n int
	b []byte // with its line end
}

// docError is one document that cannot be read, at line (from 1); the
// input's other documents can be.
type docError struct {
	line int
	err  error
}

func (e *docError) Error() string { return e.err.Error() }

// newDocStream reads the JSON in r (a byte order mark and white space may
// come first).
func newDocStream(r io.Reader) (*docStream, error) {
	s := &docStream{br: bufio.NewReaderSize(r, 64<<10)}
	if bom, _ := s.br.Peek(3); bytes.Equal(bom, []byte("\ufeff")) {
		_, _ = s.br.Discard(3)
	}
	first, err := s.firstByte()
	if err != nil {
		return nil, err
	}
	skipped := s.read
	if first == '[' {
		s.array = true
		s.decodeFrom(s.br, skipped)
		return s, nil
	}
	// JSON lines or laid-out documents: look at the first two lines that
	// are not blank.
	for seen := 0; seen < 2; {
		l, err := s.readRaw()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		s.ahead = append(s.ahead, aheadLine{s.read, bytes.Clone(l)})
		t := bytes.TrimSpace(l)
		if len(t) == 0 {
			continue
		}
		seen++
		if t[0] == '{' && json.Valid(t) {
			s.lines = true
			return s, nil
		}
	}
	// Laid out: the lines read ahead go to the decoder first.
	parts := make([]io.Reader, 0, len(s.ahead)+1)
	for _, l := range s.ahead {
		parts = append(parts, bytes.NewReader(l.b))
	}
	s.ahead = nil
	s.decodeFrom(io.MultiReader(append(parts, s.br)...), skipped)
	return s, nil
}

// firstByte peeks at the first byte that is not white space, skipping
// the white space before it.
func (s *docStream) firstByte() (byte, error) {
	for {
		c, err := s.br.ReadByte()
		if err != nil {
			if err == io.EOF {
				return 0, errors.New("no JSON document in it")
			}
			return 0, cleanPathError(err)
		}
		switch c {
		case ' ', '\t', '\r':
			continue
		case '\n':
			s.read++
			continue
		}
		return c, s.br.UnreadByte()
	}
}

// decodeFrom decodes documents from r; skipped lines were already passed.
func (s *docStream) decodeFrom(r io.Reader, skipped int) {
	s.cnt = &lineCounter{r: r, lines: skipped}
	s.dec = json.NewDecoder(s.cnt)
}

// readRaw reads the next line with its end, or io.EOF. The bytes are
// valid until the next call.
func (s *docStream) readRaw() ([]byte, error) {
	s.buf = s.buf[:0]
	for {
		part, err := s.br.ReadSlice('\n')
		s.buf = append(s.buf, part...)
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err == io.EOF && len(s.buf) > 0, err == nil:
			s.read++
			return s.buf, nil
		case err == io.EOF:
			return nil, io.EOF
		}
		return nil, cleanPathError(err)
	}
}

// next returns the next document, or io.EOF after the last. A *docError
// is that document's alone: the next call reads on. Any other error ends
// the input.
func (s *docStream) next() (*model.Description, error) {
	if s.done {
		return nil, io.EOF
	}
	if s.lines {
		return s.nextLine()
	}
	if s.array && !s.started {
		s.started = true
		if _, err := s.dec.Token(); err != nil {
			return nil, s.fatal(err)
		}
	}
	if s.array && !s.dec.More() {
		s.done = true
		if _, err := s.dec.Token(); err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF // no ']'
			}
			return nil, s.fatal(err)
		}
		if _, err := s.dec.Token(); err != io.EOF {
			return nil, fmt.Errorf("not asectl's parse JSON (line %d): more after the array", s.at())
		}
		return nil, io.EOF
	}
	// The document's bytes are kept until it is decoded: a bad value is
	// located by its path in them.
	err := s.dec.Decode(&s.raw)
	if err == io.EOF {
		if !s.array {
			s.done = true
			return nil, io.EOF
		}
		err = io.ErrUnexpectedEOF // no ']'
	}
	if err != nil {
		return nil, s.fatal(err)
	}
	s.n++
	start := s.at() - bytes.Count(s.raw, []byte("\n"))
	return s.decode(s.raw, start)
}

// decode reads one document's bytes, which start at line start. A bad
// value is located by its JSON path (at the document's start when the
// path runs through a list, whose item encoding/json does not name).
func (s *docStream) decode(raw []byte, start int) (*model.Description, error) {
	var d *model.Description
	if err := json.Unmarshal(raw, &d); err != nil {
		line := start
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			if off, ok := valueAt(raw, docPath(te.Field)); ok {
				line += bytes.Count(raw[:off], []byte("\n"))
			}
		} else if se := new(json.SyntaxError); errors.As(err, &se) && se.Offset >= 1 && se.Offset <= int64(len(raw)) {
			line += bytes.Count(raw[:se.Offset-1], []byte("\n"))
		}
		return nil, &docError{line, fmt.Errorf("not asectl's parse JSON: document %d (line %d): %v", s.n, line, jsonProblem(err))}
	}
	if err := docProblem(s.n, d, fmt.Sprintf(" (line %d)", start)); err != nil {
		return nil, &docError{start, err}
	}
	return d, nil
}

// nextLine reads the next line of JSON lines as a document.
func (s *docStream) nextLine() (*model.Description, error) {
	var l []byte
	for l == nil {
		if len(s.ahead) > 0 {
			s.line, l = s.ahead[0].n, s.ahead[0].b
			s.ahead = s.ahead[1:]
		} else {
			var err error
			if l, err = s.readRaw(); err != nil {
				s.done = true
				return nil, err
			}
			s.line = s.read
		}
		if len(bytes.TrimSpace(l)) == 0 {
			l = nil
		}
	}
	s.n++
	return s.decode(l, s.line)
}

// fatal is an error after which nothing more of the input is read.
func (s *docStream) fatal(err error) error {
	s.done = true
	if s.cnt.err != nil {
		return cleanPathError(s.cnt.err)
	}
	return fmt.Errorf("not asectl's parse JSON: document %d (line %d): %v", s.n+1, s.errLine(err), jsonProblem(err))
}

// errLine is the line of a syntax error, or of the input's end for one
// that ends too soon. The decoder's InputOffset stays at the start of the
// value it could not read, and its SyntaxError.Offset does not count the
// bytes Token read, so the value's bytes are scanned again.
func (s *docStream) errLine(err error) int {
	line, rest := s.at(), bufferedBytes(s.dec)
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF):
		return line + bytes.Count(bytes.TrimRight(rest, " \t\r\n"), []byte("\n"))
	case errors.As(err, new(*json.SyntaxError)):
		var se *json.SyntaxError
		if errors.As(json.NewDecoder(bytes.NewReader(rest)).Decode(new(json.RawMessage)), &se) && se.Offset >= 1 && se.Offset <= int64(len(rest)) {
			return line + bytes.Count(rest[:se.Offset-1], []byte("\n"))
		}
	}
	return line
}

// at is the line the decoder has read up to.
func (s *docStream) at() int {
	return s.cnt.lines - bytes.Count(bufferedBytes(s.dec), []byte("\n")) + 1
}

func bufferedBytes(dec *json.Decoder) []byte {
	b, _ := io.ReadAll(dec.Buffered())
	return b
}

// lineCounter counts the line ends read through it.
type lineCounter struct {
	r     io.Reader
	lines int
	err   error // a read's error other than io.EOF: the input ends there
}

func (c *lineCounter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.lines += bytes.Count(p[:n], []byte("\n"))
	if err != nil && err != io.EOF {
		c.err = err
	}
	return n, err
}

// openJSON opens a regular file named on the command line that holds JSON
// (its first character, after a byte order mark and white space, is { or
// [), refusing one over limit bytes as readFile does. ok is false for any
// other file (it is not opened: a FIFO's open would wait for a writer),
// which is then read as usual.
func openJSON(name string, limit int64) (f *os.File, ok bool, err error) {
	st, err := os.Stat(name)
	if err != nil || !st.Mode().IsRegular() {
		return nil, false, nil
	}
	if f, err = os.Open(name); err != nil {
		return nil, false, nil
	}
	var head [512]byte
	n, _ := io.ReadFull(f, head[:])
	if !looksJSON(head[:n]) {
		f.Close()
		return nil, false, nil
	}
	if st.Size() > limit {
		f.Close()
		return nil, true, errTooLarge{st.Size(), limit}
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		f.Close()
		return nil, false, nil
	}
	return f, true, nil
}

// errChanged is why a file of documents that read whole the first time
// did not the second: it was written to (or replaced) while asectl read
// it. The input is unreadable, not a bug in asectl.
var errChanged = errors.New("the file changed while it was read; read it again once it is written")

// rereadDocs is eachDoc for the second reading of a file's documents, by
// validate and report; a test changes the file in between.
var rereadDocs = eachDoc

// eachDoc calls each for every document of the file at path (asectl's
// parse JSON), read from the disk one at a time (a docStream), when it is
// an array or JSON lines of two documents or more that all read without
// error: validate and report then hold one document, not all of them
// (readDocs of a 109 MB JSONL took 450 MiB). ok is false, before or after
// calls of each, for any other input or any document that cannot be read:
// readDocs then reads the file whole, with its messages (one document
// keeps readDocs' in-place decode of long lists; a bad document's message
// stays readDocs'). An error of each ends the stream and is returned.
func eachDoc(path string, each func(*model.Description) error) (ok bool, err error) {
	f, err := os.Open(path)
	if err != nil {
		return false, nil
	}
	defer f.Close()
	return eachDocIn(f, each)
}

// eachDocIn is eachDoc of the documents read from r.
func eachDocIn(r io.Reader, each func(*model.Description) error) (ok bool, err error) {
	s, err := newDocStream(r)
	if err != nil || !(s.array || s.lines) || (s.lines && !s.secondLine()) {
		return false, nil
	}
	n := 0
	for {
		d, err := s.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return false, nil
		}
		n++
		if err := each(d); err != nil {
			return true, err
		}
	}
	return n >= 2, nil
}

// secondLine reads JSON lines ahead to their second line that is not
// blank, so that one document alone is never decoded here (readDocs
// decodes it in place, its long lists first: a line of 900,000 names
// decoded here as well took 147 MiB instead of 108). It is false when
// there is no such line.
func (s *docStream) secondLine() bool {
	seen := 0
	for _, l := range s.ahead {
		if len(bytes.TrimSpace(l.b)) > 0 {
			seen++
		}
	}
	for seen < 2 {
		l, err := s.readRaw()
		if err != nil {
			return false
		}
		s.ahead = append(s.ahead, aheadLine{s.read, bytes.Clone(l)})
		if len(bytes.TrimSpace(l)) > 0 {
			seen++
		}
	}
	return true
}

// manyDocs reports whether in is a file named as JSON (not standard input,
// not .txt or .html) of at most limit bytes that eachDoc reads, decoding
// its documents one at a time and keeping none.
func manyDocs(in input, limit int64) bool {
	if in.Err != nil || in.Name == "-" || inputExt(in.Name) {
		return false
	}
	f, ok, err := openJSON(in.Name, limit)
	if !ok || err != nil {
		return false
	}
	defer f.Close()
	ok, _ = eachDocIn(f, func(*model.Description) error { return nil })
	return ok
}
