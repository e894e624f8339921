package cli

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/asectl/asectl/validate"
)

func newRulesCmd(ios *IOStreams) *cobra.Command {
	return &cobra.Command{
		Use:   "rules [RULE]",
		Short: "List the validation rules, or explain one",
		Long: `Rules lists every rule with its ID, severity and a one-line description.
With a rule ID it explains that rule, with an example.`,
		Example: `  asectl rules
  asectl rules business-id`,
		Args: cobra.MaximumNArgs(1),
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return validate.IDs(), cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				r := validate.Lookup(args[0])
				if r == nil {
					return usagef("no rule %q; 'asectl rules' lists them", args[0])
				}
				fmt.Fprintf(ios.Out, "%s (%s)\n\n%s.\n\n%s\n", r.ID, r.Severity, capitalise(r.Doc), r.Explain)
				return nil
			}
			tw := tabwriter.NewWriter(ios.Out, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "RULE\tSEVERITY\tDESCRIPTION")
			for _, r := range validate.Rules() {
				fmt.Fprintf(tw, "%s\t%s\t%s\n", r.ID, r.Severity, r.Doc)
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
