// Command gencorpus writes N generated descriptions into a directory:
//
//	go run ./internal/gen/gencorpus -n 5000 -o /tmp/corpus
//	go run ./internal/gen/gencorpus -n 5000 -html -o /tmp/pages   # as HTML pages
//
// With -html each description is written as an HTML page (.html), in the
// markup styles of internal/htmlpage in turn.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/asectl/asectl/internal/gen"
	"github.com/asectl/asectl/internal/htmlpage"
	"github.com/asectl/asectl/parser"
)

func main() {
	n := flag.Int("n", 1000, "number of descriptions")
	out := flag.String("o", "corpus", "output directory")
	seed := flag.Uint64("seed", 1, "seed: the same seed gives the same files")
	tmpl := flag.String("template", "testdata/A72213.txt", "the description to vary")
	asHTML := flag.Bool("html", false, "write HTML pages (.html) instead of text")
	flag.Parse()

	t, err := os.ReadFile(*tmpl)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(2)
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(2)
	}
	g := gen.New(t, *seed)
	var total int64
	for i := 0; i < *n; i++ {
		b := g.Description(i)
		ext := ".txt"
		if *asHTML {
			res, err := parser.Parse("gen", b, parser.Options{})
			if err != nil {
				fmt.Fprintln(os.Stderr, "gencorpus:", err)
				os.Exit(2)
			}
			style := htmlpage.Styles[i%len(htmlpage.Styles)]
			b = []byte(htmlpage.Render(style, string(b), htmlpage.Headings(res.Doc.Sections), res.Doc.Language))
			ext = ".html"
		}
		total += int64(len(b))
		// Spread files over subfolders as a real archive would be.
		dir := filepath.Join(*out, fmt.Sprintf("%03d", i/1000))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			fmt.Fprintln(os.Stderr, "gencorpus:", err)
			os.Exit(2)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("desc%06d%s", i, ext)), b, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "gencorpus:", err)
			os.Exit(2)
		}
	}
	fmt.Fprintf(os.Stderr, "gencorpus: %d descriptions, %.1f MB in %s\n", *n, float64(total)/1e6, *out)
}
