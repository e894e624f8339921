package findings

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/asectl/asectl/model"
	"github.com/asectl/asectl/parser"
	"github.com/asectl/asectl/validate"
)

func TestSARIFURI(t *testing.T) {
	for _, tc := range []struct{ source, cwd, want string }{
		{"A72213.txt", "", "A72213.txt"},
		{"A72213:v2.txt", "", "./A72213:v2.txt"},
		{"dir/A72213:v2.txt", "", "dir/A72213:v2.txt"},
		{"/work/repo/a:b/c.txt", "/work/repo", "./a:b/c.txt"},
		{"caf\xe4.txt", "", "caf%5Cxe4.txt"},
		{"kö 50%#?.txt", "", "k%C3%B6%2050%25%23%3F.txt"},
		{"-", "/x", "stdin"},
	} {
		got := SARIFURI(tc.source, tc.cwd)
		assert.Equal(t, tc.want, got, tc.source)
		// What a strict decoder (decodeURIComponent) does: every % starts
		// a valid escape of UTF-8.
		dec, err := url.PathUnescape(got)
		require.NoError(t, err)
		assert.True(t, utf8Valid(dec), "%q decodes to UTF-8", got)
	}
}

// TestSARIFBaseURI: the working directory's URI (SRCROOT) is encoded as
// the artifact URIs are, so that a strict decoder takes it whatever the
// directory's name, and the root directory is file:/// (not file:////).
func TestSARIFBaseURI(t *testing.T) {
	for _, tc := range []struct{ cwd, want string }{
		{"/work/repo", "file:///work/repo/"},
		{"/", "file:///"},
		{"/tmp/caf\xe4 50%#", "file:///tmp/caf%5Cxe4%2050%25%23/"},
		{"/tmp/k\xc3\xb6/a:b", "file:///tmp/k%C3%B6/a:b/"},
	} {
		o := options()
		o.Cwd = tc.cwd
		var doc struct {
			Runs []struct {
				OriginalURIBaseIDs map[string]struct{ URI string } `json:"originalUriBaseIds"`
			} `json:"runs"`
		}
		require.NoError(t, json.Unmarshal(render(t, "sarif", o), &doc))
		got := doc.Runs[0].OriginalURIBaseIDs["SRCROOT"].URI
		assert.Equal(t, tc.want, got, "%q", tc.cwd)
		dec, err := url.PathUnescape(got)
		require.NoError(t, err)
		assert.True(t, utf8Valid(dec), "%q decodes to UTF-8", got)
	}
}

func utf8Valid(s string) bool { return PathText(s) == s }

type sarifDoc struct {
	Runs []struct {
		AutomationDetails *struct {
			ID string `json:"id"`
		} `json:"automationDetails"`
		Results []struct {
			PartialFingerprints map[string]string `json:"partialFingerprints"`
		} `json:"results"`
		Invocations []struct {
			ExitCode                   *int `json:"exitCode"`
			ToolExecutionNotifications []struct {
				Message struct{ Text string } `json:"message"`
			} `json:"toolExecutionNotifications"`
		} `json:"invocations"`
	} `json:"runs"`
}

// TestSARIFSplitsRuns: results go in runs of at most sarifRunResults, at
// most sarifMaxRuns of them; the rest are counted in a notification.
func TestSARIFSplitsRuns(t *testing.T) {
	defer func(r, m int) { sarifRunResults, sarifMaxRuns = r, m }(sarifRunResults, sarifMaxRuns)
	sarifRunResults, sarifMaxRuns = 3, 2
	finding := func(i int) validate.Finding {
		return validate.Finding{Rule: "phone", Severity: validate.Warning, Pos: model.Pos{Line: i + 1, Col: 1}, Msg: parser.Msg("bad phone")}
	}
	for _, tc := range []struct{ n, runs, lastResults, leftOut int }{
		{0, 1, 0, 0}, {3, 1, 3, 0}, {4, 2, 1, 0}, {6, 2, 3, 0}, {8, 2, 3, 2},
	} {
		var buf bytes.Buffer
		w := newSARIF(&buf, options())
		var fs []validate.Finding
		for i := range tc.n {
			fs = append(fs, finding(i))
		}
		require.NoError(t, w.File(File{Source: "a.txt", Findings: fs}))
		require.NoError(t, w.Finish(Summary{ExitCode: 1}))
		var doc sarifDoc
		require.NoError(t, json.Unmarshal(buf.Bytes(), &doc), buf.String())
		require.Len(t, doc.Runs, tc.runs, "n=%d", tc.n)
		last := doc.Runs[len(doc.Runs)-1]
		assert.Len(t, last.Results, tc.lastResults)
		require.NotNil(t, last.Invocations[0].ExitCode)
		assert.Equal(t, 1, *last.Invocations[0].ExitCode)
		if tc.runs > 1 {
			assert.Nil(t, doc.Runs[0].AutomationDetails)
			assert.Equal(t, "asectl/part-2/", last.AutomationDetails.ID)
		}
		if tc.leftOut > 0 {
			assert.Contains(t, last.Invocations[0].ToolExecutionNotifications[0].Message.Text, fmt.Sprintf("%d results left out", tc.leftOut))
		}
		// Identical findings in one file get distinct, stable fingerprints.
		seen := map[string]bool{}
		for _, r := range doc.Runs {
			for _, res := range r.Results {
				fp := res.PartialFingerprints["asectl/v1"]
				assert.NotEmpty(t, fp)
				assert.False(t, seen[fp], "fingerprint %s repeats", fp)
				seen[fp] = true
			}
		}
	}
}

// TestSARIFFingerprintIgnoresLines: a finding keeps its fingerprint when
// the lines above it move.
func TestSARIFFingerprintIgnoresLines(t *testing.T) {
	fp := func(line int) string {
		var buf bytes.Buffer
		w := newSARIF(&buf, options())
		x := validate.Finding{Rule: "phone", Severity: validate.Warning, Pos: model.Pos{Line: line, Col: 3}, Msg: parser.Msg("bad phone %q", "123")}
		require.NoError(t, w.File(File{Source: "a.txt", Findings: []validate.Finding{x}}))
		require.NoError(t, w.Finish(Summary{}))
		var doc sarifDoc
		require.NoError(t, json.Unmarshal(buf.Bytes(), &doc))
		return doc.Runs[0].Results[0].PartialFingerprints["asectl/v1"]
	}
	assert.Equal(t, fp(10), fp(12))
}

// TestMarkdownFitsAComment: however many findings, the comment stays
// within GitHub's 65,536 characters and says how many it left out.
func TestMarkdownFitsAComment(t *testing.T) {
	var buf bytes.Buffer
	w := newMarkdown(&buf, options())
	var fs []validate.Finding
	for i := range 5000 {
		fs = append(fs, validate.Finding{Rule: "phone", Severity: validate.Warning, Pos: model.Pos{Line: i + 1, Col: 1}, Msg: parser.Msg("the phone number %q is not valid: ääää", "+358 40")})
	}
	var sum Summary
	for i := range 3 {
		f := File{Source: fmt.Sprintf("dir/kuvaus-%d.txt", i), Findings: fs}
		sum.Add(f)
		require.NoError(t, w.File(f))
	}
	require.NoError(t, w.Finish(sum))
	out := buf.String()
	n := len([]rune(out))
	assert.LessOrEqual(t, n, maxMarkdownChars)
	assert.Greater(t, n, maxMarkdownChars-2000, "the room is used")
	rows := strings.Count(out, "\n| dir/")
	assert.Contains(t, out, fmt.Sprintf("… and %d more findings", 15000-rows))
}

// TestMarkdownFitsACommentAstral: GitHub counts a comment's characters
// in UTF-16 code units, as JavaScript does, so an emoji counts 2. The cap
// counted code points, and file names and messages of emoji made a comment
// of 96,000 units.
func TestMarkdownFitsACommentAstral(t *testing.T) {
	var buf bytes.Buffer
	w := newMarkdown(&buf, options())
	var fs []validate.Finding
	for i := range 2000 {
		fs = append(fs, validate.Finding{Rule: "phone", Severity: validate.Warning, Pos: model.Pos{Line: i + 1, Col: 1}, Msg: parser.Msg("the phone number %q is not valid", strings.Repeat("😀", 40))})
	}
	f := File{Source: "dir/" + strings.Repeat("🦊", 30) + ".txt", Findings: fs}
	var sum Summary
	sum.Add(f)
	require.NoError(t, w.File(f))
	require.NoError(t, w.Finish(sum))
	out := buf.String()
	n := len(utf16.Encode([]rune(out)))
	assert.LessOrEqual(t, n, maxMarkdownChars)
	assert.Greater(t, n, maxMarkdownChars-2000, "the room is used")
	rows := strings.Count(out, "\n| dir/")
	assert.Contains(t, out, fmt.Sprintf("… and %d more findings", 2000-rows))
}

// TestJSONChunkedFile: a file with many findings is written a chunk at a
// time, byte for byte as in one piece.
func TestJSONChunkedFile(t *testing.T) {
	var fs []validate.Finding
	for i := range 10_000 {
		fs = append(fs, validate.Finding{Rule: "phone", Severity: validate.Warning, Pos: model.Pos{Line: i + 1, Col: 2}, Msg: parser.Msg("bad <%d>", i), Field: "applicant.phone"})
	}
	f := File{Source: "a.txt", Findings: fs}
	var buf bytes.Buffer
	w := newJSON(&buf, options())
	require.NoError(t, w.File(File{Source: "first.txt"}))
	require.NoError(t, w.File(f))
	require.NoError(t, w.Finish(Summary{}))
	whole := appendFile(nil, ToJSON(f, options()))
	assert.Contains(t, buf.String(), ",\n    "+string(whole)+"\n  ],")
	var doc struct{ Files []JSONFile }
	require.NoError(t, json.Unmarshal(buf.Bytes(), &doc))
	assert.Len(t, doc.Files[1].Findings, 10_000)
}

// appendSARIFResult is json.MarshalIndent(r, "        ", "  ") by hand.
func checkSARIFResult(t *testing.T, r sarifResult) {
	t.Helper()
	want, err := json.MarshalIndent(r, "        ", "  ")
	require.NoError(t, err)
	require.Equal(t, string(want), string(appendSARIFResult(nil, &r)))
}

func sarifResultOf(rule, uri, base, msg, field string, line, col, n int) sarifResult {
	loc := sarifLocation{PhysicalLocation: sarifPhysicalLocation{ArtifactLocation: sarifArtifactLocation{URI: uri, URIBaseID: base}}}
	if line > 0 {
		loc.PhysicalLocation.Region = &sarifRegion{StartLine: line, StartColumn: col}
	} else if field != "" {
		loc.LogicalLocations = []sarifLogicalLocation{{FullyQualifiedName: field, Kind: "member"}}
	}
	r := sarifResult{RuleID: rule, RuleIndex: n, Level: "warning", Message: sarifMessage{msg},
		Locations: []sarifLocation{loc}, PartialFingerprints: map[string]string{"asectl/v1": msg + ":1"}}
	if field != "" {
		r.Properties = map[string]string{"field": field}
	}
	return r
}

func TestAppendSARIFResultIsMarshalIndent(t *testing.T) {
	msg := "error with <html> & \"quotes\"\n\u2028 ä\xff"
	checkSARIFResult(t, sarifResultOf("phone", "a.txt", "SRCROOT", msg, "", 3, 4, 1))
	checkSARIFResult(t, sarifResultOf("r", "./b:c.txt", "", msg, "area.municipalities[3]", 0, 0, -1))
	checkSARIFResult(t, sarifResultOf("r", "c.txt", "", "m", "", 0, 0, 0))
	checkSARIFResult(t, sarifResultOf("r", "c.txt", "", "m", "f<", 12, 1, 7))
	r := sarifResultOf("r", "c.txt", "", "m", "", 1, 1, 0)
	r.Locations, r.PartialFingerprints = nil, map[string]string{}
	checkSARIFResult(t, r)
	r.Locations = []sarifLocation{}
	r.Properties = map[string]string{"b": "1", "a": "2"}
	checkSARIFResult(t, r)
}

func FuzzAppendSARIFResult(f *testing.F) {
	f.Add("phone", "a.txt", "SRCROOT", "message <&>", "field", 3, 4, 2)
	f.Fuzz(func(t *testing.T, rule, uri, base, msg, field string, line, col, n int) {
		checkSARIFResult(t, sarifResultOf(rule, uri, base, msg, field, line, col, n))
	})
}

// TestSARIFSemanticVersion: semanticVersion is written only when the version
// is a Semantic Versioning 2.0.0 string (regression: a build's "devel"
// went in as it was, which SARIF 2.1.0 §3.19.5 does not allow).
func TestSARIFSemanticVersion(t *testing.T) {
	for _, tc := range []struct{ version, want string }{
		{"v1.2.3", "1.2.3"},
		{"1.0.0-test", "1.0.0-test"},
		{"v0.0.0-20261129170000-abcdef123456", "0.0.0-20261129170000-abcdef123456"},
		{"devel", ""},
		{"(devel)", ""},
		{"1.2", ""},
		{"", ""},
	} {
		if got := semanticVersion(tc.version); got != tc.want {
			t.Errorf("semanticVersion(%q) = %q, want %q", tc.version, got, tc.want)
		}
		var buf strings.Builder
		w, err := New("sarif", &buf, Options{Version: tc.version})
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Finish(Summary{}); err != nil {
			t.Fatal(err)
		}
		if has := strings.Contains(buf.String(), `"semanticVersion"`); has != (tc.want != "") {
			t.Errorf("version %q: semanticVersion written = %v", tc.version, has)
		}
	}
}
