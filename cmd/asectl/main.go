// Command asectl parses and validates EURA 2014 project descriptions.
package main

import (
	"fmt"
	"os"
	"runtime/pprof"

	"github.com/asectl/asectl/internal/cli"
)

func main() {
	cli.TuneGC()
	stop := profile(os.Getenv("ASECTL_CPUPROFILE"))
	code := cli.Run(os.Args[1:], cli.System())
	stop()
	os.Exit(code)
}

// profile writes a CPU profile of the whole run to path, for
// 'go tool pprof' (bench/run.sh says how); "" profiles nothing.
func profile(path string) (stop func()) {
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err == nil {
		err = pprof.StartCPUProfile(f)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "asectl: ASECTL_CPUPROFILE: %v\n", err)
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}
