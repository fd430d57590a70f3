package codes

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/statuslint/statuslint/internal/knowledge"
	"github.com/statuslint/statuslint/internal/typesx"
)

// fileImports caches, for the file being checked, the names its fixes may
// add imports under, so that every fix in a file adds the same import.
type fileImports struct {
	idents map[string]bool           // identifiers used anywhere in the file
	added  map[string]importAddition // by import path
}

type importAddition struct {
	name string
	edit analysis.TextEdit
}

// replacement returns the text that replaces the raw literal target with
// the named constant for code, and the edits that make the name resolve.
func (c *codeChecker) replacement(target ast.Expr, code int64) (string, []analysis.TextEdit, bool) {
	if c.constants != "" {
		if pc, ok := c.projectConst(code); ok && (pc.Type == "" || pc.Type == types.TypeString(c.Pass.TypesInfo.TypeOf(target), nil)) {
			if text, edits, ok := c.ref(target.Pos(), c.constants, c.projName, pc.Name); ok {
				return text, edits, true
			}
		}
	}
	name, ok := knowledge.HTTPConstant(code)
	if !ok {
		return "", nil, false
	}
	// In a framework that declares the constants, its own; else net/http's
	// where the file can name it already; else a framework's the file
	// imports; else net/http's through a new import.
	path, framework := c.frameworkConstants(name, code)
	if framework && path == c.Pass.Pkg.Path() {
		if text, edits, ok := c.ref(target.Pos(), path, "", name); ok {
			return text, edits, true
		}
	}
	if text, edits, ok := c.ref(target.Pos(), knowledge.NetHTTP, "", name); ok {
		return text, edits, true
	}
	if framework {
		if text, edits, ok := c.ref(target.Pos(), path, "", name); ok {
			return text, edits, true
		}
	}
	return c.ref(target.Pos(), knowledge.NetHTTP, "http", name)
}

// frameworkConstants returns the framework package (fasthttp, fiber) whose
// constant name, of value code, the fix should use: the package being
// fixed, or one the file already imports. Fixes in such code then add no
// import of net/http.
func (c *codeChecker) frameworkConstants(name string, code int64) (string, bool) {
	paths := knowledge.ConstantPackages
	if slices.Contains(paths, c.Pass.Pkg.Path()) {
		paths = []string{c.Pass.Pkg.Path()} // its own, first
	}
	for _, path := range paths {
		if c.Pass.Pkg.Path() != path && !slices.ContainsFunc(c.file.Imports, func(s *ast.ImportSpec) bool { return importPath(s) == path }) {
			continue
		}
		pkg := typesx.FindImport(c.Pass.Pkg, func(p *types.Package) bool { return p.Path() == path })
		if pkg == nil {
			continue
		}
		if k, ok := pkg.Scope().Lookup(name).(*types.Const); ok && k.Val().Kind() == constant.Int {
			if v, exact := constant.Int64Val(k.Val()); exact && v == code {
				return path, true
			}
		}
	}
	return "", false
}

func (c *codeChecker) projectConst(code int64) (projectConst, bool) {
	if !c.projLoaded {
		c.projLoaded = true
		name, consts, ok := projectConstants(c.Pass, c.constants)
		if ok {
			c.projName = name
			c.projConsts = make(map[int64]projectConst, len(consts))
			for _, pc := range consts {
				c.projConsts[pc.Value] = pc
			}
		}
	}
	pc, ok := c.projConsts[code]
	return pc, ok
}

// ref returns how code at pos refers to member of the package at path:
// through an import of the file that is not shadowed at pos, unqualified in
// the package itself, or through a new import the edits add, under name
// (with name "", no import is added).
func (c *codeChecker) ref(pos token.Pos, path, name, member string) (string, []analysis.TextEdit, bool) {
	info := c.Pass.TypesInfo
	scope := c.Pass.Pkg.Scope().Innermost(pos)
	if scope == nil {
		return "", nil, false
	}
	if c.Pass.Pkg.Path() == path {
		if _, obj := scope.LookupParent(member, pos); obj != nil && obj.Pkg() == c.Pass.Pkg && obj.Parent() == c.Pass.Pkg.Scope() {
			return member, nil, true
		}
		return "", nil, false // shadowed here; a package cannot import itself
	}
	for _, spec := range c.file.Imports {
		if importPath(spec) != path {
			continue
		}
		if spec.Name != nil && spec.Name.Name == "." {
			if _, obj := scope.LookupParent(member, pos); obj != nil && obj.Pkg() != nil && obj.Pkg().Path() == path {
				return member, nil, true
			}
			continue
		}
		pn := info.PkgNameOf(spec)
		if pn == nil || pn.Name() == "_" {
			continue
		}
		if _, obj := scope.LookupParent(pn.Name(), pos); obj == pn {
			return pn.Name() + "." + member, nil, true
		}
	}
	if name == "" {
		return "", nil, false // use the file's imports only
	}
	add := c.addImport(path, name)
	return add.name + "." + member, []analysis.TextEdit{add.edit}, true
}

// addImport returns the import that fixes in this file add for path: under
// its own name if nothing in the file or package uses that name, else under
// an alias that nothing uses.
func (c *codeChecker) addImport(path, name string) importAddition {
	if a, ok := c.imports.added[path]; ok {
		return a
	}
	if c.imports.idents == nil {
		c.imports.idents = map[string]bool{}
		ast.Inspect(c.file, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				c.imports.idents[id.Name] = true
			}
			return true
		})
	}
	free := func(n string) bool {
		return !c.imports.idents[n] && c.Pass.Pkg.Scope().Lookup(n) == nil && types.Universe.Lookup(n) == nil
	}
	alias := name
	for i := 0; !free(alias); i++ {
		alias = aliasCandidate(path, name, i)
	}
	spec := strconv.Quote(path)
	if alias != name {
		spec = alias + " " + spec
	}
	a := importAddition{name: alias, edit: c.importEdit(path, spec)}
	if c.imports.added == nil {
		c.imports.added = map[string]importAddition{}
	}
	c.imports.added[path] = a
	return a
}

// aliasCandidate returns the i-th alias to try for path: "nethttp" for
// net/http, then "nethttp2", "nethttp3" and so on.
func aliasCandidate(path, name string, i int) string {
	base := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, strings.ToLower(path))
	if base == "" || base == name {
		base = name + "pkg"
	}
	if i == 0 {
		return base
	}
	return fmt.Sprintf("%s%d", base, i+1)
}

// importEdit inserts an import spec where gofmt and goimports would keep
// it: in sorted position in the first import group of its kind (standard
// library or not), in a new group if there is none, after a single-line
// import, or after the package clause when the file has no imports.
func (c *codeChecker) importEdit(path, spec string) analysis.TextEdit {
	tf := c.Pass.Fset.File(c.file.Pos())
	insert := func(at token.Pos, text string) analysis.TextEdit {
		return analysis.TextEdit{Pos: at, End: at, NewText: []byte(text)}
	}
	lineStart := func(p token.Pos) token.Pos { return tf.LineStart(tf.Line(p)) }
	nextLine := func(p token.Pos) token.Pos {
		if l := tf.Line(p); l < tf.LineCount() {
			return tf.LineStart(l + 1)
		}
		return token.Pos(tf.Base() + tf.Size())
	}
	var gd *ast.GenDecl
	for _, decl := range c.file.Decls {
		if d, ok := decl.(*ast.GenDecl); ok && d.Tok == token.IMPORT {
			gd = d
			break
		}
	}
	switch {
	case gd == nil:
		return insert(nextLine(c.file.Name.End()), "\nimport "+spec+"\n")
	case !gd.Lparen.IsValid():
		return insert(nextLine(gd.End()), "import "+spec+"\n")
	case len(gd.Specs) == 0:
		return insert(nextLine(gd.Lparen), "\t"+spec+"\n")
	}
	groups := importGroups(tf, gd)
	line := "\t" + spec + "\n"
	for _, g := range groups {
		if isStdPath(importPath(g[0])) != isStdPath(path) {
			continue
		}
		for _, is := range g {
			if importPath(is) > path {
				return insert(lineStart(specStart(is)), line)
			}
		}
		return insert(nextLine(specEnd(g[len(g)-1])), line)
	}
	if isStdPath(path) {
		return insert(lineStart(specStart(groups[0][0])), line+"\n")
	}
	return insert(nextLine(specEnd(groups[len(groups)-1][len(groups[len(groups)-1])-1])), "\n"+line)
}

// importGroups splits an import block into its blank-line-separated groups.
func importGroups(tf *token.File, gd *ast.GenDecl) [][]*ast.ImportSpec {
	var groups [][]*ast.ImportSpec
	for i, s := range gd.Specs {
		is := s.(*ast.ImportSpec)
		if i == 0 || tf.Line(specStart(is)) > tf.Line(specEnd(gd.Specs[i-1].(*ast.ImportSpec)))+1 {
			groups = append(groups, nil)
		}
		groups[len(groups)-1] = append(groups[len(groups)-1], is)
	}
	return groups
}

func specStart(is *ast.ImportSpec) token.Pos {
	if is.Doc != nil {
		return is.Doc.Pos()
	}
	return is.Pos()
}

func specEnd(is *ast.ImportSpec) token.Pos {
	if is.Comment != nil {
		return is.Comment.End()
	}
	return is.End()
}

func importPath(is *ast.ImportSpec) string {
	p, _ := strconv.Unquote(is.Path.Value)
	return p
}

// isStdPath reports whether path looks like a standard-library path: no
// dot in its first element.
func isStdPath(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}
