// Command asectl parses and validates EURA 2014 project descriptions.
package main

import (
	"os"

	"github.com/asectl/asectl/internal/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], cli.System()))
}
