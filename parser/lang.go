package parser

import (
	"embed"
	"encoding/json"
	"fmt"
	"maps"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/asectl/asectl/model"
)

// The label tables are data: one JSON file per language. A new language is a
// new file, not new code.
//
//go:embed lang/*.json
var langFS embed.FS

// Language is one page language's printed words.
type Language struct {
	Code        string                       `json:"code"`
	Banner      []string                     `json:"banner"`
	Headers     map[string][]string          `json:"headers"`
	Sections    map[string]string            `json:"sections"`
	Fields      map[string]map[string]string `json:"fields"`
	Lists       map[string]string            `json:"lists"`
	SiteHeading []string                     `json:"site_heading"`
	Period      struct {
		Start string `json:"start"`
		And   string `json:"and"`
		End   string `json:"end"`
	} `json:"period"`
	Statuses map[string]string `json:"statuses"`
	Answers  map[string]bool   `json:"answers"`
	Women    map[string]string `json:"women"`
	// WomenOther is the phrase the formatter puts before the women's part
	// of an indicator other than 7.1 and 7.2 ("joista naisia"); the parser
	// reads any wording there.
	WomenOther     string   `json:"women_other"`
	ScoreHeader    []string `json:"score_header"`
	Sustainability []Group  `json:"sustainability"`
	// Print settles what the formatter writes where the tables allow
	// more than one form: a label's canonical spelling, full headings.
	Print struct {
		Labels   map[string]string `json:"labels"`
		Headings map[string]string `json:"headings"`
		Banner   string            `json:"banner"`
	} `json:"print"`

	// Indexes keyed by normalised text, built once.
	fieldIdx    [numSections + 1]map[string]fieldID // Section → label → field
	labels      map[string]bool                     // every field label
	maxLabel    int                                 // the longest label, in bytes (over all languages)
	maxShort    int                                 // the longest header, group or criterion of 8.2
	headingIdx  map[string]string                   // section number → normalised title
	listIdx     map[string]string
	siteIdx     map[string]bool
	scoreHdrIdx map[string]bool
	statusIdx   map[string]string
	answerIdx   map[string]bool
	groupIdx    map[string]int
	critIdx     map[string][2]int
	bannerIdx   map[string]bool
	headerIdx   map[string]string // normalised header → fund
}

// Group is a sustainability criteria group.
type Group struct {
	Group    string   `json:"group"`
	Criteria []string `json:"criteria"`
}

var (
	langOnce sync.Once
	langs    []*Language
	langErr  error
)

// Languages returns the built-in label tables, Finnish first: copies the
// caller may change without changing any parse, check or layout (a copy
// costs a few microseconds: read it once, not per description).
func Languages() []*Language {
	var out []*Language
	for _, l := range builtin() {
		out = append(out, l.clone())
	}
	return out
}

// clone is a deep copy of l's exported tables. The indexes, built at load
// and never changed, are shared.
func (l *Language) clone() *Language {
	c := *l
	c.Banner = slices.Clone(l.Banner)
	c.Headers = make(map[string][]string, len(l.Headers))
	for k, v := range l.Headers {
		c.Headers[k] = slices.Clone(v)
	}
	c.Sections = maps.Clone(l.Sections)
	c.Fields = make(map[string]map[string]string, len(l.Fields))
	for k, v := range l.Fields {
		c.Fields[k] = maps.Clone(v)
	}
	c.Lists = maps.Clone(l.Lists)
	c.SiteHeading = slices.Clone(l.SiteHeading)
	c.Statuses = maps.Clone(l.Statuses)
	c.Answers = maps.Clone(l.Answers)
	c.Women = maps.Clone(l.Women)
	c.ScoreHeader = slices.Clone(l.ScoreHeader)
	c.Sustainability = slices.Clone(l.Sustainability)
	for i := range c.Sustainability {
		c.Sustainability[i].Criteria = slices.Clone(l.Sustainability[i].Criteria)
	}
	c.Print.Labels = maps.Clone(l.Print.Labels)
	c.Print.Headings = maps.Clone(l.Print.Headings)
	return &c
}

// builtin is the embedded tables, loaded once.
func builtin() []*Language {
	langOnce.Do(loadLanguages)
	if langErr != nil {
		// The tables are embedded and tested; failing here is a build defect.
		panic(langErr)
	}
	return langs
}

// tables are the label tables Options.Languages asks for: the built-in
// ones when it holds none (nil, empty, or only nil entries); nil entries
// are left out.
func tables(langs []*Language) []*Language {
	if slices.Contains(langs, nil) {
		langs = slices.DeleteFunc(slices.Clone(langs), func(l *Language) bool { return l == nil })
	}
	if len(langs) == 0 {
		return builtin()
	}
	return langs
}

// LoadLanguage reads a label table in the form of parser/lang/*.json (a
// language the built-in tables lack, say Swedish), for Options.Languages.
// It is checked as the built-in ones are: an error names a table without
// a code, a label of a section the parser does not know or naming a field
// not of its section, a text over the length limit, or a status whose
// state is not running, ended or interrupted.
func LoadLanguage(data []byte) (*Language, error) {
	builtin() // the folded forms of the built-in labels
	var l Language
	if err := json.Unmarshal(norm.NFC.Bytes(data), &l); err != nil {
		return nil, err
	}
	if l.Code == "" {
		return nil, fmt.Errorf("the table has no language code")
	}
	if err := l.index(); err != nil {
		return nil, err
	}
	return &l, nil
}

// LanguageByCode returns a copy of the built-in table for a language code,
// as Languages does, or nil.
func LanguageByCode(code string) *Language {
	for _, l := range builtin() {
		if l.Code == code {
			return l.clone()
		}
	}
	return nil
}

func loadLanguages() {
	entries, err := langFS.ReadDir("lang")
	if err != nil {
		langErr = err
		return
	}
	for _, e := range entries {
		b, err := langFS.ReadFile(path.Join("lang", e.Name()))
		if err != nil {
			langErr = err
			return
		}
		var l Language
		if err := json.Unmarshal(norm.NFC.Bytes(b), &l); err != nil {
			langErr = fmt.Errorf("%s: %w", e.Name(), err)
			return
		}
		if err := l.index(); err != nil {
			langErr = fmt.Errorf("%s: %w", e.Name(), err)
			return
		}
		langs = append(langs, &l)
	}
	// Finnish is the service's own language and the tie-breaker.
	sort.SliceStable(langs, func(i, j int) bool { return langs[i].Code == "fi" && langs[j].Code != "fi" })
	// Length bounds are shared, so one test serves every language.
	maxLabel, maxShort := 0, 0
	for _, l := range langs {
		maxLabel, maxShort = max(maxLabel, l.maxLabel), max(maxShort, l.maxShort)
	}
	for _, l := range langs {
		l.maxLabel, l.maxShort = maxLabel, maxShort
	}
	canon = map[string]string{}
	for _, l := range langs {
		for _, t := range l.allText() {
			canon[t] = normLabel(t)
		}
		// Headings as pages print them in full ("7.1 … (kysytään vain …)")
		// fold by lookup too.
		for _, t := range l.Print.Headings {
			canon[t] = normLabel(t)
		}
	}
}

func (l *Language) index() error {
	for _, s := range l.allText() {
		if len(s) > maxLabelBytes {
			return fmt.Errorf("%q is longer than %d bytes", s, maxLabelBytes)
		}
	}
	l.labels = map[string]bool{}
	for sec, labels := range l.Fields {
		if sectionRank(sec) == 0 {
			return fmt.Errorf("fields for unknown section %q", sec)
		}
		m := map[string]fieldID{}
		for label, p := range labels {
			id := model.FieldByPath(p)
			if !id.Kind().Labelled() {
				return fmt.Errorf("label %q: unknown field %q", label, p)
			}
			if id.Section() != SectionOf(sec) {
				return fmt.Errorf("label %q: field %q belongs to section %s, not %s", label, p, id.Section(), sec)
			}
			m[normLabel(label)] = id
			l.labels[normLabel(label)] = true
			l.maxLabel = max(l.maxLabel, len(label)+16)
		}
		l.fieldIdx[sectionRank(sec)] = m
	}
	l.headingIdx = map[string]string{}
	for sec, title := range l.Sections {
		if sectionRank(sec) == 0 {
			return fmt.Errorf("unknown section %q", sec)
		}
		l.headingIdx[sec] = normLabel(title)
	}
	l.listIdx = map[string]string{}
	for label, p := range l.Lists {
		l.listIdx[normLabel(label)] = p
	}
	l.siteIdx = setOf(l.SiteHeading)
	l.scoreHdrIdx = setOf(l.ScoreHeader)
	l.bannerIdx = setOf(l.Banner)
	l.statusIdx = map[string]string{}
	for s, st := range l.Statuses {
		if st != model.StateRunning && st != model.StateEnded && st != model.StateInterrupted {
			return fmt.Errorf("status %q: state %q is none of %s, %s, %s", s, st, model.StateRunning, model.StateEnded, model.StateInterrupted)
		}
		l.statusIdx[normLabel(s)] = st
	}
	l.answerIdx = map[string]bool{}
	for s, v := range l.Answers {
		l.answerIdx[normLabel(s)] = v
	}
	l.headerIdx = map[string]string{}
	for fund, hs := range l.Headers {
		for _, h := range hs {
			// Lines are only matched against headers after the cheap bracket
			// test, so a header without its bracketed fund could never match.
			if f, ok := fundBracket(h); !ok || f != fund {
				return fmt.Errorf("header %q does not name its fund %s in brackets", h, fund)
			}
			l.headerIdx[normLabel(h)] = fund
		}
	}
	l.groupIdx = map[string]int{}
	l.critIdx = map[string][2]int{}
	for _, s := range l.ScoreHeader {
		l.maxShort = max(l.maxShort, len(s)+16)
		if isScoreRow(normLabel(s)) {
			return fmt.Errorf("score header %q ends in two scores", s)
		}
	}
	if len(l.Sustainability) > 10 {
		return fmt.Errorf("%d criteria groups: a criterion's Ref allows at most 10", len(l.Sustainability))
	}
	for gi, g := range l.Sustainability {
		if len(g.Criteria) > 99 {
			return fmt.Errorf("group %q has %d criteria: a criterion's Ref allows at most 99", g.Group, len(g.Criteria))
		}
		l.maxShort = max(l.maxShort, len(g.Group)+16)
		l.groupIdx[normLabel(g.Group)] = gi
		for ci, c := range g.Criteria {
			l.maxShort = max(l.maxShort, len(c)+16)
			l.critIdx[normLabel(c)] = [2]int{gi, ci}
		}
	}
	for n := range l.groupIdx {
		if isScoreRow(n) {
			return fmt.Errorf("criteria group %q ends in two scores", n)
		}
	}
	for n := range l.critIdx {
		if isScoreRow(n) {
			return fmt.Errorf("criterion %q ends in two scores", n)
		}
	}
	return nil
}

// isScoreRow: the parser takes a line that ends in two scores for a row
// before it looks the line up as a header, group or bare criterion; no such
// name may end in two scores itself.
func isScoreRow(s string) bool {
	_, d, i, _, _, ok := splitScoreRow(s)
	return ok && looksLikeScore(d) && looksLikeScore(i)
}

func setOf(ss []string) map[string]bool {
	m := make(map[string]bool, len(ss))
	for _, s := range ss {
		m[normLabel(s)] = true
	}
	return m
}

// Criterion reports the group and criterion index of a printed criterion
// name in this language.
func (l *Language) Criterion(name string) (group, index int, ok bool) {
	gi, ok := l.critIdx[normLabel(name)]
	return gi[0], gi[1], ok
}

// StatusState maps a printed status to a state ("running", "ended").
func (l *Language) StatusState(status string) (string, bool) {
	s, ok := l.statusIdx[normLabel(status)]
	return s, ok
}

// Answer maps a printed yes/no answer.
func (l *Language) Answer(s string) (v, ok bool) {
	v, ok = l.answerIdx[normLabel(s)]
	return v, ok
}

// maxLabelBytes bounds every label, heading and header line in the tables.
const maxLabelBytes = 256

// normLabel folds the differences that copies of the same label show:
// case, typographic apostrophes and dashes, runs of white space, a trailing
// colon.
//
// The input is NFC already (splitLines composes every line). A string longer
// than any label cannot be one and folds to "", which matches nothing: that
// keeps long free-text lines cheap.
func normLabel(s string) string {
	if len(s) > maxLabelBytes {
		return ""
	}
	if folded(s) {
		return s
	}
	return string(appendNorm(make([]byte, 0, len(s)), s))
}

// appendNorm appends normLabel's form of s to buf.
func appendNorm(buf []byte, s string) []byte {
	base := len(buf)
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf && plainASCII[c] {
			// A run of bytes that fold to themselves is copied at once.
			j := i + 1
			for j < len(s) && s[j] < utf8.RuneSelf && plainASCII[s[j]] {
				j++
			}
			if space && len(buf) > base {
				buf = append(buf, ' ')
			}
			space = false
			buf = append(buf, s[i:j]...)
			i = j
			continue
		}
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
				space = true
				continue
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case c == '`':
				c = '\''
			}
			if space && len(buf) > base {
				buf = append(buf, ' ')
			}
			space = false
			buf = append(buf, c)
			continue
		}
		if c == 0xc3 && i+1 < len(s) {
			// Latin-1 letters (ä, ö, å, Ä, …) fold without a rune decode.
			d := s[i+1]
			if d >= 0x80 && d <= 0x9e && d != 0x97 {
				d += 0x20
			}
			if space && len(buf) > base {
				buf = append(buf, ' ')
			}
			space = false
			buf = append(buf, c, d)
			i += 2
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch r {
		case '\u2019', '\u2018', '\u02bc', '\u00b4':
			r = '\''
		case '\u2013', '\u2010', '\u2011':
			r = '-'
		}
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && len(buf) > base {
			buf = append(buf, ' ')
		}
		space = false
		buf = utf8.AppendRune(buf, unicode.ToLower(r))
	}
	if n := len(buf); n > base && buf[n-1] == ':' {
		buf = buf[:n-1]
	}
	return buf
}

// canon maps every string of the label tables, as printed, to its folded
// form: most lines hold a label exactly as the service prints it, and a
// lookup is cheaper than folding it again.
var canon map[string]string

// plainASCII marks the ASCII bytes normLabel keeps as they are: not white
// space, not upper case, not a backtick.
var plainASCII = func() (t [utf8.RuneSelf]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = !(c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || 'A' <= c && c <= 'Z' || c == '`')
	}
	return t
}()

// folder folds labels for one parse. The folded forms are written one
// after the other into a strings.Builder, whose strings stay as they are
// while it grows (it appends to a new array, never rewrites the old): a
// description asks for a few hundred folded lines, and a string each cost
// as much as the folding.
type folder struct {
	arena strings.Builder
	buf   []byte
	langs []*Language // the label tables of the parse (Options.Languages)
}

// fold returns normLabel(s).
func (f *folder) fold(s string) string {
	if len(s) > maxLabelBytes {
		return ""
	}
	if folded(s) {
		return s
	}
	if k, ok := canon[s]; ok {
		return k
	}
	f.buf = appendNorm(f.buf[:0], s)
	start := f.arena.Len()
	f.arena.Write(f.buf)
	return f.arena.String()[start:]
}

// folded reports whether s is already in normLabel's form, so that it can be
// returned without a copy.
func folded(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' || s[len(s)-1] == ':' {
		return false
	}
	prevSpace := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf, 'A' <= c && c <= 'Z', c == '`', c == '\t', c == '\n', c == '\r', c == '\v', c == '\f':
			return false
		case c == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
		default:
			prevSpace = false
		}
	}
	return true
}

// allText lists every string the parser matches against.
func (l *Language) allText() []string {
	var out []string
	out = append(out, l.Banner...)
	for _, hs := range l.Headers {
		out = append(out, hs...)
	}
	for _, s := range l.Sections {
		out = append(out, s)
	}
	for _, m := range l.Fields {
		for s := range m {
			out = append(out, s)
		}
	}
	for s := range l.Lists {
		out = append(out, s)
	}
	out = append(out, l.SiteHeading...)
	out = append(out, l.ScoreHeader...)
	for _, g := range l.Sustainability {
		out = append(out, g.Group)
		out = append(out, g.Criteria...)
	}
	return out
}

// FieldLabel is the label the formatter prints for a field path in a
// section: the "print" choice, else the table's only label for it, else the
// first in sorted order.
func (l *Language) FieldLabel(section, path string) string {
	if s, ok := l.Print.Labels[path]; ok {
		return s
	}
	return firstKey(l.Fields[section], path)
}

// firstKey returns the alphabetically first key of m whose value is v, so
// that a choice among equal spellings does not depend on map order.
func firstKey[V comparable](m map[string]V, v V) string {
	first, found := "", false
	for k, x := range m {
		if x == v && (!found || k < first) {
			first, found = k, true
		}
	}
	return first
}

// HeadingText is a section's heading as printed, without its number.
func (l *Language) HeadingText(num string) string {
	if s, ok := l.Print.Headings[num]; ok {
		return s
	}
	return l.Sections[num]
}

// HeaderLine is the header line that names the fund.
func (l *Language) HeaderLine(fund string) string {
	if hs := l.Headers[fund]; len(hs) > 0 {
		return hs[0]
	}
	return ""
}

// ListHeading is the subheading of a list in section 2 ("Osatoteuttajat").
func (l *Language) ListHeading(path string) string {
	return firstKey(l.Lists, path)
}

// StatusText is the printed status for a state ("running", "ended").
func (l *Language) StatusText(state string) string {
	return firstKey(l.Statuses, state)
}

// AnswerText is the printed yes or no.
func (l *Language) AnswerText(v bool) string {
	return firstKey(l.Answers, v)
}
