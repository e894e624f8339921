// Package config reads .asectl.yaml, the per-repository settings of
// asectl validate:
//
//	fail-on: warning          # error (default), warning or never
//	today: 2026-01-01         # reference date of the date rules
//	rules:
//	  phone: off              # turn a rule off
//	  email: error            # or change its severity
//	  url:
//	    severity: info        # the long form
//
// Unknown keys and rule IDs are errors that name them: a typo must not
// silently turn a check off.
package config

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/asectl/asectl/model"
	"github.com/asectl/asectl/validate"
)

// FileName is looked up in the working directory.
const FileName = ".asectl.yaml"

// Config is the file's content.
type Config struct {
	Path   string
	FailOn string // "" (not set), error, warning, info or never
	Today  model.Date
	// Encoding, MaxSize and Lang are the defaults of --encoding,
	// --max-size and --lang ("" and 0: not set).
	Encoding string
	MaxSize  int64
	Lang     string
	// Rules maps a rule ID to a severity name or "off".
	Rules map[string]string
}

// Keys are the top-level keys of the file.
var Keys = []string{"fail-on", "today", "encoding", "max-size", "lang", "rules"}

// Load reads the file at path. With path "" it looks for .asectl.yaml in
// dir and returns an empty config if there is none.
func Load(path, dir string) (*Config, error) {
	explicit := path != ""
	if !explicit {
		path = FileName
		if dir != "" {
			path = dir + string(os.PathSeparator) + FileName
		}
	}
	b, err := readLimited(path, maxSize)
	if err != nil {
		if !explicit && errors.Is(err, os.ErrNotExist) {
			return &Config{}, nil
		}
		// The system's words, after the file's name (once).
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = fmt.Errorf("%s: %w", path, pe.Err)
		}
		return nil, err
	}
	c, err := Parse(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	c.Path = path
	return c, nil
}

// maxSize bounds a config file: a real one is a few lines, and a wrong
// --config (a data file, /dev/zero) must not be read into memory whole.
const maxSize = 1 << 20

// readLimited reads the file at path, refusing one larger than max bytes.
func readLimited(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("%s: larger than %d KiB; a config file is a few lines of YAML", path, max>>10)
	}
	return b, nil
}

// Parse reads a config document. Errors name the key as the file spells
// it, and its line.
func Parse(b []byte) (*Config, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return nil, cleanYAMLError(err)
	}
	c := &Config{Rules: map[string]string{}}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return c, nil // an empty file
	}
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("line %d: expected keys (%s), not %s", top.Line, strings.Join(Keys, ", "), kindName(top))
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		key := k.Value
		if seen[key] {
			return nil, fmt.Errorf("%s (line %d): given twice", key, k.Line)
		}
		seen[key] = true
		if key == "rules" {
			if err := c.parseRules(v); err != nil {
				return nil, err
			}
			continue
		}
		if v.Kind != yaml.ScalarNode {
			return nil, fmt.Errorf("%s (line %d): expected a value, not %s", key, v.Line, kindName(v))
		}
		var err error
		switch key {
		case "fail-on":
			if _, err = ParseFailOn(v.Value); err == nil {
				c.FailOn = strings.ToLower(strings.TrimSpace(v.Value))
			}
		case "today":
			c.Today, err = ParseDate(v.Value)
		case "encoding":
			c.Encoding, err = ParseEncoding(v.Value)
		case "max-size":
			c.MaxSize, err = ParseSize(v.Value)
		case "lang":
			c.Lang, err = ParseLanguage(v.Value)
		default:
			return nil, fmt.Errorf("line %d: unknown key %q (valid: %s)", k.Line, key, strings.Join(Keys, ", "))
		}
		if err != nil {
			return nil, fmt.Errorf("%s (line %d): %v", key, v.Line, err)
		}
	}
	return c, nil
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	return "a value"
}

// parseRules reads the rules mapping: rule ID → off, a severity, or
// {severity: …}. Unknown IDs are listed together, each with its line.
func (c *Config) parseRules(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode && (n.Tag == "!!null" || n.Value == "") {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("rules (line %d): expected rule IDs with off, error, warning or info, not %s", n.Line, kindName(n))
	}
	var unknown []string
	for i := 0; i+1 < len(n.Content); i += 2 {
		id, node := n.Content[i].Value, n.Content[i+1]
		if validate.Lookup(id) == nil {
			unknown = append(unknown, fmt.Sprintf("%s (line %d)", id, n.Content[i].Line))
			continue
		}
		v, err := ruleSetting(node)
		if err != nil {
			return fmt.Errorf("rules.%s (line %d): %v", id, node.Line, err)
		}
		c.Rules[id] = v
	}
	if len(unknown) > 0 {
		slices.Sort(unknown)
		return fmt.Errorf("unknown rule IDs under rules: %s ('asectl rules' lists them)", strings.Join(unknown, ", "))
	}
	return nil
}

// ruleSetting reads "off", a severity, or {severity: …}.
func ruleSetting(n *yaml.Node) (string, error) {
	var v string
	switch n.Kind {
	case yaml.ScalarNode:
		v = n.Value
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			if k := n.Content[i].Value; k != "severity" {
				return "", fmt.Errorf("unknown key %q (only severity)", k)
			}
			if n.Content[i+1].Kind != yaml.ScalarNode {
				return "", errors.New("severity: expected off, error, warning or info")
			}
			v = n.Content[i+1].Value
		}
	default:
		return "", errors.New("expected off, error, warning or info")
	}
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "off", "false": // YAML 1.1 readers turn a bare off into false
		return "off", nil
	}
	sev, err := ParseSeverity(v)
	if err != nil {
		return "", fmt.Errorf("%q is not off, error, warning or info", v)
	}
	return sev.String(), nil
}

func cleanYAMLError(err error) error {
	return errors.New(strings.TrimPrefix(err.Error(), "yaml: "))
}

// Apply turns the rule settings into a validate.Config.
func (c *Config) Apply(v *validate.Config) {
	if v.Severity == nil {
		v.Severity = map[string]validate.Severity{}
	}
	if v.Off == nil {
		v.Off = map[string]bool{}
	}
	for id, s := range c.Rules {
		if s == "off" {
			v.Off[id] = true
			continue
		}
		sev, _ := ParseSeverity(s)
		v.Severity[id] = sev
	}
	if c.Today != (model.Date{}) && v.Today == (model.Date{}) {
		v.Today = c.Today
	}
}
