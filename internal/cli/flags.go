package cli

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/pflag"

	"github.com/asectl/asectl/internal/config"
	"github.com/asectl/asectl/model"
)

// valueFlag is a flag read by one of internal/config's value parsers, the
// same that read .asectl.yaml: --max-size 1k is what max-size: 1k is, and
// a mistake is worded the same (pflag puts the flag's name in front).
type valueFlag[T any] struct {
	v     *T
	text  string
	parse func(string) (T, error)
	typ   string
}

func (f *valueFlag[T]) String() string { return f.text }
func (f *valueFlag[T]) Type() string   { return f.typ }
func (f *valueFlag[T]) Set(s string) error {
	v, err := f.parse(s)
	if err != nil {
		return err
	}
	*f.v, f.text = v, s
	return nil
}

func sizeFlag(fs *pflag.FlagSet, p *int64, name string, def int64, defText, usage string) {
	*p = def
	fs.Var(&valueFlag[int64]{v: p, text: defText, parse: config.ParseSize, typ: "size"}, name, usage)
}

func encodingFlag(fs *pflag.FlagSet, p *string, name, def, usage string) {
	*p = def
	fs.Var(&valueFlag[string]{v: p, text: def, parse: config.ParseEncoding, typ: "encoding"}, name, usage)
}

func languageFlag(fs *pflag.FlagSet, p *string, name, usage string) {
	fs.Var(&valueFlag[string]{v: p, parse: config.ParseLanguage, typ: "lang"}, name, usage)
}

// dateFlag reads YYYY-MM-DD; whether it was given is the flag's Changed.
func dateFlag(fs *pflag.FlagSet, p *model.Date, name, usage string) {
	fs.Var(&valueFlag[model.Date]{v: p, parse: config.ParseDate, typ: "YYYY-MM-DD"}, name, usage)
}

func failOnFlag(fs *pflag.FlagSet, p *int, name string, def int, defText, usage string) {
	*p = def
	fs.Var(&valueFlag[int]{v: p, text: defText, parse: config.ParseFailOn, typ: "severity"}, name, usage)
}

// jobsFlag reads --jobs: a whole number, 0 or more.
func jobsFlag(fs *pflag.FlagSet, p *int, name, short, usage string) {
	parse := func(s string) (int, error) {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if errors.Is(err, strconv.ErrRange) && n > 0 {
			// Past the int range: as many as can be, which the cap lowers
			// with a note, as for any large value.
			return n, nil
		}
		if err != nil || n < 0 {
			return 0, fmt.Errorf("%q is not a whole number of 0 (one per CPU, plus one) or more", s)
		}
		return n, nil
	}
	fs.VarP(&valueFlag[int]{v: p, text: "0", parse: parse, typ: "n"}, name, short, usage)
}
