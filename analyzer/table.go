package analyzer

import "github.com/statuslint/statuslint/internal/table"

// A Table is an API's status-code table, read: which statuses the API
// documents, what each means and whether a client may re-send a request
// that got it; for an OpenAPI spec, each operation's statuses too.
// Config.Table takes one.
type Table = table.Table

// ParseTable reads a table from data, as -codes reads a file: source is
// the file's name, whose extension and contents say its format (.rst,
// .md, .yaml, .json; an OpenAPI 3 or Swagger 2 spec), and name identifies
// the table in diagnostics. A malformed table is an error that names the
// file, the line and the problem.
func ParseTable(name, source string, data []byte) (*Table, error) {
	return table.Parse(name, source, data)
}

// LoadTable reads the table -codes names: a built-in profile (Profiles)
// or a file.
func LoadTable(spec string) (*Table, error) { return table.Load(spec) }

// Profiles lists the built-in tables, by the names -codes takes.
func Profiles() []string { return table.Profiles() }
