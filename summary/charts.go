package summary

import (
	"fmt"
	"math"

	"github.com/asectl/asectl/model"
)

// The charts are plain SVG drawn from these geometries by the page
// template; html/template escapes every label. Geometry is in SVG user
// units; the SVG scales to the page width.

// Bar is one bar with its labels.
type Bar struct {
	Label      string // at the left of the row, clipped to maxLabel
	Full       string // the whole label, for the tooltip
	Value      string // at the end of the bar
	Class      string
	X, Y, W, H float64
	TextY      float64
	ValueX     float64
}

// Mark is a vertical line or a tick with a label.
type Mark struct {
	X, Y1, Y2 float64
	Label     string
	Class     string
}

// Heading is a group title inside a chart.
type Heading struct {
	Y     float64
	Label string
}

// Chart is one SVG chart.
type Chart struct {
	LabelX        float64 // where row labels end
	Title         string
	Desc          string // the accessible description
	Width, Height float64
	Bars          []Bar
	Marks         []Mark
	Headings      []Heading
	Legend        []Legend
	// Span is a background band (the programme period on the timeline).
	Span *Bar
}

// Legend names a bar class.
type Legend struct {
	Class, Label string
	X            float64
}

const (
	chartWidth = 900.0
	labelWidth = 440.0
	// maxLabel clips a bar's label; the full text is in the bar's tooltip.
	maxLabel   = 66
	valueSpace = 110.0
	rowHeight  = 22.0
	barHeight  = 14.0
	topPad     = 28.0
)

// barRow is one input row of a horizontal bar chart.
type barRow struct {
	label, value, class string
	v                   float64
	heading             string // starts a group before this row
}

// hbars lays out a horizontal bar chart with a shared scale.
func hbars(title, desc string, rows []barRow, max float64, legend []Legend) Chart {
	if max <= 0 {
		max = 1
	}
	plot := chartWidth - labelWidth - valueSpace
	c := Chart{Title: title, Desc: desc, Width: chartWidth, Legend: legend, LabelX: labelWidth - 6}
	y := topPad
	for _, r := range rows {
		if r.heading != "" {
			c.Headings = append(c.Headings, Heading{Y: y + 12, Label: r.heading})
			y += rowHeight
		}
		w := math.Max(0, math.Min(1, r.v/max)) * plot
		c.Bars = append(c.Bars, Bar{
			Label: clipLabel(r.label), Full: r.label, Value: r.value, Class: r.class,
			X: labelWidth, Y: y, W: round1(w), H: barHeight,
			TextY: y + barHeight - 3, ValueX: round1(labelWidth + w + 6),
		})
		y += rowHeight
	}
	c.Height = y + 8
	for i := range c.Legend {
		c.Legend[i].X = labelWidth + float64(i)*140
	}
	return c
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }

func clipLabel(s string) string {
	r := []rune(s)
	if len(r) <= maxLabel {
		return s
	}
	return string(r[:maxLabel-1]) + "…"
}

func fixedFloat(x model.Fixed2) float64 { return float64(x) / 100 }

// dayNumber counts days from year 1 for placing dates on a line.
func dayNumber(d model.Date) float64 { return float64(d.Time().Unix()) / 86400 }

// timeline draws the programme period, the project's period and today.
func timeline(lc *locale, per model.Period, today model.Date) Chart {
	prog := [2]model.Date{{Year: 2014, Month: 1, Day: 1}, {Year: 2023, Month: 12, Day: 31}}
	from, to := prog[0], prog[1]
	if per.Start.Valid && per.Start.Value.Before(from) {
		from = per.Start.Value
	}
	if per.End.Valid && per.End.Value.After(to) {
		to = per.End.Value
	}
	if today.After(to) {
		to = today
	}
	from = model.Date{Year: from.Year, Month: 1, Day: 1}
	to = model.Date{Year: to.Year, Month: 12, Day: 31}
	x0, x1 := 20.0, chartWidth-20
	scale := func(d model.Date) float64 {
		return round1(x0 + (dayNumber(d)-dayNumber(from))/(dayNumber(to)-dayNumber(from))*(x1-x0))
	}
	c := Chart{
		Title: lc.T("Implementation period"), Width: chartWidth, Height: 96,
		Desc: lc.T("The project's period against the programme period 2014–2023 and the reference date."),
	}
	c.Span = &Bar{Class: "span", X: scale(prog[0]), Y: 18, W: scale(prog[1]) - scale(prog[0]), H: 34,
		Label: lc.T("Programme 2014–2023"), TextY: 14}
	if per.Start.Valid && per.End.Valid && !per.End.Value.Before(per.Start.Value) {
		x := scale(per.Start.Value)
		w := math.Max(2, scale(per.End.Value)-x)
		valueX := x + w + 6
		if valueX > chartWidth-150 {
			valueX = math.Max(0, x-150)
		}
		c.Bars = append(c.Bars, Bar{Class: "bar project", X: x, Y: 26, W: w, H: 18,
			Value: lc.date(per.Start.Value) + " – " + lc.date(per.End.Value), TextY: 40, ValueX: round1(valueX)})
	}
	for y := from.Year; y <= to.Year+1; y++ {
		d := model.Date{Year: y, Month: 1, Day: 1}
		if d.After(model.Date{Year: to.Year, Month: 12, Day: 31}) {
			break
		}
		c.Marks = append(c.Marks, Mark{X: scale(d), Y1: 54, Y2: 60, Label: fmt.Sprint(y), Class: "tick"})
	}
	c.Marks = append(c.Marks, Mark{X: scale(today), Y1: 10, Y2: 60, Label: lc.T("today") + " " + lc.date(today), Class: "today"})
	return c
}
