// Command asectl-web builds asectl's browser page from a checkout:
//
//	go run ./cmd/asectl-web -o site/
//
// writes into site/ a static site that any web server (or intranet share)
// can serve: index.html, app.js, worker.js, style.css, Go's wasm_exec.js
// (copied from the toolchain that builds the engine) and the engine,
// asectl.wasm, built with GOOS=js GOARCH=wasm from the packages the CLI uses
// (see internal/web). It also writes asectl.html, the same page as one
// self-contained file (the engine inlined, gzipped and in base64) that works
// opened from disk (file://), where browsers refuse to fetch a .wasm.
//
// DIR is new, empty, or a site an earlier build wrote (listed in its
// .asectl-web file): the earlier build's files this one does not write are
// removed, other files left alone; a directory with other files is refused.
//
// The page sends nothing anywhere: every description is read and checked in
// the browser, and after the engine has loaded it makes no request at all.
package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"text/template"

	"github.com/asectl/asectl/internal/cli"
)

//go:embed static
var static embed.FS

func main() {
	out := flag.String("o", "site", "directory to write the site into: new, empty, or an earlier site (whose files this build does not write are removed)")
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: go run ./cmd/asectl-web [-o DIR]\n\nBuilds asectl's browser page into DIR (default site/).\n\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	sizes, err := Build(*out, cli.Version())
	if err != nil {
		fmt.Fprintf(os.Stderr, "asectl-web: %v\n", err)
		os.Exit(1)
	}
	for _, s := range sizes {
		fmt.Printf("%-20s %9d bytes (%d gzipped)\n", s.Name, s.Raw, s.Gzip)
	}
	fmt.Printf("site written to %s: serve it, or open %s from disk\n", *out, filepath.Join(*out, "asectl.html"))
}

// Size is one built file's size in bytes, raw and gzipped (level 9).
type Size struct {
	Name      string
	Raw, Gzip int
}

// modules are the engine's WebAssembly modules: file name and package. One
// since the report stopped using html/template (it was two: 7.1 and 11.8 MB).
var modules = []struct{ file, pkg string }{
	{"asectl.wasm", "github.com/asectl/asectl/internal/web/wasm"},
}

// MaxEngine is the most the engine may weigh, raw, in bytes (issue 18: 12 MB).
const MaxEngine = 12_000_000

// Build writes the site into dir, stamping version into the engine. It
// runs the go command, so it needs a checkout of the module and Go 1.21 or
// later. It returns the sizes of the modules and of asectl.html.
func Build(dir, version string) ([]Size, error) {
	old, err := earlierSite(dir)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	goroot, err := goEnv("GOROOT")
	if err != nil {
		return nil, err
	}
	wasmExec, err := readFirst(
		filepath.Join(goroot, "lib", "wasm", "wasm_exec.js"),  // Go 1.24 and later
		filepath.Join(goroot, "misc", "wasm", "wasm_exec.js"), // before
	)
	if err != nil {
		return nil, fmt.Errorf("wasm_exec.js not found in the toolchain: %v", err)
	}
	files := map[string][]byte{"wasm_exec.js": wasmExec}
	var sizes []Size
	for _, m := range modules {
		b, err := buildModule(m.pkg, version)
		if err != nil {
			return nil, err
		}
		files[m.file] = b
		sizes = append(sizes, Size{m.file, len(b), gzipSize(b)})
	}
	for _, name := range []string{"app.js", "worker.js", "style.css"} {
		b, err := static.ReadFile("static/" + name)
		if err != nil {
			return nil, err
		}
		files[name] = b
	}
	index, err := renderPage(files, false)
	if err != nil {
		return nil, err
	}
	files["index.html"] = index
	single, err := renderPage(files, true)
	if err != nil {
		return nil, err
	}
	files["asectl.html"] = single
	sizes = append(sizes, Size{"asectl.html", len(single), gzipSize(single)})
	if err := writeSite(dir, files, old); err != nil {
		return nil, err
	}
	return sizes, nil
}

// manifest is the file in the site that lists the files the build wrote,
// so that the next build into the same directory knows them.
const manifest = ".asectl-web"

const manifestHead = "# files asectl-web wrote here; the next build removes those it does not write"

// knownFiles are the files an asectl-web build wrote before the manifest
// (asectl-report.wasm: the report's module, until the engine was one).
var knownFiles = []string{"index.html", "app.js", "worker.js", "style.css", "wasm_exec.js", "asectl.wasm", "asectl-report.wasm", "asectl.html"}

// earlierSite checks the directory a site is to be written into: it may
// be missing, empty, or a site asectl-web wrote before (its manifest, or,
// from before the manifest, every file such a build wrote but
// asectl.html). Anything else is refused: its files could be the user's
// own (-o . in a checkout would overwrite index.html). It returns the
// files the earlier build wrote, for writeSite to remove those this one
// does not write.
func earlierSite(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil
	case err != nil:
		return nil, err
	case len(entries) == 0:
		return nil, nil
	}
	if b, err := os.ReadFile(filepath.Join(dir, manifest)); err == nil {
		lines := strings.Split(string(b), "\n")
		if lines[0] == manifestHead {
			var names []string
			for _, l := range lines[1:] {
				// Names only, in this directory: a hand-edited manifest
				// must not reach out of it.
				if l != "" && l != manifest && l != "." && l != ".." && !strings.ContainsAny(l, `/\`) {
					names = append(names, l)
				}
			}
			return names, nil
		}
	}
	for _, name := range []string{"index.html", "app.js", "worker.js", "style.css", "wasm_exec.js", "asectl.wasm"} {
		if st, err := os.Lstat(filepath.Join(dir, name)); err != nil || !st.Mode().IsRegular() {
			return nil, fmt.Errorf("%s is not empty and is not a site asectl-web wrote (no %s file in it); name a new or empty directory", dir, manifest)
		}
	}
	return knownFiles, nil
}

// writeSite writes files into dir, each through a temporary file renamed
// into place (a symbolic link at a file's name is replaced, not written
// through), removes the files of old (an earlier build's, see earlierSite)
// that are not among them, and writes the manifest last. Other files in
// dir are left as they are.
func writeSite(dir string, files map[string][]byte, old []string) error {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if err := writeFile(dir, name, files[name]); err != nil {
			return err
		}
	}
	for _, name := range old {
		if _, ok := files[name]; ok {
			continue
		}
		// Remove removes a link itself, never what it points to; a
		// directory of that name is not an earlier build's file.
		if st, err := os.Lstat(filepath.Join(dir, name)); err == nil && !st.IsDir() {
			if err := os.Remove(filepath.Join(dir, name)); err != nil {
				return err
			}
		}
	}
	return writeFile(dir, manifest, []byte(manifestHead+"\n"+strings.Join(names, "\n")+"\n"))
}

func writeFile(dir, name string, b []byte) error {
	f, err := os.CreateTemp(dir, "."+name+".tmp-*")
	if err != nil {
		return err
	}
	_, err = f.Write(b)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(f.Name(), filepath.Join(dir, name))
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

func goEnv(key string) (string, error) {
	out, err := exec.Command("go", "env", key).Output()
	if err != nil {
		return "", fmt.Errorf("go env %s: %v", key, err)
	}
	return strings.TrimSpace(string(out)), nil
}

func readFirst(paths ...string) ([]byte, error) {
	var errs []error
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err == nil {
			return b, nil
		}
		errs = append(errs, err)
	}
	return nil, errors.Join(errs...)
}

// buildModule compiles one engine module: stripped (-s -w) and with paths
// trimmed, which halves it and keeps the builder's paths out of it.
func buildModule(pkg, version string) ([]byte, error) {
	tmp, err := os.MkdirTemp("", "asectl-web-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	out := filepath.Join(tmp, "engine.wasm")
	ldflags := "-s -w -X github.com/asectl/asectl/internal/web/jsbind.Version=" + version
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags", ldflags, "-o", out, pkg)
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("go build %s: %v\n%s", pkg, err, stderr.Bytes())
	}
	return os.ReadFile(out)
}

func gzipSize(b []byte) int { return len(gzipBytes(b)) }

func gzipBytes(b []byte) []byte {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

// pageData fills static/index.html (a text/template: every value is the
// builder's own, and the inline ones must stay byte for byte as hashed).
type pageData struct {
	CSP    string
	Single bool
	// Single file: the inline style and script, the worker's source
	// (wasm_exec.js and worker.js) and the engine in base64 of its gzip.
	Style, Script, Worker string
	Core                  string
}

// renderPage renders index.html (assets beside it) or, single, asectl.html (all
// inline). Its Content-Security-Policy allows scripts and styles only from
// the site itself or, inline, by their SHA-256; WebAssembly compilation
// ('wasm-unsafe-eval'); and no connection at all from the page.
func renderPage(files map[string][]byte, single bool) ([]byte, error) {
	src, err := static.ReadFile("static/index.html")
	if err != nil {
		return nil, err
	}
	t, err := template.New("index.html").Parse(string(src))
	if err != nil {
		return nil, err
	}
	d := pageData{Single: single}
	if !single {
		d.CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; " +
			"style-src 'self'; img-src 'self' data:; connect-src 'none'; base-uri 'none'; form-action 'none'"
	} else {
		worker := string(files["wasm_exec.js"]) + "\n" + string(files["worker.js"])
		if strings.Contains(strings.ToLower(worker+string(files["app.js"])), "</script") {
			return nil, errors.New("a script contains </script and cannot be inlined")
		}
		d.Script, d.Worker, d.Style = string(files["app.js"]), worker, string(files["style.css"])
		if strings.Contains(strings.ToLower(d.Style), "</style") {
			return nil, errors.New("the style sheet contains </style and cannot be inlined")
		}
		// Gzipped, which the worker undoes with DecompressionStream: a
		// third of the size, and the page parses that much less HTML.
		d.Core = base64.StdEncoding.EncodeToString(gzipBytes(files["asectl.wasm"]))
		d.CSP = "default-src 'none'; script-src " + hash(files["app.js"]) + " 'wasm-unsafe-eval'; worker-src blob:; " +
			"style-src " + hash(files["style.css"]) + "; img-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'"
	}
	var b bytes.Buffer
	if err := t.Execute(&b, d); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// hash is a CSP source for an inline script or style with this content.
func hash(b []byte) string {
	sum := sha256.Sum256(b)
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}
