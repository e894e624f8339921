package cli

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/asectl/asectl/internal/output"
)

// progress draws a bar on stderr while a batch runs: only when stderr is a
// terminal that can take it (TERM is not "dumb") and the batch is large
// enough to be worth it; never on a pipe or in a CI log. It is one line,
// no wider than the terminal, and is cleared before anything else reaches
// the terminal (messages on stderr, and stdout's output when stdout is the
// same terminal), so it never tears a line; on Ctrl-C it is cleared before
// the process exits. (A library bar — schollz/progressbar — draws from its
// own goroutine and knows nothing of our stdout, which is what tore lines.)
type progress struct {
	w       io.Writer
	total   int
	done    int
	on      bool // wanted (a terminal, a large batch); fetch sets it itself
	usable  bool // the terminal can show a bar
	width   func() int
	tty     *ttyOut // stdout, when it is the same terminal
	mu      sync.Mutex
	drawn   bool
	last    time.Time
	started time.Time
	now     func() time.Time
	unhook  func()
	// perSecond, when set (fetch), is how many items a second the batch
	// goes at: the bar then says how long the rest takes.
	perSecond float64
}

// progressMin is the batch size from which a bar is drawn.
const progressMin = 50

func newProgress(ios *IOStreams, total int) *progress {
	usable := ios.StderrTTY && ios.Getenv != nil && ios.Getenv("TERM") != "dumb"
	if ios.StderrTTY && ios.Getenv == nil {
		usable = true
	}
	p := &progress{w: ios.ErrOut, total: total, usable: usable, on: usable && total >= progressMin,
		width: ios.TermWidth, tty: ios.tty, now: time.Now}
	if p.usable {
		if p.tty != nil {
			p.tty.setBar(p)
		}
		p.unhook = output.OnInterrupt(p.clear)
	}
	return p
}

// step counts one finished input and redraws at most ten times a second.
func (p *progress) step() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done++
	if !p.on || !p.usable {
		return
	}
	t := p.now()
	if p.started.IsZero() {
		p.started = t
	}
	if p.done < p.total && t.Sub(p.last) < 100*time.Millisecond {
		return
	}
	if p.tty != nil && p.tty.midLine() {
		// stdout's last line is not finished: drawing now would put the
		// bar inside it, and clearing the bar would erase its start.
		return
	}
	p.last = t
	fmt.Fprint(p.w, "\r\x1b[K"+p.line())
	p.drawn = true
}

// line is the bar and the count, one character short of the terminal's
// width (a line that fills it would wrap on some terminals, and \r would
// then clear only its second half).
func (p *progress) line() string {
	count := fmt.Sprintf(" %d/%d", p.done, p.total)
	if p.perSecond > 0 && p.done < p.total {
		if left := fetchDuration(p.total-p.done, p.perSecond); left >= time.Second {
			count += ", " + left.String() + " left"
		}
	}
	cols := 80
	if p.width != nil {
		if w := p.width(); w > 0 {
			cols = w
		}
	}
	room := cols - 1 - len(count) - 2
	if room < 5 {
		if len(count)-1 < cols {
			return count[1:]
		}
		return ""
	}
	width := min(room, 40)
	filled := width * p.done / max(p.total, 1)
	return "[" + strings.Repeat("=", filled) + strings.Repeat(" ", width-filled) + "]" + count
}

// clear removes the bar so that something else can be printed; the next
// step draws it again.
func (p *progress) clear() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clearLocked()
}

func (p *progress) clearLocked() {
	if p.drawn {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.drawn = false
		p.last = time.Time{}
	}
}

// stop clears the bar for good at the end of a batch.
func (p *progress) stop() {
	p.clear()
	if p.tty != nil {
		p.tty.setBar(nil)
	}
	if p.unhook != nil {
		p.unhook()
	}
}

// errorf prints a message to stderr without tearing the bar.
func (p *progress) errorf(format string, args ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clearLocked()
	fmt.Fprintf(p.w, format, args...)
}

// ttyOut is stdout when it is the terminal stderr is: every write clears
// the bar first, and it knows whether its last line is finished.
type ttyOut struct {
	w    io.Writer
	mu   sync.Mutex
	bar  *progress
	open bool // the last byte written was not a newline
}

func (t *ttyOut) setBar(p *progress) {
	t.mu.Lock()
	t.bar = p
	t.mu.Unlock()
}

func (t *ttyOut) midLine() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.open
}

func (t *ttyOut) Write(b []byte) (int, error) {
	t.mu.Lock()
	bar := t.bar
	t.mu.Unlock()
	if bar != nil {
		bar.clear()
	}
	n, err := t.w.Write(b)
	if n > 0 {
		t.mu.Lock()
		t.open = b[n-1] != '\n'
		t.mu.Unlock()
	}
	return n, err
}
