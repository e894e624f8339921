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
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"text/template"

	"github.com/asectl/asectl/internal/cli"
)

//go:embed static
var static embed.FS

func main() {
	out := flag.String("o", "site", "directory to write the site into (created if missing)")
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
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return nil, err
		}
	}
	return sizes, nil
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
