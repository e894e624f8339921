package cli

import (
	"runtime"
	"testing"
	"time"
)

func TestMemoryLimitFor(t *testing.T) {
	const MiB = 1 << 20
	for _, c := range []struct {
		name    string
		n, live int64
		want    int64
	}{
		{"start", 0, 0, 21 * MiB},
		{"small inputs, small live heap", 20_000, 2 * MiB, 21*MiB + 80_000},
		{"live heap past a fifth of it: GOGC's headroom", 20_000, 6 * MiB, 30 * MiB},
		{"never above the bound less 24 MiB", 20_000, 12 * MiB, 40*MiB + 80_000},
		{"one large input (900,000 names)", 9_800_000, 57 * MiB, 40*MiB + 4*9_800_000},
		{"a large input before its collection", 9_800_000, 1 * MiB, 21*MiB + 4*9_800_000},
	} {
		if got := memoryLimitFor(c.n, c.live); got != c.want {
			t.Errorf("%s: memoryLimitFor(%d, %d) = %d, want %d", c.name, c.n, c.live, got, c.want)
		}
	}
}

// TestWatchGC: after a collection the watcher has read the live heap and
// armed itself again (a second collection reads it again).
func TestWatchGC(t *testing.T) {
	read := func() int64 {
		memLimit.Lock()
		defer memLimit.Unlock()
		return memLimit.live
	}
	memLimit.Lock()
	if memLimit.ours {
		memLimit.Unlock()
		t.Skip("TuneGC ran in this process")
	}
	memLimit.live = 0
	memLimit.Unlock()
	watchGC()
	for round := 1; round <= 2; round++ {
		deadline := time.Now().Add(10 * time.Second)
		for read() <= 0 {
			if time.Now().After(deadline) {
				t.Fatalf("round %d: no live heap read after collections", round)
			}
			runtime.GC()
			time.Sleep(5 * time.Millisecond)
		}
		memLimit.Lock()
		memLimit.live = 0
		memLimit.Unlock()
	}
}
