//go:build unix

// Command floor is the yardstick bench/run.sh sets beside asectl: the least
// a Go program must do with the corpus before parsing anything. It lists
// the directory, reads every file with the four system calls asectl uses
// (open, fstat, read, close) into a reused buffer, checks that it is UTF-8
// and splits it into lines, on -jobs workers. It prints the number of
// files and lines, so that the work cannot be skipped.
//
//	go run ./bench/floor -jobs 2 DIR
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"syscall"
	"unicode/utf8"
)

func main() {
	jobs := flag.Int("jobs", runtime.NumCPU(), "workers")
	flag.Parse()
	if flag.NArg() != 1 || *jobs < 1 {
		fmt.Fprintln(os.Stderr, "usage: floor [-jobs N] DIR")
		os.Exit(2)
	}
	var files []string
	err := filepath.WalkDir(flag.Arg(0), func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
	var next, lines atomic.Int64
	var failed atomic.Bool
	var wg sync.WaitGroup
	for range *jobs {
		wg.Go(func() {
			var buf []byte
			for {
				i := int(next.Add(1) - 1)
				if i >= len(files) {
					return
				}
				b, err := read(files[i], buf)
				if err != nil || !utf8.Valid(b) {
					fmt.Fprintf(os.Stderr, "floor: %s: not readable UTF-8 (%v)\n", files[i], err)
					failed.Store(true)
					continue
				}
				buf = b[:0]
				n := int64(0)
				for len(b) > 0 {
					j := bytes.IndexByte(b, '\n')
					if j < 0 {
						j = len(b) - 1
					}
					b = b[j+1:]
					n++
				}
				lines.Add(n)
			}
		})
	}
	wg.Wait()
	fmt.Printf("%d files, %d lines\n", len(files), lines.Load())
	if failed.Load() {
		os.Exit(1)
	}
}

// read reads a regular file whole with open, fstat, read, close.
func read(name string, buf []byte) ([]byte, error) {
	fd, err := syscall.Open(name, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return nil, err
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		return nil, err
	}
	if int64(cap(buf)) < st.Size {
		buf = make([]byte, st.Size)
	}
	buf = buf[:st.Size]
	for off := 0; off < len(buf); {
		n, err := syscall.Read(fd, buf[off:])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, err
		}
		if n == 0 {
			return buf[:off], nil
		}
		off += n
	}
	return buf, nil
}
