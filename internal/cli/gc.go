package cli

import (
	"os"
	"runtime/debug"
	"sync"
)

// The collector's settings: a batch makes a lot of short-lived garbage
// (each description's lines and texts) and its live heap is small, so the
// heap may grow to five times the live heap (GOGC 400) before a
// collection, within a soft memory limit that keeps the peak under the
// promised bound, 64 MiB + 4 × the largest input (README, "Memory").
//
// The limit starts at baseMemoryLimit and follows the largest input read
// so far (memoryLimitFor): one input's parse result can be several times
// its size (900,000 names in 9.8 MB are 57 MiB of texts), and a limit
// below the live heap makes the collector run without pause (a 40 MiB
// limit under a 60 MB heap took minutes where seconds do). The limit stays
// 24 MiB under the bound for what the runtime keeps outside it (the
// program's own pages, the memory not yet given back).
const (
	baseMemoryLimit = 40 << 20
	gcPercent       = 400
)

var memLimit struct {
	sync.Mutex
	ours  bool  // GOMEMLIMIT was not set: the limit is asectl's to move
	limit int64 // the limit set
}

// TuneGC sets the collector's settings (above). GOGC and GOMEMLIMIT in
// the environment still win. cmd/asectl calls it once at start.
func TuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		memLimit.Lock()
		memLimit.ours, memLimit.limit = true, baseMemoryLimit
		debug.SetMemoryLimit(baseMemoryLimit)
		memLimit.Unlock()
	}
}

// memoryLimitFor is the soft limit for a largest input of n bytes:
// 40 MiB + 4n: the bound less 24 MiB.
func memoryLimitFor(n int64) int64 { return baseMemoryLimit + 4*n }

// fitMemoryLimit raises the limit (set by TuneGC) for an input of n bytes.
func fitMemoryLimit(n int64) {
	memLimit.Lock()
	defer memLimit.Unlock()
	if l := memoryLimitFor(n); memLimit.ours && l > memLimit.limit {
		memLimit.limit = l
		debug.SetMemoryLimit(l)
	}
}
