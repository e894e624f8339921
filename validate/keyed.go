package validate

import (
	"fmt"
	"slices"
	"sort"

	"github.com/asectl/asectl/model"
)

// CheckDescriptionStream is CheckDescription for a description with more
// findings than should be held at once, as CheckStream is for a parse
// result: at most limit findings are returned (limit ≤ 0 means 16,384) with a
// nil Stream; past that, no findings and a Stream whose Each yields
// exactly CheckDescription's findings, in its order, in chunks of about
// limit; findings that sort alike (one rule and message, as a name listed
// many times gives) are split between chunks like any others.
//
// A description read from JSON has no positions, so its findings sort by
// rule and message and CheckStream's windows (by position) would hold
// them all. Here the windows are ranges of that sort order instead, with
// each finding's place in the order the rules make them last in the key:
// SortFindings is stable, so findings that sort alike keep that order and
// the key is unique. The rules run once to count the findings, once to
// sample about 8,192 of them (whose order sets the windows' bounds), once
// to note each finding's window (2 bytes a finding, by the order the
// rules make them, which is fixed for one description and Config), and
// then once per window in Each, keeping the findings of that window only.
func CheckDescriptionStream(d *model.Description, cfg Config, limit int) ([]Finding, *Stream) {
	if limit <= 0 {
		limit = 16384
	}
	p := newPass(d, d.Problems, cfg)
	k := &keyed{}
	p.limit, p.keyed = limit, k
	p.run(cfg)
	if k.n <= limit {
		p.limit, p.keyed = 0, nil
		SortFindings(p.findings)
		return p.findings, nil
	}
	p.findings = nil
	s := &Stream{p: p, cfg: cfg, n: k.n}

	// The bounds: the sample's keys at even steps of its order.
	k.phase, k.step = keySample, max(1, k.n/keySamples)
	k.run(p, cfg)
	sortKeys(k.sample)
	windows := min((k.n+limit-1)/limit, 1<<16-1)
	for w := 1; w < windows; w++ {
		b := k.sample[w*len(k.sample)/windows]
		if len(k.bounds) == 0 || k.bounds[len(k.bounds)-1].less(b) {
			k.bounds = append(k.bounds, b)
		}
	}
	k.sample = nil

	// Each finding's window, in the order the rules make them.
	k.phase, k.win = keyAssign, make([]uint16, 0, k.n)
	k.run(p, cfg)
	k.phase = keyWindow
	return nil, s
}

// keySamples is about how many findings set a keyed stream's bounds:
// windows come out within some percent of the limit (while there are
// fewer windows than samples: past that, windows hold more).
const keySamples = 8192

type keyPhase int

const (
	keyCount  keyPhase = iota // counting (and holding up to the limit)
	keySample                 // every step-th finding's key is kept
	keyAssign                 // every finding's window is noted
	keyWindow                 // the findings of window cur are kept
)

// keyed is a Stream's windows over the findings' sort order (position,
// rule, message) rather than over positions.
type keyed struct {
	phase  keyPhase
	n      int // findings seen in this run (in keyCount: in all)
	step   int
	sample []orderKey
	bounds []orderKey // where each window after the first starts
	win    []uint16   // each finding's window, in the rules' order
	cur    int
}

// findingKey is what SortFindings orders by.
type findingKey struct {
	pos  model.Pos
	rule string
	msg  string
}

func keyOf(f Finding) findingKey { return findingKey{f.Pos, f.Rule, f.Message()} }

// orderKey is a finding's place in the order SortFindings gives the
// rules' findings (and extra ones after them): its key, then its number
// in the order they were made, since the sort is stable. No two findings
// have the same orderKey, so a run of findings with one key (a name
// listed 900,000 times) splits between windows like any other.
type orderKey struct {
	key findingKey
	i   int // 0… for the rules' findings, n… for the extra ones
}

func (a orderKey) less(b orderKey) bool {
	if keyLess(a.key, b.key) {
		return true
	}
	if keyLess(b.key, a.key) {
		return false
	}
	return a.i < b.i
}

// keyLess is SortFindings' order.
func keyLess(a, b findingKey) bool {
	if a.pos != b.pos {
		return a.pos.Before(b.pos)
	}
	if a.rule != b.rule {
		return a.rule < b.rule
	}
	return a.msg < b.msg
}

func sortKeys(ks []orderKey) {
	slices.SortFunc(ks, func(a, b orderKey) int {
		switch {
		case a.less(b):
			return -1
		case b.less(a):
			return 1
		}
		return 0
	})
}

// window is the window of the finding with key o.
func (k *keyed) window(o orderKey) int {
	return sort.Search(len(k.bounds), func(i int) bool { return o.less(k.bounds[i]) })
}

// run runs the rules once more from the first finding.
func (k *keyed) run(p *Pass, cfg Config) {
	k.n = 0
	p.findings = p.findings[:0]
	p.run(cfg)
}

// keep says whether the next finding the rules make is to be made (and
// passed to see, or held in the window phase).
func (k *keyed) keep(p *Pass) bool {
	i := k.n
	k.n++
	switch k.phase {
	case keyCount:
		if k.n > p.limit {
			p.findings = nil
			return false
		}
		return true
	case keySample:
		return i%k.step == 0
	case keyAssign:
		return true
	}
	return i < len(k.win) && int(k.win[i]) == k.cur
}

// see takes a finding made while the stream takes its measure.
func (k *keyed) see(f Finding) {
	switch k.phase {
	case keySample:
		k.sample = append(k.sample, orderKey{keyOf(f), k.n - 1})
	case keyAssign:
		k.win = append(k.win, uint16(k.window(orderKey{keyOf(f), k.n - 1})))
	}
}

// eachKeyed is Each for a keyed stream.
func (s *Stream) eachKeyed(extra []Finding, yield func([]Finding) error) error {
	p, k := s.p, s.p.keyed
	defer func() { p.findings = nil }()
	buf := make([]Finding, 0, p.limit+p.limit/4)
	for w := 0; w <= len(k.bounds); w++ {
		k.cur = w
		p.findings = buf[:0]
		k.run(p, s.cfg)
		if k.n != len(k.win) {
			// The windows follow the order the rules make the findings
			// in: another count means another order, and findings lost.
			return fmt.Errorf("validate: the rules made %d findings, then %d: not streamed", len(k.win), k.n)
		}
		for i, x := range extra {
			// Check's stable sort puts them after the rules' findings.
			if k.window(orderKey{keyOf(x), len(k.win) + i}) == w {
				p.findings = append(p.findings, x)
			}
		}
		SortFindings(p.findings)
		if err := yield(p.findings); err != nil {
			return err
		}
		buf = p.findings[:0]
		clear(buf[:cap(buf)])
	}
	return nil
}
