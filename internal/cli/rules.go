package cli

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/asectl/asectl/model"
	"github.com/asectl/asectl/validate"
)

func newRulesCmd(g *globals) *cobra.Command {
	ios := g.ios
	return &cobra.Command{
		Use:   "rules [RULE]",
		Short: "List the validation rules, or explain one",
		Long: `Rules lists every rule with its ID, its effective severity (after
.asectl.yaml or --config; "off" when turned off) and a one-line description.
With a rule ID it explains that rule, with an example.`,
		Example: `  asectl rules
  asectl rules business-id
  asectl rules --config ci/asectl.yaml`,
		Args: cobra.MaximumNArgs(1),
		ValidArgsFunction: func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return validate.IDs(), cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			rs, err := g.ruleSettings(cmd, 0, model.Date{})
			if err != nil {
				return err
			}
			effective := func(r *validate.Rule) string {
				if rs.cfg.Off[r.ID] {
					return "off"
				}
				return rs.severity(r).String()
			}
			if len(args) == 1 {
				r := validate.Lookup(args[0])
				if r == nil {
					return usagef("no rule %q; 'asectl rules' lists them", args[0])
				}
				sev := effective(r)
				if sev != r.Severity.String() {
					sev += ", default " + r.Severity.String()
				}
				fmt.Fprintf(ios.Out, "%s (%s)\n\n%s.\n\n%s\n", r.ID, sev, capitalise(r.Doc), r.Explain)
				return nil
			}
			tw := tabwriter.NewWriter(ios.Out, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "RULE\tSEVERITY\tDESCRIPTION")
			for _, r := range validate.Rules() {
				fmt.Fprintf(tw, "%s\t%s\t%s\n", r.ID, effective(r), r.Doc)
			}
			return tw.Flush()
		},
	}
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
