package cli

import (
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/asectl/asectl/schema"
	"github.com/asectl/asectl/sqlitedb"
)

func newSchemaCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "schema [parse|findings|list-row|sqlite]",
		Short: "Print the JSON Schema of an output, or the SQL of asectl export",
		Long: `Schema prints the JSON Schema (draft 2020-12) of asectl's JSON documents:
"parse" (the default) for the output of asectl parse, "findings" for asectl
validate --format json, "list-row" for a row of a project-list export as asectl
parse writes it. Every document carries a "version" key that changes only when
a key is renamed or removed or changes meaning. "sqlite" prints the SQL (DDL)
of the database asectl export --format sqlite writes.`,
		Example: `  asectl schema parse > parse.schema.json
  asectl schema findings
  asectl schema list-row
  asectl schema sqlite`,
		Args:      cobra.MaximumNArgs(1),
		ValidArgs: append(schema.Names(), "sqlite"),
		RunE: func(cmd *cobra.Command, args []string) error {
			name := "parse"
			if len(args) == 1 {
				name = args[0]
			}
			if name == "sqlite" {
				_, err := io.WriteString(g.ios.Out, sqlitedb.Schema())
				return err
			}
			b, err := schema.Get(name)
			if err != nil {
				// sqlite is this command's, not package schema's.
				return usagef("no schema %q (valid: %s)", name, strings.Join(cmd.ValidArgs, ", "))
			}
			_, err = g.ios.Out.Write(b)
			return err
		},
	}
}
