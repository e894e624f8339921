package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// input is one description to read: a file, or stdin ("-").
type input struct {
	Name string // as the user named it, or the path found under a directory
	Err  error  // set when the input could not even be listed

	// reserve, set by the batch runner, is called with the input's size
	// before it is read (readInput): it waits until that many bytes may be
	// in flight.
	reserve func(int64)
}

// expandInputs turns the arguments into inputs in a stable order: files as
// given, "-" for stdin, and a directory as the .txt, .html and .htm files
// beneath it sorted by path (a saved page's "NAME_files" folder beside
// NAME.html is skipped: it holds the page's images, scripts and frames). A path that does not exist stays an input so that it is reported
// in its place.
func expandInputs(args []string) (inputs []input, dirs bool) {
	for _, a := range args {
		if a == "-" {
			inputs = append(inputs, input{Name: a})
			continue
		}
		st, err := os.Stat(a)
		if err != nil || !st.IsDir() {
			inputs = append(inputs, input{Name: a})
			continue
		}
		dirs = true
		var found []input
		walkErr := filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				inputs = append(inputs, input{Name: p, Err: err})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() && p != a && savedPageFolder(p) {
				return fs.SkipDir
			}
			if !d.IsDir() && inputExt(p) {
				if in, ok := dirEntryInput(p, d); ok {
					found = append(found, in)
				}
			}
			return nil
		})
		if walkErr != nil {
			inputs = append(inputs, input{Name: a, Err: walkErr})
		}
		sort.Slice(found, func(i, j int) bool { return found[i].Name < found[j].Name })
		if len(found) == 0 && walkErr == nil {
			inputs = append(inputs, input{Name: a, Err: errors.New("no .txt, .html or .htm files in this directory")})
		}
		inputs = append(inputs, found...)
	}
	return inputs, dirs
}

// inputExt reports a name a directory's walk reads: .txt, .html or .htm.
func inputExt(p string) bool {
	ext := filepath.Ext(p)
	return strings.EqualFold(ext, ".txt") || strings.EqualFold(ext, ".html") || strings.EqualFold(ext, ".htm")
}

// savedPageFolder reports a browser's "save page as" folder: NAME_files
// (NAME_tiedostot in a Finnish Internet Explorer) beside NAME.html or
// NAME.htm.
func savedPageFolder(p string) bool {
	for _, suffix := range []string{"_files", "_tiedostot"} {
		if stem, ok := strings.CutSuffix(p, suffix); ok && stem != "" {
			for _, ext := range []string{".html", ".htm", ".HTML", ".HTM"} {
				if st, err := os.Stat(stem + ext); err == nil && !st.IsDir() {
					return true
				}
			}
		}
	}
	return false
}

// dirEntryInput decides what a .txt entry under a directory is. A regular file,
// or a link to one, is read. A named pipe, socket or device is not: opening
// a pipe would wait for a writer forever, and a batch must not hang on a
// stray one; it stays in the list with an error that says so. (Named on the
// command line, such a file is read: 'asectl parse <(curl …)' is a pipe.) A
// link to a directory is not followed, as the walk follows none.
func dirEntryInput(p string, d fs.DirEntry) (input, bool) {
	t := d.Type()
	if t&fs.ModeSymlink != 0 {
		st, err := os.Stat(p)
		if err != nil {
			return input{Name: p, Err: cleanPathError(err)}, true
		}
		t = st.Mode().Type()
	}
	switch {
	case t.IsRegular():
		return input{Name: p}, true
	case t.IsDir():
		return input{}, false
	}
	return input{Name: p, Err: fmt.Errorf("not a regular file (%s); name it on the command line to read it", fileKind(t))}, true
}

func fileKind(t fs.FileMode) string {
	switch {
	case t&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case t&fs.ModeSocket != 0:
		return "a socket"
	case t&fs.ModeDevice != 0:
		return "a device"
	}
	return "of mode " + t.String()
}

// errTooLarge is returned for inputs over --max-size. size is 0 when it is
// not known (standard input is read only up to the limit).
type errTooLarge struct{ size, max int64 }

func (e errTooLarge) Error() string {
	if e.size == 0 {
		return fmt.Sprintf("larger than --max-size (more than %s); raise --max-size to read it", humanBytes(e.max))
	}
	return fmt.Sprintf("larger than --max-size (%s > %s); raise --max-size to read it", humanBytes(e.size), humanBytes(e.max))
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// readInput reads one input into buf (growing it as needed), refusing more
// than limit bytes without reading them all. It returns the bytes read.
func readInput(in input, stdin io.Reader, limit int64, buf []byte) ([]byte, error) {
	if in.Err != nil {
		return nil, in.Err
	}
	if in.Name != "-" {
		return readFile(in.Name, limit, buf, in.reserve)
	}
	if stdin == nil {
		return nil, errors.New("no standard input")
	}
	if in.reserve != nil {
		in.reserve(limit)
	}
	return readAll(stdin, 0, limit, buf, false)
}

// readAll reads r to its end into buf. size is what the input is expected
// to hold (0: unknown). regular says r is a regular file, which gives less
// than asked only at its end: then no further read is needed to see it.
func readAll(r io.Reader, size, limit int64, buf []byte, regular bool) ([]byte, error) {
	// One byte more than the file's size, so that the read which sees the
	// end needs no second buffer; a file that grows (or stdin) doubles it.
	if want := int(min(size, limit) + 1); cap(buf) < want {
		buf = make([]byte, 0, max(want, 4096))
	}
	buf = buf[:0]
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		room := cap(buf) - len(buf)
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if int64(len(buf)) > limit {
			return nil, errTooLarge{0, limit}
		}
		if err == io.EOF || err == nil && regular && n < room {
			return buf, nil
		}
		if err != nil {
			return nil, cleanPathError(err)
		}
	}
}

// inputBufs recycles input buffers within a batch. Reading thousands of
// files into fresh buffers cost as much as parsing them (allocation, zeroing
// and garbage collection of the whole corpus); a batch needs only as many
// buffers as results wait in its window.
var inputBufs = sync.Pool{New: func() any { return new([]byte) }}

// maxPooledInput keeps a freak input's buffer out of the pool.
const maxPooledInput = 1 << 20

// cleanPathError drops the path from an *fs.PathError: the caller prints
// the input's name in front of the message already.
func cleanPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
