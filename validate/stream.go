package validate

import (
	"container/heap"
	"math"
	"slices"

	"github.com/asectl/asectl/model"
	"github.com/asectl/asectl/parser"
)

// Stream makes one input's findings a chunk at a time, in Check's order,
// for an input with more findings than should be held at once (a list of
// 900,000 unknown municipalities gives 900,000 findings, about 170 bytes
// each). See CheckStream.
type Stream struct {
	p      *Pass
	cfg    Config
	bounds []model.Pos // where each window after the first starts
	n      int         // findings in all
}

// CheckStream runs every enabled rule over one parse result, as Check
// does. When there are at most max findings it returns them, sorted as
// Check sorts them, and a nil Stream. Otherwise it returns no findings and
// a Stream whose Each yields them in chunks of about max (max ≤ 0 means
// 16,384).
//
// How: the first run keeps only the positions (8 bytes each) once the
// findings pass max; the sorted positions are cut into windows of about
// max findings, never between two findings at one position; Each runs the
// rules again once per window, keeping only the findings inside it, and
// sorts them. SortFindings is stable and orders by position first, so the
// chunks, one after another, are exactly Check's result. It costs one run
// of the rules per window, only for such inputs; rules over long lists
// skip the values outside the window before checking them.
func CheckStream(res *parser.Result, cfg Config, max int) ([]Finding, *Stream) {
	if max <= 0 {
		max = 16384
	}
	p := newPass(res.Doc, res.Problems, cfg)
	p.limit = max
	p.run(cfg)
	if p.positions == nil {
		p.limit = 0
		SortFindings(p.findings)
		return p.findings, nil
	}
	blocks := p.positions
	p.positions = nil
	s := &Stream{p: p, cfg: cfg}
	// The blocks are sorted one by one and merged as they are counted:
	// one sorted slice of them all was a copy as large again.
	h := make(blockHeap, 0, len(blocks))
	for _, b := range blocks {
		slices.Sort(b)
		h = append(h, b)
		s.n += len(b)
	}
	heap.Init(&h)
	count, prev := 0, uint64(0)
	for len(h) > 0 {
		pos := h[0][0]
		if h[0] = h[0][1:]; len(h[0]) == 0 {
			heap.Pop(&h)
		} else {
			heap.Fix(&h, 0)
		}
		if count >= max && pos != prev {
			s.bounds = append(s.bounds, unpackPos(pos))
			count = 0
		}
		count, prev = count+1, pos
	}
	return nil, s
}

// blockHeap merges sorted blocks of positions, smallest first.
type blockHeap [][]uint64

func (h blockHeap) Len() int           { return len(h) }
func (h blockHeap) Less(i, j int) bool { return h[i][0] < h[j][0] }
func (h blockHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *blockHeap) Push(x any)        { *h = append(*h, x.([]uint64)) }
func (h *blockHeap) Pop() any {
	old := *h
	b := old[len(old)-1]
	*h = old[:len(old)-1]
	return b
}

// Len is the number of findings the Stream yields (before extra ones).
func (s *Stream) Len() int { return s.n }

// Each yields the findings in order, chunk by chunk, each chunk sorted as
// Check sorts; extra findings (such as a project list's comparison) are
// merged in as if appended to Check's result before sorting it. yield must
// not keep the slice after it returns (it is reused); an error from yield
// stops Each and is returned. Each may be called more than once.
func (s *Stream) Each(extra []Finding, yield func([]Finding) error) error {
	if s.p.keyed != nil {
		return s.eachKeyed(extra, yield)
	}
	p := s.p
	defer func() { p.window, p.findings = false, nil }()
	p.window = true
	buf := make([]Finding, 0, p.limit+p.limit/4)
	for w := 0; w <= len(s.bounds); w++ {
		p.hasLo, p.hasHi = w > 0, w < len(s.bounds)
		if p.hasLo {
			p.lo = s.bounds[w-1]
		}
		if p.hasHi {
			p.hi = s.bounds[w]
		}
		p.findings = buf[:0]
		p.run(s.cfg)
		for _, x := range extra {
			if p.wants(x.Pos) {
				p.findings = append(p.findings, x)
			}
		}
		SortFindings(p.findings)
		if err := yield(p.findings); err != nil {
			return err
		}
		// The chunk's messages are garbage now, not its backing array.
		buf = p.findings[:0]
		clear(buf[:cap(buf)])
	}
	return nil
}

// packPos orders as Pos.Before does, for positions within 32 bits (larger
// ones are clamped: windows come out uneven, never wrong, as the windows
// compare the findings' own positions).
func packPos(p model.Pos) uint64 {
	clamp := func(n int) uint64 { return uint64(min(max(n, 0), math.MaxUint32)) }
	return clamp(p.Line)<<32 | clamp(p.Col)
}

func unpackPos(u uint64) model.Pos {
	return model.Pos{Line: int(u >> 32), Col: int(u & math.MaxUint32)}
}
