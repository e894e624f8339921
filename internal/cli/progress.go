package cli

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// progress draws a bar on stderr while a batch runs, only when stderr is a
// terminal and the batch is large enough to be worth it; never on a pipe
// or in a CI log.
type progress struct {
	w       io.Writer
	total   int
	done    int
	on      bool
	drawn   bool
	last    time.Time
	started time.Time
	now     func() time.Time
}

// progressMin is the batch size from which a bar is drawn.
const progressMin = 50

func newProgress(ios *IOStreams, total int) *progress {
	return &progress{w: ios.ErrOut, total: total, on: ios.StderrTTY && total >= progressMin, now: time.Now}
}

// step counts one finished input and redraws at most ten times a second.
func (p *progress) step() {
	p.done++
	if !p.on {
		return
	}
	t := p.now()
	if p.started.IsZero() {
		p.started = t
	}
	if p.done < p.total && t.Sub(p.last) < 100*time.Millisecond {
		return
	}
	p.last = t
	const width = 30
	filled := width * p.done / max(p.total, 1)
	fmt.Fprintf(p.w, "\r\x1b[K[%s%s] %d/%d", strings.Repeat("=", filled), strings.Repeat(" ", width-filled), p.done, p.total)
	p.drawn = true
}

// clear removes the bar so that a message can be printed; the next step
// draws it again.
func (p *progress) clear() {
	if p.drawn {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.drawn = false
		p.last = time.Time{}
	}
}

// errorf prints a message to stderr without tearing the bar.
func (p *progress) errorf(format string, args ...any) {
	p.clear()
	fmt.Fprintf(p.w, format, args...)
}
