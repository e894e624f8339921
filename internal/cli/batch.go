package cli

import (
	"runtime"
	"sync"
)

// runOrdered runs work over n items on up to jobs goroutines and hands each
// result to emit in item order, as soon as all earlier ones are emitted.
// At most a bounded window of results waits in memory, so memory stays flat
// however many items there are. If emit returns an error, no further items
// are started and that error is returned.
func runOrdered[R any](n, jobs int, work func(i int) R, emit func(i int, r R) error) error {
	if jobs < 1 {
		jobs = runtime.NumCPU()
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

	// At most window items are dispatched and not yet emitted (a credit is
	// taken to dispatch, given back on emit), so a ring of window slots
	// holds them all: memory does not grow with n.
	window := jobs * 4
	slots := make([]chan R, window)
	for i := range slots {
		slots[i] = make(chan R, 1)
	}
	next := make(chan int)
	stop := make(chan struct{})
	credit := make(chan struct{}, window)
	for range window {
		credit <- struct{}{}
	}

	go func() {
		defer close(next)
		for i := 0; i < n; i++ {
			select {
			case <-credit:
			case <-stop:
				return
			}
			select {
			case next <- i:
			case <-stop:
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				slots[i%window] <- work(i)
			}
		}()
	}

	var err error
	for i := 0; i < n && err == nil; i++ {
		r := <-slots[i%window]
		err = emit(i, r)
		credit <- struct{}{}
	}
	// Credits never overflow: each emitted item took one when dispatched.
	close(stop)
	wg.Wait()
	return err
}
