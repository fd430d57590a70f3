package syntax

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
	"github.com/statuslint/statuslint/internal/retry/facts"
	"github.com/statuslint/statuslint/internal/status"
	"github.com/statuslint/statuslint/internal/table"
)

// noOracle knows nothing of other functions: what the engine computes
// here is what the code in front of it says alone.
type noOracle struct{}

func (noOracle) Predicate(*types.Func) (facts.Pred, bool) { return facts.Pred{}, false }
func (noOracle) ErrPredSet(facts.Pred, []facts.TypedErr, map[string]codeset.Set) (codeset.Set, bool) {
	return codeset.Set{}, false
}
func (noOracle) EvalErrPredicateOf(*ast.FuncType, *ast.BlockStmt, codeset.Set, []facts.TypedErr, map[*types.Var]int64) (facts.Pred, bool) {
	return facts.Pred{}, false
}
func (noOracle) TypedMethodCodes([]facts.TypedErr, string) (codeset.Set, bool) {
	return codeset.Set{}, false
}
func (noOracle) CallErrFact(*ast.CallExpr) (facts.Err, bool) { return facts.Err{}, false }
func (noOracle) CallErrs(*ast.CallExpr) (codeset.Set, bool)  { return codeset.Set{}, false }
func (noOracle) NewError(ast.Expr) bool                      { return false }
func (noOracle) ReturnedType(ast.Expr) (types.Type, bool)    { return nil, false }
func (noOracle) MadeErrTypes(*types.Func) []facts.TypedErr   { return nil }
func (noOracle) CodeSetVar(*types.Var) (codeset.Set, bool)   { return codeset.Set{}, false }
func (noOracle) RangeOf(*types.Var) *ast.RangeStmt           { return nil }
func (noOracle) ListCodes(ast.Expr, int) codeset.Set         { return codeset.Set{} }
func (noOracle) ListGiven(*ast.CallExpr, *types.Func, int, func(ast.Expr) (int64, bool)) (codeset.Set, bool) {
	return codeset.Set{}, false
}

// evalFunc type-checks src, a file of package c whose first declaration is
// a function with an int parameter code (a status, in Params), and
// returns an evaluator over it and the function.
func evalFunc(src string) (*Evaluator, *ast.FuncDecl, bool) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "c.go", "package c\n"+src, 0)
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
	code := info.Defs[fd.Type.Params.List[0].Names[0]].(*types.Var)
	ev := &Evaluator{Pass: pass, Index: x, O: noOracle{}, Errs: map[*types.Var]codeset.Set{}, Params: map[*types.Var]bool{code: true}}
	return ev, fd, true
}

// evalCondition type-checks cond as the body of func(code int, other int)
// bool and returns an evaluator over it, with code as the status
// parameter.
func evalCondition(src string) (*Evaluator, ast.Expr, bool) {
	ev, fd, ok := evalFunc("func f(code int, other int) bool { return " + src + " }\n")
	if !ok {
		return nil, nil, false
	}
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

// The evaluator's sets, condition by condition; and what it says a
// condition is about (Touched).
func TestDecide(t *testing.T) {
	for _, c := range []struct {
		cond, admits, negated string
		onStatus              bool
	}{
		{"code == 503", "[503]", "[100-502 504-999]", true},
		{"code >= 500 && code != 501", "[500 502-999]", "[100-499 501]", true},
		{"code/100 == 4 || code == 503", "[400-499 503]", "[100-399 500-502 504-999]", true},
		{"other > 3", "[100-999]", "[100-999]", false},
		{"code == 429 && other > 3", "[429]", "[100-999]", true},
	} {
		ev, cond, ok := evalCondition(c.cond)
		if !ok {
			t.Fatalf("%s: does not type-check", c.cond)
		}
		set, on := ev.Decide(cond, false)
		neg := ev.Admits(cond, true)
		if set.String() != c.admits || neg.String() != c.negated || on != c.onStatus {
			t.Errorf("%s: admits %v, negated %v, on a status %v; want %s, %s, %v", c.cond, set, neg, on, c.admits, c.negated, c.onStatus)
		}
	}
}

// The flow follows the statuses through statements, loops among them, to
// where a decision returns true (ModePredicate), each with the condition
// that decided.
func TestFlow(t *testing.T) {
	for _, c := range []struct {
		name, src string
		mode      Mode
		want      string
	}{
		{"predicate", `func f(code int) bool {
	if code == 429 {
		return true
	}
	switch code {
	case 500, 503:
		return true
	case 501:
	}
	return false
}`, ModePredicate, "[429 500 503]"},
		{"predicate of a class", `func f(code int) bool {
	if code < 500 {
		return false
	}
	return code != 501
}`, ModePredicate, "[500 502-999]"},
		{"predicate with a loop", `func f(code int, tries []int) bool {
	for _, t := range tries {
		if t == code {
			continue
		}
		if code == 503 {
			return true
		}
		break
	}
	return code == 429
}`, ModePredicate, "[429 503]"},
	} {
		t.Run(c.name, func(t *testing.T) {
			ev, fd, ok := evalFunc(c.src)
			if !ok {
				t.Fatal("does not type-check")
			}
			fl := &Flow{Ev: ev, Mode: c.mode}
			fl.Stmts(fd.Body.List, []Frag{{Set: codeset.All}}, nil)
			if got := CodesOf(fl.Edges).String(); got != c.want {
				t.Errorf("re-sent %s, want %s", got, c.want)
			}
			for _, e := range fl.Edges {
				if e.At == nil || !e.Decided {
					t.Errorf("%v: no status condition decided it", e.Set)
				}
			}
		})
	}
}
