// Package sqlitedb writes parsed and validated descriptions into a SQLite
// database: one table per list of a description (partners, areas, the
// fifteen sustainability scores, indicators, gender equality, findings),
// joined to the descriptions table by description_id, with a schema that
// documents itself in the tables schema_tables and schema_columns.
//
// The database is built in one transaction in a temporary file beside the
// target and renamed into place, so an export that fails or is killed
// leaves the previous file as it was. The driver is modernc.org/sqlite,
// pure Go: building asectl needs no C compiler.
package sqlitedb

import (
	"fmt"
	"strings"
)

// SchemaVersion is the version of the database layout, stored in the meta
// table. Like the JSON documents' version it changes only when a table or
// column is renamed or removed or changes meaning; added ones keep it.
const SchemaVersion = 1

// column is one column of a table, with the JSON path it comes from.
type column struct {
	name string
	typ  string // the declared type and constraints
	json string // the path in asectl's parse JSON, "" if none
	doc  string
}

// table is one table of the schema.
type table struct {
	name    string
	doc     string
	cols    []column
	extra   []string // table constraints
	indexes []string // CREATE INDEX statements the writer needs as it writes
	// later are the other indexes (for joins, cascading deletes and
	// queries): an export into a new file builds them at its end, from
	// sorted rows, instead of row by row (measured: a fifth of the
	// export's SQLite time), or before it first replaces a row.
	later []string
}

// parent is the foreign key every list table has.
var parent = column{"description_id", "INTEGER NOT NULL REFERENCES descriptions(id) ON DELETE CASCADE", "",
	"the description the row belongs to (descriptions.id)"}

func rowID(what string) column {
	return column{"id", "INTEGER PRIMARY KEY", "", "row number of the " + what}
}

func position(list string) column {
	return column{"position", "INTEGER NOT NULL", "", "1-based place in " + list + ", as printed"}
}

// tables is the schema, in creation order (a table comes after the tables
// it refers to).
var tables = []table{
	{
		name: "meta",
		doc:  "facts about the database: asectl_version, schema_version, created and updated (UTC, RFC 3339), inputs (a JSON array of the inputs named on every export into it); how the last export checked its findings: today (the date rules' reference date, ISO), config (the configuration file, empty for none), rules (its rule settings, a JSON object of rule ID to severity or off), lang (the messages' language); exports (a JSON array with one object for every export into the file: updated, asectl_version, inputs, today, config, rules, lang, so that findings --append added under other settings can be told apart)",
		cols: []column{
			{"key", "TEXT PRIMARY KEY", "", "the fact's name"},
			{"value", "TEXT NOT NULL", "", "its value"},
		},
	},
	{
		name: "descriptions",
		doc:  "one row per input that is not a project list: a project description, or an input that could not be read as one (error is set, the other values are null)",
		cols: withFieldColumns([]column{
			rowID("description"),
			{"source", "TEXT NOT NULL", "source", "the input's path as named, or - for standard input"},
			{"error", "TEXT", "error", "why the input could not be read as a description; null when it was"},
			{"language", "TEXT", "language", "language of the page: fi or en"},
			{"fund", "TEXT", "fund", "EAKR (ERDF) or ESR (ESF)"},
			{"code", "TEXT", "project.code", "project code, such as A72213"},
			{"name", "TEXT", "project.name", "project name"},
			{"priority_axis_number", "TEXT", "project.priority_axis.number", "priority axis number, as printed (\"2\")"},
			{"priority_axis_name", "TEXT", "project.priority_axis.name", "priority axis name"},
			{"specific_objective_number", "TEXT", "project.specific_objective.number", "specific objective number, as printed (\"4.1\")"},
			{"specific_objective_name", "TEXT", "project.specific_objective.name", "specific objective name"},
			{"period_start", "TEXT", "project.period.start", "planned start, ISO date YYYY-MM-DD"},
			{"period_end", "TEXT", "project.period.end", "planned end, ISO date YYYY-MM-DD"},
			{"status", "TEXT", "project.status", "status as printed"},
			{"state", "TEXT", "project.state", "state derived from the status: running, ended, …"},
			{"authority", "TEXT", "project.authority", "funding authority"},
			{"applicant_name", "TEXT", "applicant.name", "applicant organisation"},
			{"applicant_organisation_type", "TEXT", "applicant.organisation_type", "organisation type"},
			{"applicant_business_id", "TEXT", "applicant.business_id", "Finnish business ID (Y-tunnus), as printed"},
			{"applicant_address_street", "TEXT", "applicant.address.street", "street address"},
			{"applicant_address_postal_code", "TEXT", "applicant.address.postal_code", "postal code"},
			{"applicant_address_city", "TEXT", "applicant.address.city", "post office"},
			{"applicant_phone", "TEXT", "applicant.phone", "phone number"},
			{"applicant_website", "TEXT", "applicant.website", "website"},
			{"applicant_contact_name", "TEXT", "applicant.contact.name", "contact person"},
			{"applicant_contact_title", "TEXT", "applicant.contact.title", "contact person's title"},
			{"applicant_contact_email", "TEXT", "applicant.contact.email", "contact e-mail, with (at) turned back into @"},
			{"applicant_contact_phone", "TEXT", "applicant.contact.phone", "contact phone"},
			{"applicant_applicants", "TEXT", "applicant.applicants", "the applicants line, as printed"},
			{"summary", "TEXT", "summary", "project summary"},
			{"target_groups_primary", "TEXT", "target_groups.primary", "primary target groups"},
			{"target_groups_indirect", "TEXT", "target_groups.indirect", "indirect target groups"},
			{"eu_state_granted_cents", "INTEGER", "funding.eu_state_granted", "EU and state funding granted, in euro cents (view funding_euros: euros)"},
			{"eu_state_realised_cents", "INTEGER", "funding.eu_state_realised", "EU and state funding realised, in euro cents"},
			{"public_planned_cents", "INTEGER", "funding.public_planned", "public funding planned, in euro cents"},
			{"public_realised_cents", "INTEGER", "funding.public_realised", "public funding realised, in euro cents"},
			{"area_site_street", "TEXT", "area.site.street", "project site: street address"},
			{"area_site_postal_code", "TEXT", "area.site.postal_code", "project site: postal code"},
			{"area_site_city", "TEXT", "area.site.city", "project site: post office"},
			{"final_report", "TEXT", "final_report", "final report text"},
		}),
		indexes: []string{
			// (source, code) is the row's identity: --append replaces it.
			"CREATE UNIQUE INDEX descriptions_source_code ON descriptions(source, coalesce(code, ''))",
			// One row a description: kept as it goes, these cost less
			// than two more scans of the largest table at the end.
			"CREATE INDEX descriptions_code ON descriptions(code)",
			"CREATE INDEX descriptions_objective ON descriptions(priority_axis_number, specific_objective_number)",
		},
	},
	{
		name: "partners",
		doc:  "co-implementers and transfer recipients of a description",
		cols: []column{
			rowID("partner"),
			parent,
			{"role", "TEXT NOT NULL CHECK (role IN ('co_implementer', 'transfer_recipient'))", "", "co_implementer (applicant.co_implementers) or transfer_recipient (applicant.transfer_recipients)"},
			position("the list"),
			{"name", "TEXT", "applicant.co_implementers[].name", "organisation name"},
			{"business_id", "TEXT", "applicant.co_implementers[].business_id", "its business ID, as printed"},
		},
		later: []string{"CREATE INDEX partners_description ON partners(description_id)"},
	},
	{
		name: "areas",
		doc:  "regions (maakunta), sub-regions (seutukunta) and municipalities (kunta) of a description, with Statistics Finland's codes where the name is in the classification of the project's years (2014–2021) with one code",
		cols: []column{
			rowID("area"),
			parent,
			{"level", "TEXT NOT NULL CHECK (level IN ('region', 'sub_region', 'municipality'))", "", "region (area.regions), sub_region (area.sub_regions) or municipality (area.municipalities)"},
			position("the list"),
			{"name", "TEXT", "area.regions[]", "the name as printed (sub-regions as genitive stems, such as Rovaniemen)"},
			{"code", "TEXT", "", "the classification code of the name at its level (maakunta 19, seutukunta 191, kunta 698); null if unknown or ambiguous"},
			{"sub_region_code", "TEXT", "", "for a municipality: the code of its sub-region; null otherwise or if unknown"},
			{"region_code", "TEXT", "", "for a municipality or sub-region: the code of its region; for a region its own code; null if unknown"},
		},
		later: []string{
			"CREATE INDEX areas_description ON areas(description_id)",
			"CREATE INDEX areas_level_code ON areas(level, code)",
		},
	},
	{
		name: "sustainability",
		doc:  "the sustainability scores (section 8.2): fifteen rows a complete description",
		cols: []column{
			rowID("score"),
			parent,
			position("the table"),
			{"group", "TEXT", "horizontal.sustainability[].group", "criterion group as printed (quote the name in SQL: \"group\")"},
			{"criterion", "TEXT", "horizontal.sustainability[].criterion", "criterion as printed"},
			{"criterion_ref", "INTEGER", "", "the criterion in any language: 100 × the group's place (0, 1, 2) + the criterion's place in its group (1, 2, …), so 1 … 5, 101 … 105, 201 … 205; null for a criterion the programme does not have"},
			{"direct", "INTEGER", "horizontal.sustainability[].direct", "direct effect score"},
			{"indirect", "INTEGER", "horizontal.sustainability[].indirect", "indirect effect score"},
			{"justification", "TEXT", "horizontal.sustainability[].justification", "justification"},
		},
		later: []string{
			"CREATE INDEX sustainability_description ON sustainability(description_id)",
			"CREATE INDEX sustainability_criterion ON sustainability(criterion_ref)",
		},
	},
	{
		name: "indicators",
		doc:  "the indicators of section 7, one row per indicator (new jobs, new companies, and any other, such as an ESF page's participants); figures are exact decimals with at most two fraction digits",
		cols: []column{
			rowID("indicator"),
			parent,
			{"indicator", "TEXT NOT NULL CHECK (indicator IN ('new_jobs', 'new_companies', 'other'))", "", "new_jobs (indicators.new_jobs), new_companies (indicators.new_companies) or other (indicators.other[])"},
			{"position", "INTEGER", "", "for other: 1-based place in indicators.other; null otherwise"},
			{"number", "TEXT", "indicators.other[].number", "for other: the subsection's number as printed (\"7.1\"); null otherwise"},
			{"title", "TEXT", "indicators.other[].title", "for other: the subsection's title; null otherwise"},
			{"planned_total", "NUMERIC", "indicators.*.planned.total", "planned, in total"},
			{"planned_women", "NUMERIC", "indicators.*.planned.women", "planned, of them women"},
			{"realised_total", "NUMERIC", "indicators.*.realised.total", "realised, in total"},
			{"realised_women", "NUMERIC", "indicators.*.realised.women", "realised, of them women"},
		},
		later: []string{"CREATE INDEX indicators_description ON indicators(description_id)"},
	},
	{
		name: "other_sections",
		doc:  "numbered subsections of a description that asectl does not know (\"4.3 …\", \"8.3 …\"), with their text, in document order",
		cols: []column{
			rowID("subsection"),
			parent,
			position("other_sections"),
			{"number", "TEXT", "other_sections[].number", "the heading's number as printed (\"8.3\")"},
			{"title", "TEXT", "other_sections[].title", "the heading's title"},
			{"text", "TEXT", "other_sections[].text", "the subsection's text; null when empty"},
		},
		later: []string{"CREATE INDEX other_sections_description ON other_sections(description_id)"},
	},
	{
		name: "list_rows",
		doc:  "the rows of project-list exports (EURA's project lists, 2014–2020 and 2007–2013 layouts), one row per data line; a row that could not be split has error and raw set",
		cols: []column{
			rowID("list row"),
			{"source", "TEXT NOT NULL", "source", "the list's path as named"},
			{"line", "INTEGER NOT NULL", "line", "the row's 1-based line in the list (the header is line 1)"},
			{"programme", "TEXT NOT NULL", "programme", "the list's programme: 2014-2020 or 2007-2013"},
			{"error", "TEXT", "error", "why the row could not be split into the list's columns; null when it was"},
			{"raw", "TEXT", "raw", "the line as read, when error is set; null otherwise"},
			{"fund", "TEXT", "fund", "EAKR (ERDF) or ESR (ESF)"},
			{"code", "TEXT", "project.code", "project code"},
			{"name", "TEXT", "project.name", "project name"},
			{"priority_axis_number", "TEXT", "project.priority_axis.number", "priority axis number, as printed"},
			{"period_start", "TEXT", "project.period.start", "start, ISO date YYYY-MM-DD"},
			{"period_end", "TEXT", "project.period.end", "end, ISO date YYYY-MM-DD"},
			{"status", "TEXT", "project.status", "status as printed"},
			{"state", "TEXT", "project.state", "state derived from the status: running, ended, …"},
			{"authority", "TEXT", "project.authority", "funding authority"},
			{"programme_part", "TEXT", "programme_part", "2007–2013 lists: the programme part (\"Ohjelma / osio\"); null otherwise"},
			{"applicant_name", "TEXT", "applicant.name", "beneficiary"},
			{"eu_state_granted_cents", "INTEGER", "funding.eu_state_granted", "EU and state funding granted, in euro cents"},
			{"eu_state_realised_cents", "INTEGER", "funding.eu_state_realised", "EU and state funding realised, in euro cents"},
			{"public_planned_cents", "INTEGER", "funding.public_planned", "public funding planned, in euro cents"},
			{"public_realised_cents", "INTEGER", "funding.public_realised", "public funding realised, in euro cents"},
			{"repairs", "TEXT", "repairs", "the repairs made to read the row, comma-separated (quoted, name-mark, moved-name-part, authority-comma, serial-date); null when none"},
		},
		indexes: []string{
			// An export of a list replaces every row of that source.
			"CREATE INDEX list_rows_source ON list_rows(source, line)",
		},
		later: []string{"CREATE INDEX list_rows_code ON list_rows(code)"},
	},
	{
		name: "gender_equality",
		doc:  "the three yes/no questions on gender equality (section 8.1), one row each",
		cols: []column{
			rowID("answer"),
			parent,
			{"question", "TEXT NOT NULL CHECK (question IN ('context_analysis', 'mainstreamed', 'main_goal'))", "", "the question's JSON key under horizontal.gender_equality"},
			{"answer", "INTEGER CHECK (answer IN (0, 1))", "horizontal.gender_equality.*.answer", "1 yes, 0 no, null not answered or unreadable"},
			{"justification", "TEXT", "horizontal.gender_equality.*.justification", "justification"},
		},
		later: []string{"CREATE UNIQUE INDEX gender_equality_description ON gender_equality(description_id, question)"},
	},
	{
		name: "findings",
		doc:  "what asectl validate reports for each description and project-list row, with the same rules and options (--today, --config)",
		cols: []column{
			rowID("finding"),
			{"description_id", "INTEGER REFERENCES descriptions(id) ON DELETE CASCADE", "", "the description the finding is about (descriptions.id); null for a list row's"},
			{"list_row_id", "INTEGER REFERENCES list_rows(id) ON DELETE CASCADE", "", "the project-list row the finding is about (list_rows.id); null for a description's"},
			{"rule", "TEXT NOT NULL", "files[].findings[].rule", "rule ID (asectl rules RULE explains it)"},
			{"severity", "TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info'))", "files[].findings[].severity", "error, warning or info"},
			{"message", "TEXT NOT NULL", "files[].findings[].message", "the message, in the language of --lang"},
			{"line", "INTEGER", "files[].findings[].line", "1-based line in the input; null if the finding is about the whole file"},
			{"column", "INTEGER", "files[].findings[].column", "1-based column in characters (not bytes); quote the name in SQL: \"column\""},
			{"field", "TEXT", "files[].findings[].field", "JSON path of the field, such as funding.eu_state_granted; null for the file"},
		},
		extra: []string{"CHECK ((description_id IS NULL) <> (list_row_id IS NULL))"},
		later: []string{
			"CREATE INDEX findings_description ON findings(description_id)",
			"CREATE INDEX findings_list_row ON findings(list_row_id)",
			"CREATE INDEX findings_rule ON findings(rule)",
		},
	},
	{
		name: "schema_tables",
		doc:  "what each table holds",
		cols: []column{
			{"table_name", "TEXT PRIMARY KEY", "", "table or view"},
			{"description", "TEXT NOT NULL", "", "what it holds"},
		},
	},
	{
		name: "schema_columns",
		doc:  "what each column holds, and where it is in asectl's parse JSON",
		cols: []column{
			{"table_name", "TEXT NOT NULL", "", "table or view"},
			{"column_name", "TEXT NOT NULL", "", "column"},
			{"type", "TEXT NOT NULL", "", "declared type"},
			{"json_path", "TEXT", "", "the key in asectl parse's JSON (asectl validate's for findings); null if derived"},
			{"description", "TEXT NOT NULL", "", "what it holds, with its unit"},
		},
		extra: []string{"PRIMARY KEY (table_name, column_name)"},
	},
}

// views are the views of the schema, with their docs.
var views = []struct{ name, doc, sql string }{
	{
		name: "funding_euros",
		doc:  "the four amounts of each description in euros (REAL, from the exact cents in descriptions)",
		sql: `CREATE VIEW funding_euros AS
SELECT id AS description_id, source, code, name, fund,
       priority_axis_number, specific_objective_number, state,
       eu_state_granted_cents / 100.0 AS eu_state_granted,
       eu_state_realised_cents / 100.0 AS eu_state_realised,
       public_planned_cents / 100.0 AS public_planned,
       public_realised_cents / 100.0 AS public_realised
FROM descriptions`,
	},
}

// quote quotes an SQL identifier when it must be ("group", "column").
func quote(name string) string {
	switch name {
	case "group", "column", "key", "values", "order", "index":
		return `"` + name + `"`
	}
	return name
}

// createStatements returns the DDL, one statement a string, without the
// closing semicolons: CREATE TABLE with a comment for each column, the
// indexes and the views. With later, the indexes only queries need are
// left out (laterIndexes has them).
func createStatements(later bool) []string {
	var out []string
	for _, t := range tables {
		var b strings.Builder
		fmt.Fprintf(&b, "CREATE TABLE %s ( -- %s\n", t.name, t.doc)
		n := len(t.cols) + len(t.extra)
		i := 0
		for _, c := range t.cols {
			i++
			sep := ","
			if i == n {
				sep = ""
			}
			fmt.Fprintf(&b, "  %s %s%s -- %s\n", quote(c.name), c.typ, sep, c.doc)
		}
		for _, e := range t.extra {
			i++
			sep := ","
			if i == n {
				sep = ""
			}
			fmt.Fprintf(&b, "  %s%s\n", e, sep)
		}
		b.WriteString(")")
		out = append(out, b.String())
		out = append(out, t.indexes...)
		if later {
			out = append(out, t.later...)
		}
	}
	for _, v := range views {
		out = append(out, "-- "+v.doc+"\n"+v.sql)
	}
	return out
}

// laterIndexes are the indexes an export builds at its end, as statements
// that leave an index that is there already as it is.
func laterIndexes() []string {
	var out []string
	for _, t := range tables {
		for _, ix := range t.later {
			out = append(out, strings.Replace(ix, "INDEX ", "INDEX IF NOT EXISTS ", 1))
		}
	}
	return out
}

// Schema returns the database's DDL: what asectl schema sqlite prints.
func Schema() string {
	var b strings.Builder
	fmt.Fprintf(&b, "-- asectl export --format sqlite, schema version %d\n", SchemaVersion)
	b.WriteString("-- Money is integer cents; dates are ISO text (YYYY-MM-DD); booleans 0/1.\n")
	b.WriteString("-- Every list table joins descriptions on description_id = descriptions.id.\n\n")
	for _, s := range createStatements(true) {
		b.WriteString(s)
		b.WriteString(";\n\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}
