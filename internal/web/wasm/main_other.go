//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
)

// On any other platform there is nothing to run: this package is the
// browser's engine, built by cmd/asectl-web.
func main() {
	fmt.Fprintln(os.Stderr, "this is asectl's browser engine: build the page with go run ./cmd/asectl-web -o site/")
	os.Exit(2)
}
