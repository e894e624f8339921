package projectlist

import (
	"encoding/csv"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/asectl/asectl/internal/csvcell"
)

// CSVColumns returns the stable English headers of the rows' CSV (asectl
// parse --format csv on a list), one line per row; a fresh slice the caller
// may change.
func CSVColumns() []string { return slices.Clone(csvColumns) }

var csvColumns = []string{
	"source", "line", "programme", "code", "fund", "name", "programme_part", "axis", "authority",
	"status", "state", "start", "end", "applicant",
	"eu_state_granted", "eu_state_realised", "public_planned", "public_realised",
	"repairs", "error", "raw",
}

// CSVWriter writes rows as RFC 4180 CSV in UTF-8 with CRLF line ends:
// amounts as plain decimals with a point (40196.99), dates YYYY-MM-DD,
// repairs joined with "; ". With Excel set it starts with a UTF-8 byte order
// mark and defuses cells that a spreadsheet would run as formulas.
type CSVWriter struct {
	w     *csv.Writer
	raw   io.Writer
	excel bool
	wrote bool
	rec   []string
}

// NewCSV returns a CSV writer over w.
func NewCSV(w io.Writer, excel bool) *CSVWriter {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	return &CSVWriter{w: cw, raw: w, excel: excel, rec: make([]string, len(csvColumns))}
}

func (c *CSVWriter) header() error {
	c.wrote = true
	if c.excel {
		if _, err := io.WriteString(c.raw, "\ufeff"); err != nil {
			return err
		}
	}
	return c.w.Write(csvColumns)
}

// Write writes one row (and the header before the first). Output is
// buffered: call Flush or Close.
func (c *CSVWriter) Write(r *Row) error {
	if !c.wrote {
		if err := c.header(); err != nil {
			return err
		}
	}
	p := &r.Project
	rec := append(c.rec[:0],
		r.Source, strconv.Itoa(r.Line), r.Programme, csvcell.Text(p.Code), csvcell.Text(r.Fund), csvcell.Text(p.Name), csvcell.Text(r.Part),
		csvcell.Text(p.PriorityAxis.Number), csvcell.Text(p.Authority), csvcell.Text(p.Status), csvcell.Text(p.State),
		csvcell.Date(p.Period.Start), csvcell.Date(p.Period.End), csvcell.Text(r.Applicant.Name),
		csvcell.Fixed(r.Funding.EUStateGranted), csvcell.Fixed(r.Funding.EUStateRealised), csvcell.Fixed(r.Funding.PublicPlanned), csvcell.Fixed(r.Funding.PublicRealised),
		strings.Join(r.Repairs, "; "), "", "")
	if r.Err != nil {
		rec[len(rec)-2], rec[len(rec)-1] = r.Err.String(), r.Raw
	}
	if c.excel {
		for i, v := range rec {
			rec[i] = csvcell.Defuse(v)
		}
	}
	return c.w.Write(rec)
}

// Flush writes what is buffered.
func (c *CSVWriter) Flush() error {
	c.w.Flush()
	return c.w.Error()
}

// Close writes the header if no row came, and flushes.
func (c *CSVWriter) Close() error {
	if !c.wrote {
		if err := c.header(); err != nil {
			return err
		}
	}
	return c.Flush()
}
