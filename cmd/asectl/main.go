// Command asectl parses and validates EURA 2014 project descriptions.
package main

import (
	"os"
	"runtime/debug"

	"github.com/asectl/asectl/internal/cli"
)

func main() {
	tuneGC()
	os.Exit(cli.Run(os.Args[1:], cli.System()))
}

// tuneGC trades a little memory for much less collection work: a batch
// makes a lot of short-lived garbage (each description's lines and texts),
// and the live heap is small. The soft memory limit keeps the peak bounded
// (well under 64 MiB) however large the batch. GOGC and GOMEMLIMIT in the
// environment still win.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(40 << 20)
	}
}
