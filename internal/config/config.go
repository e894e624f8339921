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
	"bytes"
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
	FailOn string
	Today  model.Date
	// Rules maps a rule ID to a severity name or "off".
	Rules map[string]string
}

type rawConfig struct {
	FailOn string               `yaml:"fail-on"`
	Today  string               `yaml:"today"`
	Rules  map[string]yaml.Node `yaml:"rules"`
}

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

// Parse reads a config document.
func Parse(b []byte) (*Config, error) {
	var raw rawConfig
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&raw); err != nil && !errors.Is(err, io.EOF) {
		return nil, cleanYAMLError(err)
	}
	c := &Config{Rules: map[string]string{}}
	switch strings.ToLower(raw.FailOn) {
	case "", "error", "warning", "never":
		c.FailOn = strings.ToLower(raw.FailOn)
	default:
		return nil, fmt.Errorf("fail-on: %q is not one of error, warning, never", raw.FailOn)
	}
	if raw.Today != "" {
		d, err := model.ParseISODate(raw.Today)
		if err != nil {
			return nil, fmt.Errorf("today: %v", err)
		}
		c.Today = d
	}
	var unknown []string
	for id, node := range raw.Rules {
		if validate.Lookup(id) == nil {
			unknown = append(unknown, id)
			continue
		}
		v, err := ruleSetting(&node)
		if err != nil {
			return nil, fmt.Errorf("rules.%s (line %d): %v", id, node.Line, err)
		}
		c.Rules[id] = v
	}
	if len(unknown) > 0 {
		slices.Sort(unknown)
		return nil, fmt.Errorf("unknown rule IDs under rules: %s ('asectl rules' lists them)", strings.Join(unknown, ", "))
	}
	return c, nil
}

// ruleSetting reads "off", a severity, or {severity: …}.
func ruleSetting(n *yaml.Node) (string, error) {
	var v string
	switch n.Kind {
	case yaml.ScalarNode:
		v = n.Value
	case yaml.MappingNode:
		var m struct {
			Severity string `yaml:"severity"`
		}
		if err := n.Decode(&m); err != nil {
			return "", cleanYAMLError(err)
		}
		for i := 0; i < len(n.Content); i += 2 {
			if k := n.Content[i].Value; k != "severity" {
				return "", fmt.Errorf("unknown key %q (only severity)", k)
			}
		}
		v = m.Severity
	default:
		return "", errors.New("expected off, error, warning or info")
	}
	v = strings.ToLower(v)
	switch v {
	case "off", "false": // YAML 1.1 readers turn a bare off into false
		return "off", nil
	case "error", "warning", "info":
		return v, nil
	}
	return "", fmt.Errorf("%q is not off, error, warning or info", v)
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
		sev, _ := validate.ParseSeverity(s)
		v.Severity[id] = sev
	}
	if c.Today != (model.Date{}) && v.Today == (model.Date{}) {
		v.Today = c.Today
	}
}
