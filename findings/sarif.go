package findings

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/asectl/asectl/validate"
)

// SARIF 2.1.0 for GitHub code scanning, written as the results come: one
// result is encoded and written at a time, so memory does not grow with
// the findings (go-sarif's object model held every result until the end:
// 900,000 findings took 3.6 GB). The tests still read the output with
// go-sarif and validate it against the official schema.
//
// GitHub refuses a run of more than 25,000 results and a log of more than
// 20 runs, so results are split into runs of at most sarifRunResults
// (each with the whole rule table), and past sarifMaxRuns runs the rest
// are counted, not written: the last run's invocation has a notification
// saying how many were left out.
var (
	sarifRunResults = 25_000
	sarifMaxRuns    = 20
)

const (
	sarifSchema = "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/main/sarif-2.1/schema/sarif-schema-2.1.0.json"
)

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysicalLocation  `json:"physicalLocation"`
	LogicalLocations []sarifLogicalLocation `json:"logicalLocations,omitempty"`
}

// sarifLogicalLocation names a field by its JSON path, for a finding of a
// description read from JSON, which has no line and column.
type sarifLogicalLocation struct {
	FullyQualifiedName string `json:"fullyQualifiedName"`
	Kind               string `json:"kind"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifMessage      `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Properties          map[string]string `json:"properties,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ExitCode                   *int                `json:"exitCode,omitempty"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications"`
}

type sarifRule struct {
	ID                   string       `json:"id"`
	Name                 string       `json:"name"`
	ShortDescription     sarifMessage `json:"shortDescription"`
	FullDescription      sarifMessage `json:"fullDescription"`
	Help                 sarifMessage `json:"help"`
	DefaultConfiguration struct {
		Level string `json:"level"`
	} `json:"defaultConfiguration"`
}

type sarifDriver struct {
	Name            string      `json:"name"`
	Version         string      `json:"version"`
	SemanticVersion string      `json:"semanticVersion,omitempty"`
	InformationURI  string      `json:"informationUri"`
	Language        string      `json:"language"`
	Rules           []sarifRule `json:"rules"`
}

// sarifWriter streams {"$schema", "version", "runs": [run, …]}. A run's
// head (tool, base URI, column kind) is written when its first result or
// notification comes; its invocation when it closes.
type sarifWriter struct {
	w    io.Writer
	o    Options
	head []byte // the run's opening, up to and including `"results": [`
	err  error

	runs     int // runs opened
	inRun    int // results in the open run
	open     bool
	inv      sarifInvocation
	leftOut  int
	lastFile string      // fingerprints count repeats within a file
	seen     *hashCounts // fingerprint bases met in lastFile
	part     bool        // a file's parts are coming (FilePart)
	buf      []byte      // one result's JSON, reused
}

func newSARIF(w io.Writer, o Options) PartWriter {
	lang := "en"
	if o.L != nil {
		// The messages' language; rule IDs, levels and rule texts are
		// the same in every language.
		lang = o.L.Lang
	}
	d := sarifDriver{
		Name: "asectl", Version: o.Version, SemanticVersion: semanticVersion(o.Version),
		InformationURI: "https://github.com/asectl/asectl", Language: lang, Rules: []sarifRule{},
	}
	for _, r := range o.Rules {
		sr := sarifRule{
			ID: r.ID, Name: ruleName(r.ID),
			ShortDescription: sarifMessage{r.Doc},
			FullDescription:  sarifMessage{r.Doc + ".\n\n" + r.Explain},
			Help:             sarifMessage{r.Explain},
		}
		sr.DefaultConfiguration.Level = sarifLevel(o.severity(r))
		d.Rules = append(d.Rules, sr)
	}
	tool, _ := json.MarshalIndent(struct {
		Driver sarifDriver `json:"driver"`
	}{d}, "      ", "  ")
	head := []byte("\n    {\n      \"tool\": ")
	head = append(head, tool...)
	if o.Cwd != "" {
		b, _ := json.Marshal(map[string]sarifArtifactLocation{"SRCROOT": {URI: baseURI(o.Cwd)}})
		head = append(head, ",\n      \"originalUriBaseIds\": "...)
		head = append(head, b...)
	}
	head = append(head, ",\n      \"columnKind\": \"unicodeCodePoints\",\n      \"language\": "...)
	l, _ := json.Marshal(lang)
	head = append(head, l...)
	return &sarifWriter{w: w, o: o, head: head, inv: sarifInvocation{ExecutionSuccessful: true, ToolExecutionNotifications: []sarifNotification{}}}
}

func (s *sarifWriter) write(b []byte) {
	if s.err == nil {
		_, s.err = s.w.Write(b)
	}
}

// openRun starts the next run; the first also starts the log.
func (s *sarifWriter) openRun() {
	if s.runs == 0 {
		s.write([]byte("{\n  \"$schema\": \"" + sarifSchema + "\",\n  \"version\": \"2.1.0\",\n  \"runs\": ["))
	} else {
		s.write([]byte(","))
	}
	s.runs++
	s.write(s.head)
	if s.runs > 1 {
		// Each part of a split log is its own category, so that code
		// scanning keeps them all.
		s.write(fmt.Appendf(nil, ",\n      \"automationDetails\": {\"id\": \"asectl/part-%d/\"}", s.runs))
	}
	s.write([]byte(",\n      \"results\": ["))
	s.open, s.inRun = true, 0
}

// closeRun ends the open run with its invocation. exitCode is set on the
// last run only (the run's outcome is known only at the end).
func (s *sarifWriter) closeRun(exitCode *int) {
	if s.inRun > 0 {
		s.write([]byte("\n      "))
	}
	s.inv.ExitCode = exitCode
	b, _ := json.MarshalIndent([]sarifInvocation{s.inv}, "      ", "  ")
	s.write([]byte("],\n      \"invocations\": "))
	s.write(b)
	s.write([]byte("\n    }"))
	s.open = false
	s.inv = sarifInvocation{ExecutionSuccessful: true, ToolExecutionNotifications: []sarifNotification{}}
}

// ruleName turns "business-id" into "BusinessId", the form SARIF viewers show.
func ruleName(id string) string {
	var b strings.Builder
	for _, part := range strings.Split(id, "-") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}

func sarifLevel(s validate.Severity) string {
	switch s {
	case validate.Error:
		return "error"
	case validate.Warning:
		return "warning"
	}
	return "note"
}

// SARIFURI is the input's path relative to dir (when dir is not ""), with
// forward slashes, as a relative URI reference that a strict decoder
// (decodeURIComponent) accepts whatever the file name: bytes that are not
// UTF-8 are first written \xNN (PathText), then everything outside the
// URI's unreserved characters is percent-encoded as UTF-8. A first segment
// holding ':' (A72213:v2.txt) would read as a scheme, so such a path gets
// "./" in front.
func SARIFURI(source, dir string) string {
	if source == "-" {
		return "stdin"
	}
	p := source
	if dir != "" {
		abs := p
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(dir, abs)
		}
		if rel, err := filepath.Rel(dir, abs); err == nil {
			p = rel
		}
	}
	u := uriPath(p)
	if first, _, _ := strings.Cut(u, "/"); strings.Contains(first, ":") {
		u = "./" + u
	}
	return u
}

// uriPath is a file path as the path of a URI: forward slashes, bytes
// that are not UTF-8 written \xNN (PathText), and everything outside the
// URI's unreserved characters percent-encoded as UTF-8.
func uriPath(p string) string {
	p = filepath.ToSlash(PathText(p))
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9',
			c == '-', c == '.', c == '_', c == '~', c == '/', c == ':', c == '@',
			c == '!', c == '$', c == '\'', c == '(', c == ')', c == '*', c == '+', c == ',', c == ';', c == '=':
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// baseURI is the working directory's file: URI, ending in one "/",
// encoded as the artifact URIs are (a strict decoder takes it whatever
// the directory's name).
func baseURI(cwd string) string {
	p := uriPath(cwd)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive: file:///C:/…
	}
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return "file://" + p
}

func (s *sarifWriter) location(source string) sarifArtifactLocation {
	loc := sarifArtifactLocation{URI: SARIFURI(source, s.o.Cwd)}
	if s.o.Cwd != "" && source != "-" {
		loc.URIBaseID = "SRCROOT"
	}
	return loc
}

// fingerprint is the result's partialFingerprints value: a hash of what
// identifies the finding apart from its line (rule, file, field, message),
// and how many identical ones came before it in the file, so that a
// finding keeps its fingerprint when lines above it move.
func (s *sarifWriter) fingerprint(source string, x validate.Finding, msg string) string {
	if s.seen == nil || source != s.lastFile {
		// The first file too, even when its name is "" (a library
		// caller's input without a name).
		s.lastFile, s.seen = source, &hashCounts{}
	}
	h := sha256.Sum256([]byte(x.Rule + "\x00" + PathText(source) + "\x00" + x.Field + "\x00" + msg))
	base := hex.EncodeToString(h[:12])
	n := s.seen.add(binary.LittleEndian.Uint64(h[:8]))
	return base + ":" + strconv.Itoa(n+1)
}

// hashCounts counts occurrences of 64-bit hashes (the first 8 bytes of a
// fingerprint's base) in 8 bytes a hash: a map of the bases as strings
// took about 70 bytes a finding, which one file with 900,000 findings
// kept until its end. Two bases that differ only past their first 64 bits
// would share a count (about 900,000² / 2⁶⁵ ≈ 2·10⁻⁸ for such a file).
// Repeats, which are rare, are counted in a map of their own.
type hashCounts struct {
	slots   []uint64 // open addressing, linear probing; 0 is empty
	n       int
	repeats map[uint64]int
}

// add counts h and returns how many times it came before.
func (c *hashCounts) add(h uint64) int {
	if h == 0 {
		h = 1 // 0 marks an empty slot
	}
	if c.n >= len(c.slots)*7/8 {
		c.grow()
	}
	mask := uint64(len(c.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		switch c.slots[i] {
		case 0:
			c.slots[i] = h
			c.n++
			return 0
		case h:
			if c.repeats == nil {
				c.repeats = map[uint64]int{}
			}
			c.repeats[h]++
			return c.repeats[h]
		}
	}
}

func (c *hashCounts) grow() {
	old := c.slots
	c.slots = make([]uint64, max(16, 2*len(old)))
	mask := uint64(len(c.slots) - 1)
	for _, h := range old {
		if h == 0 {
			continue
		}
		i := h & mask
		for c.slots[i] != 0 {
			i = (i + 1) & mask
		}
		c.slots[i] = h
	}
}

func (s *sarifWriter) File(f File) error { return s.FilePart(f, true) }

func (s *sarifWriter) FilePart(f File, last bool) error {
	first := !s.part
	s.part = !last
	if f.Error != "" && first {
		if !s.open {
			s.openRun()
		}
		s.inv.ToolExecutionNotifications = append(s.inv.ToolExecutionNotifications, sarifNotification{
			Level: "error", Message: sarifMessage{PathText(f.Source) + ": " + f.Error},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{ArtifactLocation: s.location(f.Source)}}},
		})
		s.inv.ExecutionSuccessful = false
	}
	for _, x := range f.Findings {
		if s.open && s.inRun >= sarifRunResults {
			if s.runs >= sarifMaxRuns {
				// The last run stays open for Finish's notification.
				s.leftOut++
				continue
			}
			s.closeRun(nil)
		}
		if !s.open {
			s.openRun()
		}
		msg := s.o.message(x)
		loc := sarifLocation{PhysicalLocation: sarifPhysicalLocation{ArtifactLocation: s.location(f.Source)}}
		if x.Pos.IsValid() {
			loc.PhysicalLocation.Region = &sarifRegion{StartLine: x.Pos.Line, StartColumn: max(x.Pos.Col, 1)}
		} else if x.Field != "" {
			loc.LogicalLocations = []sarifLogicalLocation{{FullyQualifiedName: x.Field, Kind: "member"}}
		}
		r := sarifResult{
			RuleID: x.Rule, RuleIndex: s.ruleIndex(x.Rule), Level: sarifLevel(x.Severity),
			Message: sarifMessage{msg}, Locations: []sarifLocation{loc},
			PartialFingerprints: map[string]string{"asectl/v1": s.fingerprint(f.Source, x, msg)},
		}
		if x.Field != "" {
			r.Properties = map[string]string{"field": x.Field}
		}
		s.buf = s.buf[:0]
		if s.inRun > 0 {
			s.buf = append(s.buf, ',')
		}
		s.buf = append(s.buf, "\n        "...)
		s.buf = appendSARIFResult(s.buf, &r)
		s.write(s.buf)
		s.inRun++
	}
	return s.err
}

func (s *sarifWriter) ruleIndex(id string) int {
	for i, r := range s.o.Rules {
		if r.ID == id {
			return i
		}
	}
	return -1
}

func (s *sarifWriter) Finish(sum Summary) error {
	if !s.open {
		s.openRun() // no result and no notification: one empty run
	}
	if s.leftOut > 0 {
		s.inv.ToolExecutionNotifications = append(s.inv.ToolExecutionNotifications, sarifNotification{
			Level: "warning",
			Message: sarifMessage{fmt.Sprintf("%d results left out: code scanning takes at most %d runs of %d results; asectl's text or JSON output has them all",
				s.leftOut, sarifMaxRuns, sarifRunResults)},
		})
	}
	code := sum.ExitCode
	s.closeRun(&code)
	s.write([]byte("\n  ]\n}\n"))
	return s.err
}

// appendSARIFResult writes r as json.MarshalIndent(r, "        ", "  ")
// does (a test and a fuzz target hold the two equal), without reflection:
// 900,000 results spent most of their time and garbage in it.
func appendSARIFResult(b []byte, r *sarifResult) []byte {
	const in = "\n          " // the prefix and one level
	b = append(b, "{"+in+`"ruleId": `...)
	b = appendString(b, r.RuleID)
	b = append(b, ","+in+`"ruleIndex": `...)
	b = strconv.AppendInt(b, int64(r.RuleIndex), 10)
	b = append(b, ","+in+`"level": `...)
	b = appendString(b, r.Level)
	b = append(b, ","+in+`"message": {`+in+`  "text": `...)
	b = appendString(b, r.Message.Text)
	b = append(b, in+"},"+in+`"locations": `...)
	if r.Locations == nil {
		b = append(b, "null"...)
	} else if len(r.Locations) == 0 {
		b = append(b, "[]"...)
	} else {
		b = append(b, '[')
		for i, l := range r.Locations {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendSARIFLocation(b, &l)
		}
		b = append(b, in+"]"...)
	}
	b = append(b, ","+in+`"partialFingerprints": `...)
	b = appendSortedMap(b, r.PartialFingerprints, in)
	if len(r.Properties) > 0 {
		b = append(b, ","+in+`"properties": `...)
		b = appendSortedMap(b, r.Properties, in)
	}
	return append(b, "\n        }"...)
}

func appendSARIFLocation(b []byte, l *sarifLocation) []byte {
	const in = "\n              " // inside a location
	b = append(b, "\n            {"+in+`"physicalLocation": {`+in+`  "artifactLocation": {`+in+`    "uri": `...)
	b = appendString(b, l.PhysicalLocation.ArtifactLocation.URI)
	if id := l.PhysicalLocation.ArtifactLocation.URIBaseID; id != "" {
		b = append(b, ","+in+`    "uriBaseId": `...)
		b = appendString(b, id)
	}
	b = append(b, in+"  }"...)
	if r := l.PhysicalLocation.Region; r != nil {
		b = append(b, ","+in+`  "region": {`+in+`    "startLine": `...)
		b = strconv.AppendInt(b, int64(r.StartLine), 10)
		b = append(b, ","+in+`    "startColumn": `...)
		b = strconv.AppendInt(b, int64(r.StartColumn), 10)
		b = append(b, in+"  }"...)
	}
	b = append(b, in+"}"...)
	if len(l.LogicalLocations) > 0 {
		b = append(b, ","+in+`"logicalLocations": [`...)
		for i, ll := range l.LogicalLocations {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, in+"  {"+in+`    "fullyQualifiedName": `...)
			b = appendString(b, ll.FullyQualifiedName)
			b = append(b, ","+in+`    "kind": `...)
			b = appendString(b, ll.Kind)
			b = append(b, in+"  }"...)
		}
		b = append(b, in+"]"...)
	}
	return append(b, "\n            }"...)
}

// appendSortedMap writes a map of strings, keys sorted, as
// encoding/json does at indentation in.
func appendSortedMap(b []byte, m map[string]string, in string) []byte {
	if m == nil {
		return append(b, "null"...)
	}
	if len(m) == 0 {
		return append(b, "{}"...)
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	b = append(b, '{')
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, in+"  "...)
		b = appendString(b, k)
		b = append(b, ": "...)
		b = appendString(b, m[k])
	}
	return append(b, in+"}"...)
}

// semVer is Semantic Versioning 2.0.0's own pattern (semver.org).
var semVer = regexp.MustCompile(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$`)

// semanticVersion is the driver's semanticVersion: SARIF wants a Semantic
// Versioning 2.0.0 string there, so a version that is not one ("devel", a
// library user's own word) leaves it out rather than break the log.
func semanticVersion(v string) string {
	v = strings.TrimPrefix(v, "v")
	if !semVer.MatchString(v) {
		return ""
	}
	return v
}
