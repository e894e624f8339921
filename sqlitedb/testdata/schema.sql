-- asectl export --format sqlite, schema version 1
-- Money is integer cents; dates are ISO text (YYYY-MM-DD); booleans 0/1.
-- Every list table joins descriptions on description_id = descriptions.id.

CREATE TABLE meta ( -- facts about the database: asectl_version, schema_version, created and updated (UTC, RFC 3339), inputs (a JSON array of the inputs named on every export into it); how the last export checked its findings: today (the date rules' reference date, ISO), config (the configuration file, empty for none), rules (its rule settings, a JSON object of rule ID to severity or off), lang (the messages' language); exports (a JSON array with one object for every export into the file: updated, asectl_version, inputs, today, config, rules, lang, so that findings --append added under other settings can be told apart)
  "key" TEXT PRIMARY KEY, -- the fact's name
  value TEXT NOT NULL -- its value
);

CREATE TABLE descriptions ( -- one row per input that is not a project list: a project description, or an input that could not be read as one (error is set, the other values are null)
  id INTEGER PRIMARY KEY, -- row number of the description
  source TEXT NOT NULL, -- the input's path as named, or - for standard input
  error TEXT, -- why the input could not be read as a description; null when it was
  language TEXT, -- language of the page: fi or en
  fund TEXT, -- EAKR (ERDF) or ESR (ESF)
  code TEXT, -- project code, such as A72213
  name TEXT, -- project name
  priority_axis_number TEXT, -- priority axis number, as printed ("2")
  priority_axis_name TEXT, -- priority axis name
  specific_objective_number TEXT, -- specific objective number, as printed ("4.1")
  specific_objective_name TEXT, -- specific objective name
  period_start TEXT, -- planned start, ISO date YYYY-MM-DD
  period_end TEXT, -- planned end, ISO date YYYY-MM-DD
  status TEXT, -- status as printed
  state TEXT, -- state derived from the status: running, ended, …
  authority TEXT, -- funding authority
  applicant_name TEXT, -- applicant organisation
  applicant_organisation_type TEXT, -- organisation type
  applicant_business_id TEXT, -- Finnish business ID (Y-tunnus), as printed
  applicant_address_street TEXT, -- street address
  applicant_address_postal_code TEXT, -- postal code
  applicant_address_city TEXT, -- post office
  applicant_phone TEXT, -- phone number
  applicant_website TEXT, -- website
  applicant_contact_name TEXT, -- contact person
  applicant_contact_title TEXT, -- contact person's title
  applicant_contact_email TEXT, -- contact e-mail, with (at) turned back into @
  applicant_contact_phone TEXT, -- contact phone
  applicant_applicants TEXT, -- the applicants line, as printed
  summary TEXT, -- project summary
  target_groups_primary TEXT, -- primary target groups
  target_groups_indirect TEXT, -- indirect target groups
  eu_state_granted_cents INTEGER, -- EU and state funding granted, in euro cents (view funding_euros: euros)
  eu_state_realised_cents INTEGER, -- EU and state funding realised, in euro cents
  public_planned_cents INTEGER, -- public funding planned, in euro cents
  public_realised_cents INTEGER, -- public funding realised, in euro cents
  area_site_street TEXT, -- project site: street address
  area_site_postal_code TEXT, -- project site: postal code
  area_site_city TEXT, -- project site: post office
  final_report TEXT -- final report text
);

CREATE UNIQUE INDEX descriptions_source_code ON descriptions(source, coalesce(code, ''));

CREATE INDEX descriptions_code ON descriptions(code);

CREATE INDEX descriptions_objective ON descriptions(priority_axis_number, specific_objective_number);

CREATE TABLE partners ( -- co-implementers and transfer recipients of a description
  id INTEGER PRIMARY KEY, -- row number of the partner
  description_id INTEGER NOT NULL REFERENCES descriptions(id) ON DELETE CASCADE, -- the description the row belongs to (descriptions.id)
  role TEXT NOT NULL CHECK (role IN ('co_implementer', 'transfer_recipient')), -- co_implementer (applicant.co_implementers) or transfer_recipient (applicant.transfer_recipients)
  position INTEGER NOT NULL, -- 1-based place in the list, as printed
  name TEXT, -- organisation name
  business_id TEXT -- its business ID, as printed
);

CREATE INDEX partners_description ON partners(description_id);

CREATE TABLE areas ( -- regions (maakunta), sub-regions (seutukunta) and municipalities (kunta) of a description, with Statistics Finland's codes where the name is in the classification of the project's years (2014–2021) with one code
  id INTEGER PRIMARY KEY, -- row number of the area
  description_id INTEGER NOT NULL REFERENCES descriptions(id) ON DELETE CASCADE, -- the description the row belongs to (descriptions.id)
  level TEXT NOT NULL CHECK (level IN ('region', 'sub_region', 'municipality')), -- region (area.regions), sub_region (area.sub_regions) or municipality (area.municipalities)
  position INTEGER NOT NULL, -- 1-based place in the list, as printed
  name TEXT, -- the name as printed (sub-regions as genitive stems, such as Rovaniemen)
  code TEXT, -- the classification code of the name at its level (maakunta 19, seutukunta 191, kunta 698); null if unknown or ambiguous
  sub_region_code TEXT, -- for a municipality: the code of its sub-region; null otherwise or if unknown
  region_code TEXT -- for a municipality or sub-region: the code of its region; for a region its own code; null if unknown
);

CREATE INDEX areas_description ON areas(description_id);

CREATE INDEX areas_level_code ON areas(level, code);

CREATE TABLE sustainability ( -- the sustainability scores (section 8.2): fifteen rows a complete description
  id INTEGER PRIMARY KEY, -- row number of the score
  description_id INTEGER NOT NULL REFERENCES descriptions(id) ON DELETE CASCADE, -- the description the row belongs to (descriptions.id)
  position INTEGER NOT NULL, -- 1-based place in the table, as printed
  "group" TEXT, -- criterion group as printed (quote the name in SQL: "group")
  criterion TEXT, -- criterion as printed
  criterion_ref INTEGER, -- the criterion in any language: 100 × the group's place (0, 1, 2) + the criterion's place in its group (1, 2, …), so 1 … 5, 101 … 105, 201 … 205; null for a criterion the programme does not have
  direct INTEGER, -- direct effect score
  indirect INTEGER, -- indirect effect score
  justification TEXT -- justification
);

CREATE INDEX sustainability_description ON sustainability(description_id);

CREATE INDEX sustainability_criterion ON sustainability(criterion_ref);

CREATE TABLE indicators ( -- the indicators of section 7, one row per indicator (new jobs, new companies, and any other, such as an ESF page's participants); figures are exact decimals with at most two fraction digits
  id INTEGER PRIMARY KEY, -- row number of the indicator
  description_id INTEGER NOT NULL REFERENCES descriptions(id) ON DELETE CASCADE, -- the description the row belongs to (descriptions.id)
  indicator TEXT NOT NULL CHECK (indicator IN ('new_jobs', 'new_companies', 'other')), -- new_jobs (indicators.new_jobs), new_companies (indicators.new_companies) or other (indicators.other[])
  position INTEGER, -- for other: 1-based place in indicators.other; null otherwise
  number TEXT, -- for other: the subsection's number as printed ("7.1"); null otherwise
  title TEXT, -- for other: the subsection's title; null otherwise
  planned_total NUMERIC, -- planned, in total
  planned_women NUMERIC, -- planned, of them women
  realised_total NUMERIC, -- realised, in total
  realised_women NUMERIC -- realised, of them women
);

CREATE INDEX indicators_description ON indicators(description_id);

CREATE TABLE other_sections ( -- numbered subsections of a description that asectl does not know ("4.3 …", "8.3 …"), with their text, in document order
  id INTEGER PRIMARY KEY, -- row number of the subsection
  description_id INTEGER NOT NULL REFERENCES descriptions(id) ON DELETE CASCADE, -- the description the row belongs to (descriptions.id)
  position INTEGER NOT NULL, -- 1-based place in other_sections, as printed
  number TEXT, -- the heading's number as printed ("8.3")
  title TEXT, -- the heading's title
  text TEXT -- the subsection's text; null when empty
);

CREATE INDEX other_sections_description ON other_sections(description_id);

CREATE TABLE list_rows ( -- the rows of project-list exports (EURA's project lists, 2014–2020 and 2007–2013 layouts), one row per data line; a row that could not be split has error and raw set
  id INTEGER PRIMARY KEY, -- row number of the list row
  source TEXT NOT NULL, -- the list's path as named
  line INTEGER NOT NULL, -- the row's 1-based line in the list (the header is line 1)
  programme TEXT NOT NULL, -- the list's programme: 2014-2020 or 2007-2013
  error TEXT, -- why the row could not be split into the list's columns; null when it was
  raw TEXT, -- the line as read, when error is set; null otherwise
  fund TEXT, -- EAKR (ERDF) or ESR (ESF)
  code TEXT, -- project code
  name TEXT, -- project name
  priority_axis_number TEXT, -- priority axis number, as printed
  period_start TEXT, -- start, ISO date YYYY-MM-DD
  period_end TEXT, -- end, ISO date YYYY-MM-DD
  status TEXT, -- status as printed
  state TEXT, -- state derived from the status: running, ended, …
  authority TEXT, -- funding authority
  programme_part TEXT, -- 2007–2013 lists: the programme part ("Ohjelma / osio"); null otherwise
  applicant_name TEXT, -- beneficiary
  eu_state_granted_cents INTEGER, -- EU and state funding granted, in euro cents
  eu_state_realised_cents INTEGER, -- EU and state funding realised, in euro cents
  public_planned_cents INTEGER, -- public funding planned, in euro cents
  public_realised_cents INTEGER, -- public funding realised, in euro cents
  repairs TEXT -- the repairs made to read the row, comma-separated (quoted, name-mark, moved-name-part, authority-comma, serial-date); null when none
);

CREATE INDEX list_rows_source ON list_rows(source, line);

CREATE INDEX list_rows_code ON list_rows(code);

CREATE TABLE gender_equality ( -- the three yes/no questions on gender equality (section 8.1), one row each
  id INTEGER PRIMARY KEY, -- row number of the answer
  description_id INTEGER NOT NULL REFERENCES descriptions(id) ON DELETE CASCADE, -- the description the row belongs to (descriptions.id)
  question TEXT NOT NULL CHECK (question IN ('context_analysis', 'mainstreamed', 'main_goal')), -- the question's JSON key under horizontal.gender_equality
  answer INTEGER CHECK (answer IN (0, 1)), -- 1 yes, 0 no, null not answered or unreadable
  justification TEXT -- justification
);

CREATE UNIQUE INDEX gender_equality_description ON gender_equality(description_id, question);

CREATE TABLE findings ( -- what asectl validate reports for each description and project-list row, with the same rules and options (--today, --config)
  id INTEGER PRIMARY KEY, -- row number of the finding
  description_id INTEGER REFERENCES descriptions(id) ON DELETE CASCADE, -- the description the finding is about (descriptions.id); null for a list row's
  list_row_id INTEGER REFERENCES list_rows(id) ON DELETE CASCADE, -- the project-list row the finding is about (list_rows.id); null for a description's
  rule TEXT NOT NULL, -- rule ID (asectl rules RULE explains it)
  severity TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')), -- error, warning or info
  message TEXT NOT NULL, -- the message, in the language of --lang
  line INTEGER, -- 1-based line in the input; null if the finding is about the whole file
  "column" INTEGER, -- 1-based column in characters (not bytes); quote the name in SQL: "column"
  field TEXT, -- JSON path of the field, such as funding.eu_state_granted; null for the file
  CHECK ((description_id IS NULL) <> (list_row_id IS NULL))
);

CREATE INDEX findings_description ON findings(description_id);

CREATE INDEX findings_list_row ON findings(list_row_id);

CREATE INDEX findings_rule ON findings(rule);

CREATE TABLE schema_tables ( -- what each table holds
  table_name TEXT PRIMARY KEY, -- table or view
  description TEXT NOT NULL -- what it holds
);

CREATE TABLE schema_columns ( -- what each column holds, and where it is in asectl's parse JSON
  table_name TEXT NOT NULL, -- table or view
  column_name TEXT NOT NULL, -- column
  type TEXT NOT NULL, -- declared type
  json_path TEXT, -- the key in asectl parse's JSON (asectl validate's for findings); null if derived
  description TEXT NOT NULL, -- what it holds, with its unit
  PRIMARY KEY (table_name, column_name)
);

-- the four amounts of each description in euros (REAL, from the exact cents in descriptions)
CREATE VIEW funding_euros AS
SELECT id AS description_id, source, code, name, fund,
       priority_axis_number, specific_objective_number, state,
       eu_state_granted_cents / 100.0 AS eu_state_granted,
       eu_state_realised_cents / 100.0 AS eu_state_realised,
       public_planned_cents / 100.0 AS public_planned,
       public_realised_cents / 100.0 AS public_realised
FROM descriptions;
