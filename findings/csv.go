package findings

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/asectl/asectl/internal/csvcell"
	"github.com/asectl/asectl/model"
)

// CSVColumns returns the stable English headers of `asectl parse --format
// csv`, one row per description (a fresh slice): the published columns in
// their order, then any other column the field table names
// (model.FieldDef.CSV), in the table's order. Lists are joined with "; ".
// New columns go at the end, so that a consumer reading by position keeps
// working.
func CSVColumns() []string { return slices.Clone(csvCols) }

var csvCols = csvColumns()

// csvPublished is the order the columns were published in; each is named
// by a row of the field table (TestCSVColumnsFromTheTable).
var csvPublished = []string{
	"source", "code", "name", "fund", "language",
	"axis", "axis_name", "objective", "objective_name",
	"start", "end", "status", "state", "authority",
	"applicant", "organisation_type", "business_id", "street", "postal_code", "city", "phone", "website",
	"contact_name", "contact_title", "contact_email", "contact_phone", "applicants",
	"co_implementers", "transfer_recipients",
	"eu_state_granted", "eu_state_realised", "public_planned", "public_realised",
	"regions", "sub_regions", "municipalities",
	"new_jobs_planned", "new_jobs_planned_women", "new_jobs_realised", "new_jobs_realised_women",
	"new_companies_planned", "new_companies_planned_women", "new_companies_realised", "new_companies_realised_women",
	"gender_context_analysis", "gender_mainstreamed", "gender_main_goal",
	"sustainability_direct_mean", "sustainability_indirect_mean",
	"error",
	// Issue 19: section 7's other indicators, each as "7.1 Title: planned
	// 120 (women 60), realised 98 (women 41)"; the unknown subsections'
	// headings, "8.3 Title" (their text is in the JSON).
	"other_indicators", "other_sections",
}

// csvField is a field of the table with columns, and where they go.
type csvField struct {
	id  model.FieldID
	col []int // the column of each part of the value
}

// csvColumns is csvPublished, then the table's other columns.
func csvColumns() []string {
	cols := slices.Clone(csvPublished)
	for _, id := range model.Fields() {
		for _, name := range csvNames(id) {
			if !slices.Contains(csvPublished, name) {
				cols = append(cols, name)
			}
		}
	}
	return cols
}

// csvFields are the fields with columns, each with its columns' places in
// csvCols.
var csvFields = func() (out []csvField) {
	for _, id := range model.Fields() {
		names := csvNames(id)
		if len(names) == 0 {
			continue
		}
		f := csvField{id: id}
		for _, name := range names {
			f.col = append(f.col, slices.Index(csvCols, name))
		}
		out = append(out, f)
	}
	return out
}()

func csvNames(id model.FieldID) []string {
	if c := id.Def().CSV; c != "" {
		return strings.Split(c, ",")
	}
	return nil
}

// CSVWriter writes descriptions as RFC 4180 CSV. With Excel set it starts
// with a UTF-8 byte order mark (so Excel reads UTF-8) and defuses cells
// that Excel would run as formulas.
type CSVWriter struct {
	w     *csv.Writer
	excel bool
	wrote bool
	raw   io.Writer
}

// NewCSV returns a CSV writer.
func NewCSV(w io.Writer, excel bool) *CSVWriter {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true // RFC 4180
	return &CSVWriter{w: cw, excel: excel, raw: w}
}

// Write writes one description (and the header before the first).
func (c *CSVWriter) Write(d *model.Description) error {
	if !c.wrote {
		if err := c.header(); err != nil {
			return err
		}
	}
	row := c.row(d)
	if c.excel {
		for i, v := range row {
			row[i] = csvcell.Defuse(v)
		}
	}
	if err := c.w.Write(row); err != nil {
		return err
	}
	c.w.Flush()
	return c.w.Error()
}

func (c *CSVWriter) header() error {
	c.wrote = true
	if c.excel {
		if _, err := io.WriteString(c.raw, "\ufeff"); err != nil {
			return err
		}
	}
	return c.w.Write(csvCols)
}

// Close writes the header if no row came, and flushes.
func (c *CSVWriter) Close() error {
	if !c.wrote {
		if err := c.header(); err != nil {
			return err
		}
	}
	c.w.Flush()
	return c.w.Error()
}

func yesNo(f model.Field[bool]) string {
	switch {
	case !f.Valid:
		return ""
	case f.Value:
		return "yes"
	}
	return "no"
}

// join is strings.Join of the values with "; ", written straight into one
// string: a slice of 900,000 names first took 14 MB more.
func join(ts []model.Text) string {
	n := 0
	for i, t := range ts {
		if i > 0 {
			n += len("; ")
		}
		n += len(t.Value)
	}
	var b strings.Builder
	b.Grow(n)
	for i, t := range ts {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(t.Value)
	}
	return b.String()
}

func orgs(os []model.Organisation) string {
	parts := make([]string, 0, len(os))
	for _, o := range os {
		s := o.Name.Value
		if o.BusinessID.Valid {
			s += " (" + o.BusinessID.Value + ")"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
}

// meanScore is the mean of the read scores with two decimals, "" if none.
func meanScore(ss []model.Score, direct bool) string {
	sum, n := 0, 0
	for _, s := range ss {
		f := s.Indirect
		if direct {
			f = s.Direct
		}
		if f.Valid {
			sum += f.Value
			n++
		}
	}
	if n == 0 {
		return ""
	}
	// Exact to two decimals, rounded half up, without floats.
	h := (sum*1000/n + 5) / 10
	return fmt.Sprintf("%d.%02d", h/100, h%100)
}

func (c *CSVWriter) row(d *model.Description) []string {
	row := make([]string, len(csvCols))
	var buf [2]string
	for _, f := range csvFields {
		for i, v := range csvCells(buf[:0], f.id.In(d)) {
			row[f.col[i]] = v
		}
	}
	return row
}

// csvCells appends the cells of one value (see model.FieldDef.CSV), by its
// type.
func csvCells(dst []string, v any) []string {
	switch v := v.(type) {
	case *string:
		return append(dst, *v)
	case *model.Text:
		return append(dst, csvcell.Text(*v))
	case *model.Numbered:
		return append(dst, csvcell.Text(v.Number), csvcell.Text(v.Name))
	case *model.Period:
		return append(dst, csvcell.Date(v.Start), csvcell.Date(v.End))
	case *model.Field[model.Fixed2]:
		return append(dst, csvcell.Fixed(*v))
	case *model.Figure:
		return append(dst, csvcell.Fixed(v.Total), csvcell.Fixed(v.Women))
	case *model.Answer:
		return append(dst, yesNo(v.Answer))
	case *[]model.Text:
		return append(dst, join(*v))
	case *[]model.Organisation:
		return append(dst, orgs(*v))
	case *[]model.OtherIndicator:
		return append(dst, otherIndicators(*v))
	case *[]model.OtherSection:
		return append(dst, otherSections(*v))
	case *[]model.Score:
		return append(dst, meanScore(*v, true), meanScore(*v, false))
	}
	panic(fmt.Sprintf("findings: no CSV cells for a %T", v)) // a defect of the field table; TestCSVColumnsFromTheTable
}

// otherIndicators flattens indicators.other into one cell: "7.1 Title:
// planned 120 (women 60), realised 98 (women 41)", a figure left out when
// it was not read, entries joined with "; ".
func otherIndicators(os []model.OtherIndicator) string {
	parts := make([]string, 0, len(os))
	for _, o := range os {
		var figs []string
		for _, f := range []struct {
			name string
			fig  model.Figure
		}{{"planned", o.Planned}, {"realised", o.Realised}} {
			if !f.fig.Total.Valid && !f.fig.Women.Valid {
				continue
			}
			s := f.name
			if f.fig.Total.Valid {
				s += " " + csvcell.Fixed(f.fig.Total)
			}
			if f.fig.Women.Valid {
				s += " (women " + csvcell.Fixed(f.fig.Women) + ")"
			}
			figs = append(figs, s)
		}
		s := strings.TrimSpace(csvcell.Text(o.Number) + " " + csvcell.Text(o.Title))
		if len(figs) > 0 {
			s += ": " + strings.Join(figs, ", ")
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
}

// otherSections lists the unknown subsections' headings, "8.3 Title".
func otherSections(os []model.OtherSection) string {
	parts := make([]string, 0, len(os))
	for _, o := range os {
		parts = append(parts, strings.TrimSpace(csvcell.Text(o.Number)+" "+csvcell.Text(o.Title)))
	}
	return strings.Join(parts, "; ")
}
