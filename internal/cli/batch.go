package cli

import (
	"errors"
	"io/fs"
	"os"
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"

	"github.com/asectl/asectl/findings"
	"github.com/asectl/asectl/internal/i18n"
	"github.com/asectl/asectl/parser"
)

// runOrdered runs work over n items on up to jobs goroutines and hands each
// result to emit in item order, as soon as all earlier ones are emitted.
// emit is called one call at a time (each call happens before the next),
// from whichever worker goroutine finished the item, so it needs no locking
// of its own.
// At most a bounded window of results waits in memory, so memory stays flat
// however many items there are. If emit returns an error, no further items
// are started and that error is returned.
func runOrdered[R any](n, jobs int, work func(i int) R, emit func(i int, r R) error) error {
	if jobs < 1 {
		// One more worker than cores: a worker waiting for the disk leaves
		// a core idle otherwise (measured with a cold page cache, two cores:
		// 5,000 files in 1.2 s with three workers, 1.3 s with two; with a
		// warm cache the two are within noise).
		jobs = runtime.NumCPU() + 1
	}
	jobs = min(jobs, max(n, 1))
	if jobs == 1 {
		for i := 0; i < n; i++ {
			if err := emit(i, work(i)); err != nil {
				return err
			}
		}
		return nil
	}

	// At most window items are taken and not yet emitted (a credit is
	// taken before an item, given back on emit), so a ring of window slots
	// holds them all: memory does not grow with n. Workers take items from
	// a counter. There is no emitting goroutine: the worker that finishes
	// the next item in order emits it, and every finished one after it,
	// while the others go on working. A separate emitter had to wait for a
	// core, and workers waited for it (measured: two workers 10 % slower).
	window := jobs * 4
	var (
		mu       sync.Mutex
		ring     = make([]R, window)
		filled   = make([]bool, window)
		next     int  // the next item to emit
		emitting bool // a worker is emitting; it also emits what others finish meanwhile
		err      error
	)
	stop := make(chan struct{})
	credit := make(chan struct{}, window)
	for range window {
		credit <- struct{}{}
	}
	var taken atomic.Int64
	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				select {
				case <-credit:
				case <-stop:
					return
				}
				i := int(taken.Add(1) - 1)
				if i >= n {
					return
				}
				r := work(i)
				mu.Lock()
				ring[i%window], filled[i%window] = r, true
				if emitting || err != nil {
					mu.Unlock()
					continue
				}
				emitting = true
				for err == nil && filled[next%window] {
					k := next % window
					r, j := ring[k], next
					var zero R
					ring[k], filled[k] = zero, false
					next++
					mu.Unlock()
					e := emit(j, r)
					credit <- struct{}{}
					mu.Lock()
					if e != nil && err == nil {
						err = e
						close(stop)
					}
				}
				emitting = false
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return err
}

// outcome classifies what became of one input. Every command maps it to
// the exit status the same way (exitFor).
type outcome int

const (
	// outRead: read, and the command did its work on it.
	outRead outcome = iota
	// outNotDescription: read, but not a project description (exit 1;
	// validate reports it as the not-a-description finding instead).
	outNotDescription
	// outUnreadable: could not be read (missing, too large, a forced
	// encoding that does not fit…): exit 2.
	outUnreadable
	// outInternal: reading it met a bug in asectl (a panic, caught): exit 2.
	outInternal
)

// item is one input's result as the batch runner hands it to emit.
type item[R any] struct {
	In      input
	Outcome outcome
	Err     error // why, when Outcome is not outRead
	R       R     // the command's result (its zero value after a panic)

	reserved int64 // bytes of the budget it holds until emitted
}

// bytesInFlight bounds the input bytes read and not yet emitted, whatever
// the number of inputs or workers: memory follows bytes, not files. One
// input is always let through (the next to be emitted), however large, so
// peak memory is about a few times the largest input plus this (three 16
// MB inputs took 2.3 GB when every worker read one at once).
const bytesInFlight = 4 << 20

// budget is the bytes-in-flight semaphore. Item i may wait for room only
// while it is not the next to be emitted: the next one always proceeds,
// so the batch cannot deadlock on an early item waiting behind later ones.
type budget struct {
	mu    sync.Mutex
	cond  *sync.Cond
	used  int64
	limit int64
	next  int // the next item to be emitted
}

func newBudget(limit int64) *budget {
	b := &budget{limit: limit}
	b.cond = sync.NewCond(&b.mu)
	return b
}

func (b *budget) acquire(i int, n int64) {
	b.mu.Lock()
	for i != b.next && b.used+n > b.limit {
		b.cond.Wait()
	}
	b.used += n
	b.mu.Unlock()
}

// emitted gives back what item i held and lets the next item through.
func (b *budget) emitted(i int, n int64) {
	if n >= bigInput {
		// A large input's garbage (its bytes, lines and texts, several
		// times its size) would otherwise still be held when the next
		// large one is read: collect it and give it back before letting
		// the next one through.
		debug.FreeOSMemory()
	}
	b.mu.Lock()
	b.used -= n
	b.next = i + 1
	b.mu.Unlock()
	b.cond.Broadcast()
}

// bigInput is the size from which an input's memory is given back to the
// system as soon as it is emitted (a collection costs about a
// millisecond; a large input takes a hundred times that to parse).
const bigInput = 4 << 20

// batch is one run of a command over its inputs: the expanded inputs, the
// counts of each outcome, the progress bar. Every command that reads
// inputs (parse, validate, report, fmt, and those to come) goes through
// newBatch and runBatch, so they expand, order, guard, report and exit
// alike.
//
// A new kind of input (a new file extension under a directory) is a line
// in inputKinds; a new command is a work function (read and process one
// input, in parallel) and an emit function (write one result, in input
// order).
type batch struct {
	g       *globals
	common  *commonFlags
	l       *i18n.Localizer
	inputs  []input
	dirs    bool // some argument was a directory
	bar     *progress
	counts  [4]int
	unread  []string // the names of the unreadable inputs, for the summary
	quietND bool     // do not name not-a-description inputs on stderr (validate makes them findings)
}

// newBatch expands the arguments into inputs. Standard input named twice
// is a usage error: it can be read only once.
func (g *globals) newBatch(args []string, c *commonFlags, l *i18n.Localizer) (*batch, error) {
	stdin := 0
	for _, a := range args {
		if a == "-" {
			stdin++
		}
	}
	if stdin > 1 {
		return nil, usagef(`"-" (standard input) is named %d times; it can be read only once`, stdin)
	}
	if err := g.onePipeOnce(args); err != nil {
		return nil, err
	}
	inputs, dirs := expandInputs(args)
	return &batch{g: g, common: c, l: l, inputs: inputs, dirs: dirs}, nil
}

// onePipeOnce refuses a pipe (or socket) named twice, however spelled:
// "-" and /dev/stdin, /dev/fd/0, or a named pipe's path twice. The first
// entry would take what the pipe holds and the second read it empty, as
// "not a description". Regular files and devices may be named twice.
func (g *globals) onePipeOnce(args []string) error {
	var stdin fs.FileInfo
	if g.ios.StdinStat != nil {
		stdin, _ = g.ios.StdinStat()
	}
	type pipe struct {
		name string
		info fs.FileInfo
	}
	var pipes []pipe
	for _, a := range args {
		st := stdin
		if a != "-" {
			st, _ = os.Stat(a)
		}
		if st == nil || st.Mode()&(fs.ModeNamedPipe|fs.ModeSocket) == 0 {
			continue
		}
		for _, p := range pipes {
			if os.SameFile(p.info, st) {
				return usagef("%s and %s are one pipe (standard input or a named pipe); it can be read only once", termName(p.name), termName(a))
			}
		}
		pipes = append(pipes, pipe{a, st})
	}
	return nil
}

// names lists the inputs' paths, for output.Options.Inputs.
func (b *batch) names() []string {
	out := make([]string, len(b.inputs))
	for i, in := range b.inputs {
		out[i] = in.Name
	}
	return out
}

// runBatch runs work over the batch's inputs in parallel (--jobs) and hands
// each result to emit in input order. A panic in work becomes that input's
// outInternal item; the batch goes on. Inputs that failed are named on
// stderr (escaped for the terminal) before emit sees them, and counted.
func runBatch[R any](b *batch, work func(in input) (R, outcome, error), emit func(it *item[R]) error) error {
	ios := b.g.ios
	b.bar = newProgress(ios, len(b.inputs))
	defer b.bar.stop()
	bud := newBudget(bytesInFlight)
	return runOrdered(len(b.inputs), b.common.jobs,
		func(i int) item[R] {
			in := b.inputs[i]
			it := item[R]{In: b.inputs[i]}
			in.reserve = func(n int64) {
				if it.reserved == 0 {
					bud.acquire(i, n)
					it.reserved = n
				}
			}
			var err error
			it.R, err = guard(func() (R, error) {
				r, o, err := work(in)
				it.Outcome = o
				return r, err
			})
			if err != nil {
				it.Err = err
				if errors.As(err, new(internalError)) {
					it.Outcome = outInternal
				} else if it.Outcome == outRead {
					it.Outcome = outUnreadable
				}
			}
			return it
		},
		func(i int, it item[R]) error {
			defer bud.emitted(i, it.reserved)
			b.bar.step()
			b.counts[it.Outcome]++
			switch it.Outcome {
			case outUnreadable, outInternal:
				b.unread = append(b.unread, it.In.Name)
				b.bar.errorf("%s: error: %s\n", termName(it.In.Name), findings.Safe(b.reason(it.Outcome, it.Err)))
			case outNotDescription:
				if !b.quietND {
					b.bar.errorf("%s: error: %s\n", termName(it.In.Name), findings.Safe(b.reason(it.Outcome, it.Err)))
				}
			}
			return emit(&it)
		})
}

// reason words an input's failure in the user's language. The words
// "error" and the rule IDs around it never change with the language.
func (b *batch) reason(o outcome, err error) string {
	switch o {
	case outNotDescription:
		return describeErr(b.l, err)
	case outUnreadable:
		if errors.Is(err, parser.ErrEncoding) {
			return err.Error()
		}
		return b.l.Message(parser.Msg("cannot read: %s", err.Error()))
	}
	return err.Error()
}

// exitFor is the one mapping from what became of the inputs to the exit
// status (README: "Exit status"): 2 when any input could not be read or
// met a bug, else 1 when any is not a description (unless the command
// counts those itself), else 0. Commands raise it with their own reasons
// (findings at --fail-on, files not in canonical form).
func (b *batch) exitFor() int {
	switch {
	case b.counts[outUnreadable] > 0 || b.counts[outInternal] > 0:
		return ExitUsage
	case b.counts[outNotDescription] > 0 && !b.quietND:
		return ExitFindings
	}
	return ExitOK
}
