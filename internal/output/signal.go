package output

import (
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// The temporary files that exist now, and what else must be undone when
// the process is interrupted (a progress bar on the terminal).
var (
	mu    sync.Mutex
	temps = map[string]bool{}
	hooks = map[int]func(){}
	nhook int
)

func track(name string) {
	mu.Lock()
	temps[name] = true
	mu.Unlock()
}

func untrack(name string) {
	mu.Lock()
	delete(temps, name)
	mu.Unlock()
}

// OnInterrupt registers f to run when Catch's handler sees a signal, before
// the temporary files are removed and the process exits (a progress bar
// clears its line). remove unregisters it.
func OnInterrupt(f func()) (remove func()) {
	mu.Lock()
	defer mu.Unlock()
	nhook++
	id := nhook
	hooks[id] = f
	return func() {
		mu.Lock()
		delete(hooks, id)
		mu.Unlock()
	}
}

// Catch installs the process's handler for SIGINT and SIGTERM: it runs the
// OnInterrupt hooks, removes every temporary file Open has made and not yet
// renamed or removed, and exits 130 (SIGINT) or 143 (SIGTERM), the codes a
// shell gives a process killed by them. stop uninstalls it.
//
// It also takes SIGPIPE, so that a write to a closed pipe (asectl … | head)
// fails with EPIPE instead of killing the process: the command then aborts
// its outputs, which removes their temporary files (a process killed by
// SIGPIPE left them), and the caller chooses the exit code.
func Catch() (stop func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	pipe := make(chan os.Signal, 1) // never read: the signal only has to be taken
	signal.Notify(pipe, syscall.SIGPIPE)
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-ch:
			os.Exit(Cleanup(sig))
		case <-done:
		}
	}()
	return func() {
		signal.Stop(ch)
		signal.Stop(pipe)
		close(done)
	}
}

// Cleanup runs the hooks and removes the temporary files, as Catch's
// handler does, and returns the exit code for sig. Later writes through an
// open File fail or are dropped; nothing is renamed into place after it.
func Cleanup(sig os.Signal) int {
	mu.Lock()
	defer mu.Unlock()
	for _, f := range hooks {
		f()
	}
	for name := range temps {
		os.Remove(name)
		delete(temps, name)
	}
	if s, ok := sig.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return 130
}
