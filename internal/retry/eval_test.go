package retry

import (
	"go/ast"
	"go/constant"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/statuslint/statuslint/internal/retry/codeset"
	"github.com/statuslint/statuslint/internal/retry/engine"
	"github.com/statuslint/statuslint/internal/status"
	"github.com/statuslint/statuslint/internal/table"
)

// evalCondition type-checks cond as the body of func(code int) bool and
// returns an evaluator over it, with code as the status parameter.
func evalCondition(src string) (*engine.Evaluator, ast.Expr, bool) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "c.go", "package c\nfunc f(code int, other int) bool { return "+src+" }\n", 0)
	if err != nil {
		return nil, nil, false
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{}}
	pkg, err := (&types.Config{Importer: importer.Default(), Error: func(error) {}}).Check("c", fset, []*ast.File{f}, info)
	if err != nil {
		return nil, nil, false
	}
	fd := f.Decls[0].(*ast.FuncDecl)
	pass := &analysis.Pass{Fset: fset, Files: []*ast.File{f}, Pkg: pkg, TypesInfo: info}
	x := status.NewIndex(pass, inspector.New(pass.Files), func(*analysis.Pass, *ast.File) bool { return true })
	x.StatusVars = map[*types.Var]bool{}
	c := &retryChecker{Pass: pass, Index: x, sets: map[*types.Var]codeset.Set{}, sums: map[*types.Func]summary{}, solving: map[*types.Func]*summary{}}
	ev := &engine.Evaluator{Pass: c.Pass, Index: c.Index, O: c, Errs: map[*types.Var]codeset.Set{}, Params: map[*types.Var]bool{info.Defs[fd.Type.Params.List[0].Names[0]].(*types.Var): true}}
	return ev, fd.Body.List[0].(*ast.ReturnStmt).Results[0], true
}

// truth evaluates a condition for one code, the way Go would; ok is false
// for what this small interpreter does not know (other, calls).
func truth(e ast.Expr, code int64, info *types.Info) (constant.Value, bool) {
	if tv := info.Types[e]; tv.Value != nil {
		return tv.Value, true
	}
	switch e := e.(type) {
	case *ast.ParenExpr:
		return truth(e.X, code, info)
	case *ast.Ident:
		if e.Name == "code" {
			return constant.MakeInt64(code), true
		}
	case *ast.UnaryExpr:
		x, ok := truth(e.X, code, info)
		if !ok {
			return nil, false
		}
		return constant.UnaryOp(e.Op, x, 0), true
	case *ast.BinaryExpr:
		x, ok1 := truth(e.X, code, info)
		y, ok2 := truth(e.Y, code, info)
		if !ok1 || !ok2 {
			return nil, false
		}
		switch e.Op {
		case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
			return constant.MakeBool(constant.Compare(x, e.Op, y)), true
		case token.QUO:
			if constant.Sign(y) == 0 {
				return nil, false
			}
			return constant.BinaryOp(x, token.QUO_ASSIGN, y), true
		case token.REM:
			if constant.Sign(y) == 0 {
				return nil, false
			}
			return constant.BinaryOp(x, e.Op, y), true
		}
		return constant.BinaryOp(x, e.Op, y), true
	}
	return nil, false
}

// The evaluation must admit every code for which the condition holds, and
// for the negation every code for which it does not: never less.
func FuzzAdmits(f *testing.F) {
	for _, s := range []string{
		"code == 503", "code != 200", "code >= 500", "code < 200 || code > 299", "code/100 == 5",
		"!(code == 200 || code == 201)", "code >= 400 && code < 500 && code != 429", "500 <= code",
		"code == 404 && other > 3", "code/100 != 2 || other == 1", "code%100 == 3", "code+1 == 405",
		"code > 999", "code < 100", "code == -1", "true", "false && code == 1",
		"code < -9223372036854775808", "code > 9223372036854775807", "code/100 == 92233720368547758", "code/100 > -92233720368547758",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		ev, cond, ok := evalCondition(src)
		if !ok {
			return
		}
		pos, neg := ev.Admits(cond, false), ev.Admits(cond, true)
		for code := int64(table.MinCode); code <= table.MaxCode; code++ {
			v, ok := truth(cond, code, ev.Pass.TypesInfo)
			if !ok || v.Kind() != constant.Bool {
				continue // depends on something else: no exact truth
			}
			if constant.BoolVal(v) && !pos.Has(int(code)) {
				t.Fatalf("%s holds for %d but admits %v", src, code, pos)
			}
			if !constant.BoolVal(v) && !neg.Has(int(code)) {
				t.Fatalf("!(%s) holds for %d but admits %v", src, code, neg)
			}
		}
	})
}
