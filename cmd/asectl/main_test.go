package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/asectl/asectl/internal/cli"
)

var update = flag.Bool("update", false, "rewrite the cmp files of the scripts")

// TestMain lets the scripts run the test binary as "asectl": the real
// command tree, exit codes and streams, through a real process.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"asectl": func() {
			cli.TuneGC() // as cmd/asectl does: the memory scripts measure what ships
			os.Exit(cli.Run(os.Args[1:], cli.System()))
		},
	})
}

// TestScripts runs testdata/script/*.txtar. Each script starts with a copy
// of the repository's testdata (descriptions and golden files) in $WORK.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "../../testdata/script",
		UpdateScripts: *update,
		Cmds:          scriptCmds,
		// [race]: built with the race detector, which multiplies memory.
		Condition: func(cond string) (bool, error) {
			if cond == "race" {
				return raceEnabled, nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
		Setup: func(env *testscript.Env) error {
			env.Setenv("NO_COLOR", "")
			env.Setenv("LANG", "C")
			return copyTree("../../testdata", filepath.Join(env.WorkDir, "testdata"))
		},
	})
}

func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if rel == "script" || rel == "fuzz" {
			return filepath.SkipDir
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
}
