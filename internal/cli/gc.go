package cli

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// The collector's settings: a batch makes a lot of short-lived garbage
// (each description's text, lines and values) and its live heap is small,
// so the heap may grow to five times the live heap (GOGC 400) before a
// collection, within a soft memory limit.
//
// The soft limit is what keeps the peak down: under it the runtime gives
// freed pages back to the system, where GOGC alone leaves them mapped.
// It is the least of
//   - the bound promised in README ("Memory"), 64 MiB + 4 × the largest
//     input, less 24 MiB for what the runtime keeps outside it: 40 MiB + 4n;
//   - and the greater of smallMemoryLimit + 4n and five times the heap
//     found live at the last collection (the headroom GOGC 400 gives).
//
// So a batch of small inputs (a live heap of 1–2 MB) runs within 21 MiB,
// a command whose live heap grows (report over 10,000 descriptions: 12–16
// MB) gets GOGC's headroom back as it grows (a fixed 21 MiB took 218
// collections there instead of 29, 5.5 s instead of 3.7), and one large
// input is held to the bound (900,000 names in 9.8 MB are 57 MiB of texts;
// a limit below the live heap makes the collector run without pause).
//
// smallMemoryLimit is a tuning, measured over 2,000 generated descriptions
// (20 KB each, about 36 KB of garbage each: mostly the text the model
// owns) side by side with d6374e6 (40 MiB, GOGC 400; medians of five runs,
// peak RSS of validate / parse --format json): 40 MiB → 30.4 / 29.9 MiB;
// 21 MiB → 27.2 / 26.8; 20 MiB → 26.2 / 26.0; d6374e6 26.6 / 26.4. Below
// 21 MiB bench/instr.sh's 300-description batch takes a collection (about
// 5 million instructions: BatchValidate 475k → 492k a description, over
// issue 14's budget of 488k).
const (
	boundMemoryLimit = 40 << 20
	smallMemoryLimit = 21 << 20
	gcPercent        = 400
)

var memLimit struct {
	sync.Mutex
	ours    bool  // GOMEMLIMIT was not set: the limit is asectl's to move
	largest int64 // the largest input read so far, in bytes
	live    int64 // the heap live after the last collection, in bytes
	limit   int64 // the limit set
}

// TuneGC sets the collector's settings (above). GOGC and GOMEMLIMIT in
// the environment still win. cmd/asectl calls it once at start.
func TuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		memLimit.Lock()
		memLimit.ours = true
		setMemoryLimit()
		memLimit.Unlock()
		watchGC()
	}
}

// memoryLimitFor is the soft limit for a largest input of n bytes and a
// live heap of live bytes (above).
func memoryLimitFor(n, live int64) int64 {
	return min(boundMemoryLimit+4*n, max(smallMemoryLimit+4*n, 5*live))
}

// setMemoryLimit sets the limit for memLimit's figures; memLimit is locked.
func setMemoryLimit() {
	if l := memoryLimitFor(memLimit.largest, memLimit.live); memLimit.ours && l != memLimit.limit {
		memLimit.limit = l
		debug.SetMemoryLimit(l)
	}
}

// fitMemoryLimit raises the limit (set by TuneGC) for an input of n bytes.
func fitMemoryLimit(n int64) {
	memLimit.Lock()
	defer memLimit.Unlock()
	if n > memLimit.largest {
		memLimit.largest = n
		setMemoryLimit()
	}
}

// watchGC follows the live heap: a cleanup on an unreachable object runs
// after each collection that frees it, reads the live heap and arms the
// next one. No collection, no cost.
func watchGC() {
	sentinel := new(*int) // holds a pointer: not batched with other tiny objects
	runtime.AddCleanup(sentinel, func(struct{}) {
		s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		metrics.Read(s)
		if s[0].Value.Kind() == metrics.KindUint64 {
			memLimit.Lock()
			memLimit.live = int64(s[0].Value.Uint64())
			setMemoryLimit()
			memLimit.Unlock()
		}
		watchGC()
	}, struct{}{})
}
