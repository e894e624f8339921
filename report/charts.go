package report

import (
	"fmt"
	"math"
	"strings"
	"unicode"

	"github.com/asectl/asectl/model"
)

// The charts are plain SVG drawn from these geometries by the page's
// writer (html.go), which escapes every label. Geometry is in SVG user
// units, and the SVG scales to the page width, so each chart is drawn
// twice: a wide drawing for screens and print, and a compact one that the
// page shows instead on a phone, where the wide one's 12-unit text would
// shrink below 10 CSS pixels. A text's width is not known before the
// browser lays it out; charWidth is a safe estimate for the page's 12px
// sans-serif (digits and Finnish lower case are 0.5–0.6 em), and every
// label is placed and clipped by it so that it stays inside its drawing
// (the browser test measures that).

// Bar is one bar with its labels.
type Bar struct {
	Label          string // the row label, clipped to fit; empty for none
	Full           string // the whole label, for the tooltip
	Value          string // at the end of the bar
	Class          string
	X, Y, W, H     float64
	LabelX, LabelY float64
	LabelAnchor    string // text-anchor of the label: start or end
	TextY          float64
	ValueX         float64
}

// Mark is a vertical line or a tick with a label.
type Mark struct {
	X, Y1, Y2      float64
	Label          string
	LabelX, LabelY float64
	Anchor         string // text-anchor of the label: start, middle or end
	Class          string
}

// Heading is a group title inside a chart.
type Heading struct {
	Y     float64
	Label string // clipped to fit
	Full  string // the whole title, for the tooltip
}

// Chart is one SVG chart.
type Chart struct {
	Form          string // "wide" or "compact": which screens show it
	Title         string
	Desc          string // the accessible description
	Width, Height float64
	Bars          []Bar
	Marks         []Mark
	Headings      []Heading
	Legend        []Legend
	// Span is a background band (the programme period on the timeline).
	Span *Bar
	// Compact is the same chart drawn for a narrow screen; nil on the
	// compact drawing itself.
	Compact *Chart
}

// Legend names a bar class.
type Legend struct {
	Class, Label string
	X            float64
}

// form is the geometry of one of a chart's two drawings.
type form struct {
	name       string
	width      float64
	labelWidth float64 // where the bars start; 0 when labels stand above them
	valueSpace float64 // room right of the longest bar for its value
	maxTicks   int     // at most this many year ticks on a timeline
}

var (
	wideForm    = form{name: "wide", width: 900, labelWidth: 440, valueSpace: 110, maxTicks: 14}
	compactForm = form{name: "compact", width: 360, labelWidth: 0, valueSpace: 96, maxTicks: 6}
)

const (
	// charWidth is the estimated width of one character of 12-unit text;
	// boldWidth of bold text.
	charWidth = 7.0
	boldWidth = 7.6
	// edge is the margin every label keeps from the drawing's edges.
	edge      = 4.0
	rowHeight = 22.0
	barHeight = 14.0
	topPad    = 28.0
)

// textWidth estimates the width of s in 12-unit text, a character at a
// time by runeWidth (bold text boldWidth/charWidth times wider).
func textWidth(s string, bold bool) float64 {
	w := 0.0
	for _, r := range s {
		w += runeWidth(r)
	}
	if bold {
		w *= boldWidth / charWidth
	}
	return round1(w)
}

// runeWidth bounds the width of r in 12-unit regular text from above, by
// classes of characters as DejaVu Sans (Linux's usual sans-serif, wider
// than most) draws them: an estimate of charWidth for every character took
// an all-capitals name ("W" is 11.9 units) or a long amount (a digit 7.6)
// for shorter than it is, and it left its drawing.
func runeWidth(r rune) float64 {
	switch {
	case r < 0x80 && strings.ContainsRune(" .,:;!|'il", r) || r == '\u00a0' || r == '\u202f':
		return 4
	case r < 0x80 && strings.ContainsRune("tfrj-()[]/\"", r):
		return 5
	case r == 'm' || r == 'w' || r == 'M' || r == 'W' || r == '@' || r == '%' || r == '…':
		return 12
	case unicode.IsUpper(r):
		return 9.4
	case unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hangul, r) || r >= 0x1F000:
		return 12
	}
	return 7.7
}

// fit clips s to at most width units of text, ending it with "…".
func fit(s string, width float64, bold bool) string {
	if textWidth(s, bold) <= width {
		return s
	}
	w := charWidth
	if bold {
		w = boldWidth
	}
	r := []rune(s)
	n, room := 0, width-runeWidth('…')*w/charWidth
	for n < len(r) {
		cw := runeWidth(r[n])
		if bold {
			cw *= boldWidth / charWidth
		}
		if room < cw {
			break
		}
		room -= cw
		n++
	}
	if n < 1 {
		return "…"
	}
	return string(r[:n]) + "…"
}

// place returns the x at which text of width w starts so that it stands
// as near x as the drawing's edges allow.
func place(x, w, width float64) float64 {
	return round1(math.Max(edge, math.Min(x, width-edge-w)))
}

// barRow is one input row of a horizontal bar chart.
type barRow struct {
	label, value, class string
	v                   float64
	heading             string // starts a group before this row
}

// hbars lays out a horizontal bar chart with a shared scale, wide and
// compact.
func hbars(title, desc string, rows []barRow, max float64, legend []Legend) Chart {
	c := hbarsForm(wideForm, title, desc, rows, max, legend)
	compact := hbarsForm(compactForm, title, desc, rows, max, legend)
	c.Compact = &compact
	return c
}

func hbarsForm(f form, title, desc string, rows []barRow, max float64, legend []Legend) Chart {
	if max <= 0 {
		max = 1
	}
	// The values at the bars' ends get the room the widest of them needs
	// (an amount mistyped with three zeros too many is still drawn whole),
	// but the bars keep at least a third of the drawing.
	valueSpace := f.valueSpace
	for _, r := range rows {
		valueSpace = math.Max(valueSpace, 6+textWidth(r.value, false)+edge)
	}
	valueSpace = math.Min(valueSpace, (f.width-f.labelWidth)*2/3)
	plot := f.width - f.labelWidth - valueSpace - edge
	c := Chart{Form: f.name, Title: title, Desc: desc, Width: f.width}
	x := math.Max(f.labelWidth, edge)
	for _, l := range legend {
		l.Label = fit(l.Label, f.width-x-16-edge, false)
		l.X = round1(x)
		c.Legend = append(c.Legend, l)
		x += 16 + textWidth(l.Label, false) + 20
	}
	y := topPad
	for _, r := range rows {
		if r.heading != "" {
			c.Headings = append(c.Headings, Heading{Y: y + 12, Label: fit(r.heading, f.width-2*edge, true), Full: r.heading})
			y += rowHeight
		}
		b := Bar{Full: r.label, Value: r.value, Class: r.class, H: barHeight}
		if f.labelWidth > 0 {
			// The label at the left, ending where the bar starts.
			b.Label = fit(r.label, f.labelWidth-6-edge, false)
			b.LabelX, b.LabelAnchor = f.labelWidth-6, "end"
			b.Y = y
			b.LabelY = y + barHeight - 3
			y += rowHeight
		} else {
			// The label on a line of its own above the bar.
			if r.label != "" {
				b.Label = fit(r.label, f.width-2*edge, false)
				b.LabelX, b.LabelAnchor = edge, "start"
				b.LabelY = y + 10
				y += 14
			}
			b.Y = y
			y += barHeight + 4
			if r.label != "" || r.heading != "" {
				y += 2
			}
		}
		w := math.Max(0, math.Min(1, r.v/max)) * plot
		b.X, b.W = math.Max(f.labelWidth, edge), round1(w)
		b.TextY = b.Y + barHeight - 3
		b.ValueX = place(b.X+w+6, textWidth(r.value, false), f.width)
		c.Bars = append(c.Bars, b)
	}
	c.Height = y + 8
	return c
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }

func fixedFloat(x model.Fixed2) float64 { return float64(x) / 100 }

// dayNumber counts days from 1970 for placing dates on a line.
func dayNumber(d model.Date) float64 { return float64(d.Time().Unix()) / 86400 }

// The timeline's sensible range: a date outside it (a typo such as
// 1.1.1000, or --today 0001-01-01) is drawn at the edge and marked, never
// thousands of years away. The programme's eligibility runs 2014–2023
// (Regulation (EU) 1303/2013 art. 65); these bounds leave room for the
// dates a real description or reference date holds.
var (
	timelineMin = model.Date{Year: 2000, Month: 1, Day: 1}
	timelineMax = model.Date{Year: 2050, Month: 12, Day: 31}
)

// tickSteps are the spans between year ticks, tried in order until the
// ticks fit the drawing's count.
var tickSteps = []int{1, 2, 5, 10, 20, 50, 100}

// timeline draws the programme period, the project's period and today.
func timeline(lc *locale, per model.Period, today model.Date) Chart {
	c := timelineForm(wideForm, lc, per, today)
	compact := timelineForm(compactForm, lc, per, today)
	c.Compact = &compact
	return c
}

func timelineForm(f form, lc *locale, per model.Period, today model.Date) Chart {
	prog := [2]model.Date{{Year: 2014, Month: 1, Day: 1}, {Year: 2023, Month: 12, Day: 31}}
	clamp := func(d model.Date) (model.Date, string) {
		switch {
		case d.Before(timelineMin):
			return timelineMin, "◂ "
		case d.After(timelineMax):
			return timelineMax, " ▸"
		}
		return d, ""
	}
	from, to := prog[0], prog[1]
	for _, d := range []model.Field[model.Date]{per.Start, per.End, {Value: today, Valid: true}} {
		if !d.Valid {
			continue
		}
		d, _ := clamp(d.Value)
		if d.Before(from) {
			from = d
		}
		if d.After(to) {
			to = d
		}
	}
	from = model.Date{Year: from.Year, Month: 1, Day: 1}
	to = model.Date{Year: to.Year, Month: 12, Day: 31}
	x0, x1 := 20.0, f.width-20
	scale := func(d model.Date) float64 {
		d, _ = clamp(d)
		return round1(x0 + (dayNumber(d)-dayNumber(from))/(dayNumber(to)-dayNumber(from))*(x1-x0))
	}
	c := Chart{
		Form: f.name, Title: lc.T("Implementation period"), Width: f.width, Height: 120,
		Desc: lc.T("The project's period against the programme period 2014–2023 and the reference date."),
	}
	progLabel := fit(lc.T("Programme 2014–2023"), f.width-2*edge, false)
	c.Span = &Bar{Class: "span", X: scale(prog[0]), Y: 20, W: scale(prog[1]) - scale(prog[0]), H: 34,
		Label: progLabel, LabelX: place(scale(prog[0]), textWidth(progLabel, false), f.width), LabelY: 14}
	if per.Start.Valid && per.End.Valid && !per.End.Value.Before(per.Start.Value) {
		x := scale(per.Start.Value)
		w := math.Max(2, scale(per.End.Value)-x)
		_, before := clamp(per.Start.Value)
		_, after := clamp(per.End.Value)
		label := fit(before+lc.date(per.Start.Value)+" – "+lc.date(per.End.Value)+after, f.width-2*edge, false)
		c.Bars = append(c.Bars, Bar{Class: "bar project", X: x, Y: 28, W: w, H: 18,
			Value: label, TextY: 94, ValueX: place(x, textWidth(label, false), f.width)})
	} else if per.Start.Valid || per.End.Valid {
		// A period that cannot be drawn — its end before its start, or one
		// date unreadable — is still named under the axis, at the date that
		// was read, with no bar: the chart drew nothing and said nothing.
		dates := [2]string{"?", "?"}
		x := -1.0
		for i, d := range [2]model.Field[model.Date]{per.Start, per.End} {
			if !d.Valid {
				continue
			}
			_, mark := clamp(d.Value)
			if mark == "◂ " {
				dates[i] = mark + lc.date(d.Value)
			} else {
				dates[i] = lc.date(d.Value) + mark
			}
			if x < 0 {
				x = scale(d.Value)
			}
		}
		label := fit(dates[0]+" – "+dates[1], f.width-2*edge, false)
		c.Bars = append(c.Bars, Bar{Class: "bar project", X: x, Y: 28, W: 0, H: 18,
			Value: label, TextY: 94, ValueX: place(x, textWidth(label, false), f.width)})
	}
	step := tickSteps[len(tickSteps)-1]
	for _, s := range tickSteps {
		if (to.Year-from.Year)/s+1 <= f.maxTicks {
			step = s
			break
		}
	}
	for y := (from.Year + step - 1) / step * step; y <= to.Year; y += step {
		d := model.Date{Year: y, Month: 1, Day: 1}
		label := fmt.Sprint(y)
		w := textWidth(label, false)
		c.Marks = append(c.Marks, Mark{X: scale(d), Y1: 56, Y2: 62, Label: label, Class: "tick",
			LabelX: round1(place(scale(d)-w/2, w, f.width) + w/2), LabelY: 76, Anchor: "middle"})
	}
	_, mark := clamp(today)
	label := fit(lc.T("today")+" "+lc.date(today), f.width-2*edge-textWidth(mark, false), false)
	if mark == "◂ " {
		label = mark + label
	} else {
		label += mark
	}
	x := scale(today)
	c.Marks = append(c.Marks, Mark{X: x, Y1: 18, Y2: 62, Label: label, Class: "today",
		LabelX: place(x-textWidth(label, false)/2, textWidth(label, false), f.width), LabelY: 112, Anchor: "start"})
	return c
}
