package cli

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/asectl/asectl/findings"
	"github.com/asectl/asectl/model"
	"github.com/asectl/asectl/report"
	"github.com/asectl/asectl/validate"
)

func newReportCmd(g *globals) *cobra.Command {
	ios := g.ios
	var (
		common commonFlags
		format string
		out    string
		today  model.Date
	)
	cmd := &cobra.Command{
		Use:   "report FILE|DIR|- ...",
		Short: "Write a one-page summary (HTML or Markdown) of one description or a portfolio",
		Long: `Report turns one description into a one-page summary — header facts, the
period on a timeline, funding bars with execution rates, the sustainability
scores, the indicators, the findings, and the free texts last — or many into a
portfolio: counts by fund, axis, objective, state and region, funding by axis
and region, the spread of execution rates, mean scores, the most frequent
findings and a sortable table of every project.

HTML is one self-contained file (inline CSS and SVG, no external requests) that
prints well and reads on a phone; Markdown fits a pull-request comment.
--lang fi formats amounts and dates the Finnish way (1 551 280 €, 13.2.2016)
and sorts names in Finnish order.`,
		Example: `  asectl report -o A72213.html testdata/A72213.txt
  asectl report --format md testdata/A72213.txt
  asectl report --lang fi -o portfolio.html descriptions/`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			l, err := g.begin(cmd, &common)
			if err != nil {
				return err
			}
			if format == "markdown" {
				format = "md"
			}
			if format != "html" && format != "md" {
				return usagef("unknown --format %q (valid: html, md)", format)
			}
			rs, err := g.ruleSettings(cmd, 0, today)
			if err != nil {
				return err
			}
			b, err := g.newBatch(args, &common, l)
			if err != nil {
				return err
			}
			common.acceptJSON = true
			portfolio := len(b.inputs) > 1 || b.dirs
			o, err := g.openOutput(out, b)
			if err != nil {
				return err
			}
			ref := rs.cfg.Today
			if ref == (model.Date{}) {
				ref = model.DateOf(time.Now())
			}
			opt := report.Options{Lang: l.Lang, Today: ref, Version: Version()}
			// A portfolio takes each description in as it comes and keeps
			// none of them (memory stays flat over a whole programme); a
			// one-project page needs its description whole.
			var pf *report.Portfolio
			if portfolio {
				pf = report.NewPortfolio(opt)
			}
			var items []report.Item
			err = runBatch(b,
				func(in input) (reportItem, outcome, error) {
					p, o, err := parseInput(in, ios, &common)
					if o == outRead && p.list {
						// A project list: one project a row, in a portfolio.
						its, err := listItems(&p, &common, rs.cfg)
						if err != nil {
							return reportItem{nil, p}, outInternal, err
						}
						return reportItem{its, p}, o, nil
					}
					it := report.Item{Source: findings.PathText(in.Name)}
					if p.docs != nil {
						// asectl's parse JSON: each description, by its
						// source. The documents view none of the input.
						p.releaseInput()
						its := make([]report.Item, len(p.docs))
						for i, d := range p.docs {
							if its[i], err = jsonItem(d, rs.cfg); err != nil {
								return reportItem{nil, p}, outInternal, err
							}
						}
						return reportItem{its, p}, o, err
					}
					if o == outRead && p.json {
						// Several documents: read and checked one at a
						// time as the page takes them in (below), so that
						// no more than one is held.
						return reportItem{nil, p}, o, nil
					}
					if o == outRead {
						it.Doc = p.res.Doc
						// The page lists at most report.MaxShownFindings
						// and counts the rest as they are made (a
						// description can give 900,000); the input's
						// bytes go first, as for validate.
						p.releaseInput()
						fs, st := validate.CheckStream(p.res, rs.cfg, streamChunk)
						it.Findings = fs
						if st != nil {
							_ = st.Each(nil, it.AddFindings) // AddFindings returns no error
						}
					}
					return reportItem{[]report.Item{it}, p}, o, err
				},
				func(r *item[reportItem]) error {
					defer r.R.p.release()
					its := r.R.its
					if r.Outcome == outRead && r.R.p.json {
						// Two documents or more (eachDoc): a portfolio,
						// as below for a project list, which takes in
						// one description at a time and keeps none.
						if pf == nil {
							pf = report.NewPortfolio(opt)
							for _, it := range items {
								pf.Add(it)
							}
							items = nil
						}
						ok, err := rereadDocs(r.In.Name, func(d *model.Description) error {
							it, err := jsonItem(d, rs.cfg)
							if err == nil {
								pf.Add(it)
							}
							return err
						})
						if err == nil && !ok {
							// parseInput read them all: the file changed
							// since, and the page would lack some of it.
							err = fmt.Errorf("%s: cannot read: %w", termName(r.In.Name), errChanged)
						}
						return err
					}
					if r.Outcome != outRead || len(its) == 0 {
						its = []report.Item{{Source: findings.PathText(r.In.Name), Error: b.reason(r.Outcome, r.Err)}}
					}
					for _, it := range its {
						if pf != nil {
							pf.Add(it) // it keeps copies
						} else {
							items = append(items, it)
						}
					}
					return nil
				})
			if err == nil && pf == nil && len(items) > 1 {
				// One input that held several projects (a project list):
				// a portfolio, as for a folder.
				pf = report.NewPortfolio(opt)
				for _, it := range items {
					pf.Add(it)
				}
			}
			if err == nil {
				switch {
				case pf != nil && format == "html":
					err = pf.HTML(o)
				case pf != nil:
					err = pf.Markdown(o)
				case format == "html":
					err = report.HTML(o, items, opt)
				default:
					err = report.Markdown(o, items, opt)
				}
			}
			return finish(ios, o, err, b.exitFor())
		},
	}
	common.register(cmd)
	f := cmd.Flags()
	f.StringVar(&format, "format", "html", "html (one self-contained page) or md (GitHub-flavoured Markdown)")
	f.StringVarP(&out, "output", "o", "", "write the report to this file, atomically")
	dateFlag(f, &today, "today", "reference date YYYY-MM-DD for the timeline and the date rules (default: today in .asectl.yaml, else today)")
	_ = cmd.RegisterFlagCompletionFunc("format", fixedCompletion("html", "md"))
	return cmd
}

// jsonItem is the report's item of one description read from asectl's
// parse JSON, by its source: its findings listed up to
// report.MaxShownFindings and counted as they are made, as for a text
// input. An error is the findings' stream's (a bug).
func jsonItem(d *model.Description, cfg validate.Config) (report.Item, error) {
	it := report.Item{Source: d.Source}
	if d.Error.Valid {
		it.Error = d.Error.Value
		it.Findings = checkDoc(d, cfg)
		return it, nil
	}
	it.Doc = d
	fs, st := validate.CheckDescriptionStream(d, cfg, jsonStreamChunk())
	it.Findings = fs
	if st != nil {
		if err := st.Each(nil, it.AddFindings); err != nil {
			return report.Item{}, err
		}
	}
	return it, nil
}

// reportItem is one input's part of a report, with the parse whose input
// buffer goes back to the pool once the item is used.
type reportItem struct {
	its []report.Item // one, or each description of asectl's parse JSON
	p   parsed
}
