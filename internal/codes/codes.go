package codes

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"honnef.co/go/tools/analysis/edit"

	"github.com/statuslint/statuslint/internal/config"
	"github.com/statuslint/statuslint/internal/requests"
	"github.com/statuslint/statuslint/internal/status"
	"github.com/statuslint/statuslint/internal/table"
	"github.com/statuslint/statuslint/internal/typesx"
)

// codeChecker is the codes pass's state: it checks each status the sinks
// pass found against the table, and fixes raw literals.
type codeChecker struct {
	Pass *analysis.Pass
	*status.Index
	// requests reads the URLs of the package's requests (tableOf).
	requests  *requests.Reader
	tab       *table.Table
	constants string
	// settings are the package's: the tables of the APIs its requests
	// go to judge the comparisons of their responses (tableOf).
	settings *config.Settings
	compared map[*ast.File]map[ast.Expr]ast.Expr

	// The file being checked (check moves to the file of each status),
	// and the imports its fixes add.
	file    *ast.File
	imports fileImports

	projLoaded bool
	projName   string
	projConsts map[int64]projectConst

	// out are the findings; byStmt indexes them by statement, check and
	// code, so that a status a statement holds twice
	// (http.Error(w, http.StatusText(503), 503)) is one finding.
	out    *[]analysis.Diagnostic
	byStmt map[stmtKey]int
	// stmts indexes each file's statements, for enclosingStmt.
	stmts map[*ast.File]*stmtIndex
}

// stmtKey is a finding's statement, check and code.
type stmtKey struct {
	stmt  token.Pos
	check string
	code  string
}

// check reports on a status value the sinks pass found, in its file.
func (c *codeChecker) check(f status.Found) {
	if c.file != f.File {
		c.file, c.imports = f.File, fileImports{}
	}
	e, s := f.E, f.S
	tv, ok := c.Pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return // not a constant: not guessed
	}
	code, exact := constant.Int64Val(tv.Value)
	if !exact || code < table.MinCode || code > table.MaxCode {
		if s.Sentinels && code < table.MinCode {
			return // the sink's "no status"
		}
		if s.Writes || code != 0 {
			c.report(e, s, Invalid, fmt.Sprintf("invalid status %s in %s: HTTP status codes are %d-%d and net/http panics on others",
				tv.Value.ExactString(), s.What, table.MinCode, table.MaxCode))
		}
		return
	}
	if isRawLiteral(c.Pass.TypesInfo, e) {
		c.reportRaw(e, code, s)
	}
	tab := c.tableOf(f)
	entry := tab.Lookup(code)
	switch {
	case entry == nil && tab.AnyStatus:
		// A spec's default response documents any status for its
		// operation: undocumented only where tied to an operation
		// without one (the routes pass checks those).
	case entry == nil && tab.Spec != nil && !s.Writes:
		// A response compared with a status no operation documents may
		// still carry it: a spec describes its operations, not what the
		// server answers beside them (a CORS preflight, an unknown
		// route, a test's own server). Comparisons tied to an operation
		// are the routes pass's.
	case entry == nil:
		why := "clients of the API do not expect it; write a documented status or add it to the table"
		if !s.Writes {
			why = "by the table the API never returns it, so this comparison cannot match its responses; compare with a documented status or add it to the table"
		}
		c.report(e, s, Undocumented, fmt.Sprintf("status %s in %s is not documented by %s: %s", status.Describe(code), s.What, tab.Name, why))
	case entry.Unused:
		c.report(e, s, Unused, fmt.Sprintf("status %d in %s is listed as unused by %s: use a status the API still uses", code, s.What, tab.Name))
	}
}

func (c *codeChecker) reportRaw(e ast.Expr, code int64, s status.Site) {
	target := literalTarget(c.Pass.TypesInfo, e)
	text, edits, ok := c.replacement(target, code)
	if !ok {
		c.report(e, s, RawLiteral, fmt.Sprintf("raw status code %d in %s: net/http has no constant for it; declare a named constant", code, s.What))
		return
	}
	edits = append(edits, edit.ReplaceWithString(target, text))
	c.report(e, s, RawLiteral, fmt.Sprintf("raw status code %d in %s: use %s", code, s.What, text), edit.Fix("Use "+text, edits...))
}

// report reports a diagnostic of a check. report.Report has no way to set
// the category, which carries the check ID into -json and SARIF output.
func (c *codeChecker) report(n ast.Node, s status.Site, check, msg string, fixes ...analysis.SuggestedFix) {
	d := analysis.Diagnostic{
		Pos:            n.Pos(),
		End:            n.End(),
		Category:       check,
		Message:        msg,
		SuggestedFixes: fixes,
	}
	if s.Via != nil {
		// A value that travels: reported where it is set, with where it
		// reaches the sink.
		d.Related = []analysis.RelatedInformation{{Pos: s.Via.Pos(), End: s.Via.End(), Message: "it reaches " + s.Sink + " here"}}
	}
	key := stmtKey{c.enclosingStmt(n), check, ""}
	if e, ok := n.(ast.Expr); ok && c.Pass.TypesInfo.Types[e].Value != nil {
		key.code = c.Pass.TypesInfo.Types[e].Value.ExactString()
	}
	if i, dup := c.byStmt[key]; dup && key.stmt.IsValid() {
		// The same status again in the statement: one finding, which
		// points here too and fixes both.
		first := &(*c.out)[i]
		first.Related = append(first.Related, analysis.RelatedInformation{Pos: n.Pos(), End: n.End(), Message: "the same status here"})
		if len(fixes) > 0 && len(first.SuggestedFixes) > 0 {
			fix := &first.SuggestedFixes[0]
			for _, te := range fixes[0].TextEdits {
				if !slices.ContainsFunc(fix.TextEdits, func(x analysis.TextEdit) bool {
					return x.Pos == te.Pos && x.End == te.End && string(x.NewText) == string(te.NewText)
				}) {
					fix.TextEdits = append(fix.TextEdits, te)
				}
			}
		}
		return
	}
	if c.byStmt == nil {
		c.byStmt = map[stmtKey]int{}
	}
	c.byStmt[key] = len(*c.out)
	*c.out = append(*c.out, d)
}

// enclosingStmt returns the start of the statement (or declaration) of
// the file being checked that holds n; in a composite literal, of the
// element that holds it, so that each row of a test table stays a finding
// of its own.
func (c *codeChecker) enclosingStmt(n ast.Node) token.Pos {
	x := c.stmts[c.file]
	if x == nil {
		if c.stmts == nil {
			c.stmts = map[*ast.File]*stmtIndex{}
		}
		x = newStmtIndex(c.file)
		c.stmts[c.file] = x
	}
	return x.enclosing(n)
}

// isRawLiteral reports whether e is built only from integer literals:
// 404, (404), 400+4, int(404).
func isRawLiteral(info *types.Info, e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.BasicLit:
		return e.Kind == token.INT
	case *ast.ParenExpr:
		return isRawLiteral(info, e.X)
	case *ast.UnaryExpr:
		return isRawLiteral(info, e.X)
	case *ast.BinaryExpr:
		return isRawLiteral(info, e.X) && isRawLiteral(info, e.Y)
	case *ast.CallExpr:
		return typesx.IsConversion(info, e) && isRawLiteral(info, e.Args[0])
	}
	return false
}

// literalTarget is the part of a raw literal the fix replaces: conversions
// stay, so int64(404) becomes int64(http.StatusNotFound) and keeps its type.
func literalTarget(info *types.Info, e ast.Expr) ast.Expr {
	for {
		switch x := e.(type) {
		case *ast.CallExpr:
			if !typesx.IsConversion(info, x) {
				return e
			}
			e = x.Args[0]
		case *ast.ParenExpr:
			if _, isCall := x.X.(*ast.CallExpr); !isCall {
				return e
			}
			e = x.X
		default:
			return e
		}
	}
}
