package fetch

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/asectl/asectl/internal/output"
)

// manifest is dir/fetch.jsonl: one JSON object a line, the last line of a
// code winning. A run appends each outcome as it comes (one write a line,
// so an interrupted run keeps what it finished) and rewrites the file at
// the end with one line a code, sorted.
type manifest struct {
	path string
	mu   sync.Mutex
	byID map[string]Entry
	f    *os.File // open for appending
}

// maxManifestLine bounds one line of the manifest when it is read back.
const maxManifestLine = 1 << 20

func openManifest(dir string, logf func(string, ...any)) (*manifest, error) {
	m := &manifest{path: filepath.Join(dir, ManifestName), byID: map[string]Entry{}}
	data, err := os.ReadFile(m.path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, maxManifestLine)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var e Entry
		if err := json.Unmarshal(line, &e); err != nil || !ValidCode(e.Code) {
			// A line cut short by a crash, or edited by hand: the code is
			// fetched again.
			if logf != nil {
				logf("%s:%d: not a manifest entry; ignored", m.path, n)
			}
			continue
		}
		m.byID[e.Code] = e
	}
	if err := sc.Err(); err != nil && logf != nil {
		logf("%s: %v; the rest is ignored", m.path, err)
	}
	f, err := os.OpenFile(m.path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		return nil, err
	}
	// A file that does not end in a newline (cut short) would glue the
	// next line to its last.
	if len(data) > 0 && data[len(data)-1] != '\n' {
		if _, err := f.Write([]byte("\n")); err != nil {
			f.Close()
			return nil, err
		}
	}
	m.f = f
	return m, nil
}

func (m *manifest) last(code string) (Entry, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	e, ok := m.byID[code]
	return e, ok
}

// append records an outcome: one write of one whole line.
func (m *manifest) append(e Entry) error {
	b, err := json.Marshal(e)
	if err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.byID[e.Code] = e
	_, err = m.f.Write(append(b, '\n'))
	return err
}

// compact closes the manifest and rewrites it atomically with the last
// entry of each code, sorted by code.
func (m *manifest) compact() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.f == nil {
		return nil
	}
	err := m.f.Close()
	m.f = nil
	if err != nil {
		return err
	}
	codes := make([]string, 0, len(m.byID))
	for c := range m.byID {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	var buf bytes.Buffer
	for _, c := range codes {
		b, err := json.Marshal(m.byID[c])
		if err != nil {
			return err
		}
		buf.Write(b)
		buf.WriteByte('\n')
	}
	return writeFileAtomic(m.path, buf.Bytes())
}

// writeFileAtomic puts data at path through asectl's output path
// (internal/output): a temporary file beside it, synced and renamed into
// place, so path is never seen half-written; the temporary file is
// removed if the process is interrupted (output.Catch).
func writeFileAtomic(path string, data []byte) error {
	return output.WriteFile(path, data)
}

// tempInfix is in the temporary files' names (".NAME.tmp-RANDOM").
const tempInfix = ".tmp-"

// removeTemps deletes the temporary files a killed run left in dir (a
// run that is interrupted normally removes its own).
func removeTemps(dir string) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, d := range ents {
		n := d.Name()
		if !d.Type().IsRegular() || !strings.HasPrefix(n, ".") {
			continue
		}
		base, _, ok := strings.Cut(n[1:], tempInfix)
		if !ok {
			continue
		}
		if base == ManifestName || (strings.HasSuffix(base, ".html") && ValidCode(strings.TrimSuffix(base, ".html"))) {
			os.Remove(filepath.Join(dir, n))
		}
	}
}
