package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// input is one description to read: a file, or stdin ("-").
type input struct {
	Name string // as the user named it, or the path found under a directory
	Err  error  // set when the input could not even be listed
}

// expandInputs turns the arguments into inputs in a stable order: files as
// given, "-" for stdin, and a directory as the .txt files beneath it sorted
// by path. A path that does not exist stays an input so that it is reported
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
		var found []string
		walkErr := filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				inputs = append(inputs, input{Name: p, Err: err})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if !d.IsDir() && strings.EqualFold(filepath.Ext(p), ".txt") {
				found = append(found, p)
			}
			return nil
		})
		if walkErr != nil {
			inputs = append(inputs, input{Name: a, Err: walkErr})
		}
		sort.Strings(found)
		if len(found) == 0 && walkErr == nil {
			inputs = append(inputs, input{Name: a, Err: errors.New("no .txt files in this directory")})
		}
		for _, f := range found {
			inputs = append(inputs, input{Name: f})
		}
	}
	return inputs, dirs
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

// readInput reads one input, refusing more than max bytes without reading
// them all.
func readInput(in input, stdin io.Reader, max int64) ([]byte, error) {
	if in.Err != nil {
		return nil, in.Err
	}
	var r io.Reader
	size := int64(0)
	if in.Name == "-" {
		if stdin == nil {
			return nil, errors.New("no standard input")
		}
		r = stdin
	} else {
		f, err := os.Open(in.Name)
		if err != nil {
			return nil, cleanPathError(err)
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil {
			if st.IsDir() {
				return nil, errors.New("is a directory")
			}
			if st.Size() > max {
				return nil, errTooLarge{st.Size(), max}
			}
			size = st.Size()
		}
		r = f
	}
	// Read into a buffer of the file's size (plus one byte to see growth),
	// not io.ReadAll's doubling from 512 bytes.
	buf := bytes.NewBuffer(make([]byte, 0, size+1))
	_, err := buf.ReadFrom(io.LimitReader(r, max+1))
	b := buf.Bytes()
	if err != nil {
		return nil, cleanPathError(err)
	}
	if int64(len(b)) > max {
		return nil, errTooLarge{0, max}
	}
	return b, nil
}

// cleanPathError drops the path from an *fs.PathError: the caller prints
// the input's name in front of the message already.
func cleanPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
