package values

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/ssa"

	"github.com/statuslint/statuslint/internal/testenv"
)

// contextSrc stands for package context: what the engine knows of it is
// its path and names.
const contextSrc = `package context
type Context interface{ Value(key any) any }
func WithValue(parent Context, key, val any) Context { return nil }
`

// load type-checks src (package p, which may import context) and builds
// it.
func load(t *testing.T, src string) (*ssa.Package, []*ast.File, *types.Info) {
	t.Helper()
	fset, pkg, f, info := testenv.TypeCheck(t, src, testenv.Stub{Path: "context", Src: contextSrc})
	return BuildFiles(fset, pkg, []*ast.File{f}, info, nil), []*ast.File{f}, info
}

// hookSrc hands a decision to a client's Check field in every way the
// engine follows: directly, through a parameter, a closure's free
// variable, a context value and a function that returns what it reads.
const hookSrc = `package p

import "context"

type Client struct{ Check func(int) bool }

type key struct{}

var checkKey = &key{}

func install(c *Client, f func(int) bool) { c.Check = f }

func withCheck(ctx context.Context, f func(int) bool) context.Context {
	return context.WithValue(ctx, checkKey, f)
}

func fromContext(ctx context.Context) func(int) bool {
	v := ctx.Value(checkKey)
	if v == nil {
		return nil
	}
	return v.(func(int) bool)
}

func use(ctx context.Context) *Client {
	c := &Client{}
	if f := fromContext(ctx); f != nil {
		install(c, f)
	}
	return c
}

type Option func(*Client)

func WithCheck(f func(int) bool) Option {
	return func(c *Client) { install(c, f) }
}

func never(int) bool { return false }

func direct() *Client { return &Client{Check: never} }

func run(ctx context.Context, opts ...Option) {}

func one(ctx context.Context) {
	ctx = withCheck(ctx, func(s int) bool { return s == 503 })
	run(ctx, WithCheck(func(s int) bool { return s == 429 }))
}

func two(ctx context.Context) {
	run(ctx, WithCheck(func(s int) bool { return s == 400 }), WithCheck(func(s int) bool { return s == 404 }))
}

func unrelated(ctx context.Context) {
	f := func(s int) bool { return s == 405 }
	_ = f
}
`

// checkTargets are the values stored into a Check field.
func checkTargets(instr ssa.Instruction) []Use[string] {
	st, ok := instr.(*ssa.Store)
	if !ok {
		return nil
	}
	fa, ok := st.Addr.(*ssa.FieldAddr)
	if !ok {
		return nil
	}
	s := fa.X.Type().Underlying().(*types.Pointer).Elem().Underlying().(*types.Struct)
	if s.Field(fa.Field).Name() != "Check" {
		return nil
	}
	return []Use[string]{{Value: st.Val, Target: "Check"}}
}

// describe names a function for the test: declared by name, a literal by
// the status it compares with.
func describe(fn *ssa.Function) string {
	if fn.Parent() == nil {
		return fn.Name()
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if bin, ok := instr.(*ssa.BinOp); ok {
				if c, ok := bin.Y.(*ssa.Const); ok {
					return "lit" + c.Value.String()
				}
			}
		}
	}
	return fn.Name()
}

func TestFlow(t *testing.T) {
	sp, files, info := load(t, hookSrc)
	fl := Flow(Funcs(sp, files, info), checkTargets, nil)

	var params []string
	for fn, ps := range fl.Params {
		for i, ts := range ps {
			params = append(params, fmt.Sprintf("%s.%d->%s", describe(fn), i, strings.Join(ts, ",")))
		}
	}
	slices.Sort(params)
	want := []string{"WithCheck.0->Check", "install.1->Check", "withCheck.1->Check"}
	if !slices.Equal(params, want) {
		t.Errorf("parameters that reach Check: %v, want %v", params, want)
	}
	if len(fl.Keys) != 1 {
		t.Errorf("keys that reach Check: %v, want checkKey", fl.Keys)
	}
	for k := range fl.Keys {
		if k.Obj.Name() != "checkKey" {
			t.Errorf("key %v, want checkKey", k.Obj)
		}
	}

	var given []string
	for _, g := range fl.Given {
		where := "taken"
		if g.Call != nil {
			where = fmt.Sprintf("%s arg %d", g.Call.Common().StaticCallee().Name(), g.Arg)
		}
		given = append(given, describe(g.Func)+" at "+where)
	}
	wantGiven := []string{"never at taken", "lit503 at withCheck arg 1", "lit429 at WithCheck arg 0", "lit400 at WithCheck arg 0", "lit404 at WithCheck arg 0"}
	if !slices.Equal(given, wantGiven) {
		t.Errorf("function values given:\n%v\nwant\n%v", given, wantGiven)
	}

	mixed := Mixed(fl.Given)
	var names []string
	for fn := range mixed {
		names = append(names, describe(fn))
	}
	slices.Sort(names)
	// one() hands its two decisions to different things (a context and
	// an option), which meet in run's call: which one the client uses
	// is not known. two() hands two options in one list.
	if want := []string{"lit400", "lit404", "lit429", "lit503"}; !slices.Equal(names, want) {
		t.Errorf("mixed: %v, want %v", names, want)
	}
}

// TestFlowImported: another package's function hands its parameter to a
// target by its fact.
func TestFlowImported(t *testing.T) {
	sp, files, info := load(t, `package p

import "context"

func f(ctx context.Context) {
	_ = context.WithValue(ctx, 1, 2)
	g(func() {})
}

func g(h func()) { sink(h) }

func sink(func()) {}
`)
	imported := func(fn *types.Func, i int) []string {
		t.Errorf("imported asked of %v", fn)
		return nil
	}
	_ = imported
	sinkTargets := func(instr ssa.Instruction) []Use[string] {
		call, ok := instr.(*ssa.Call)
		if !ok || call.Call.StaticCallee() == nil || call.Call.StaticCallee().Name() != "sink" {
			return nil
		}
		return []Use[string]{{Value: call.Call.Args[0], Target: "sink"}}
	}
	fl := Flow(Funcs(sp, files, info), sinkTargets, func(fn *types.Func, i int) []string {
		if fn.Name() == "WithValue" {
			return nil // context's, known without a fact
		}
		t.Errorf("imported asked of %v", fn)
		return nil
	})
	if len(fl.Given) != 1 || fl.Given[0].Call == nil || fl.Given[0].Call.Common().StaticCallee().Name() != "g" {
		t.Errorf("given: %+v, want the literal at g's call", fl.Given)
	}
}

// TestOrigins follows a value through a local variable closures share and
// a function that returns its parameter.
func TestOrigins(t *testing.T) {
	sp, files, info := load(t, `package p

func id(f func()) func() { return f }

func a() {}

func b() func() {
	var h func()
	h = a
	set := func() { h = nil }
	_ = set
	return id(h)
}
`)
	var fn *ssa.Function
	for _, f := range Funcs(sp, files, info) {
		if f.Name() == "b" {
			fn = f
		}
	}
	var ret *ssa.Return
	for _, b := range fn.Blocks {
		if r, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
			ret = r
		}
	}
	var got []string
	for _, o := range Origins(ret.Results[0]) {
		if o.Kind == FromFunc {
			got = append(got, o.Func.Name())
		}
	}
	if !slices.Equal(got, []string{"a"}) {
		t.Errorf("origins of b's result: %v, want [a]", got)
	}
}

// A build creates only the imports its built code names: strings, named
// by a kept function, and errors, by a variable's initializer; not
// strconv, named only by a function whose body is left out, nor bytes,
// whose type alone a signature names. BuildBodies leaves the
// initializer, and errors, out too.
func TestBuildNamesImports(t *testing.T) {
	const src = `package p

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
)

var errGone = errors.New("gone")

func kept(s string) string { return strings.ToUpper(s) }

func left(n int) string { return strconv.Itoa(n) }

func typed(b *bytes.Buffer) {}
`
	fset, pkg, f, info := testenv.TypeCheck(t, src)
	keep := func(d *ast.FuncDecl) bool { return d.Name.Name == "kept" }
	for _, c := range []struct {
		inits   bool
		want    []string
		members []string
	}{
		{true, []string{"errors", "strings"}, []string{"errors.New", "errors.init", "strings.ToUpper", "strings.init"}},
		{false, []string{"strings"}, []string{"strings.ToUpper", "strings.init"}},
	} {
		cinfo := *info
		if !c.inits {
			cinfo.InitOrder = nil
		}
		sp := buildWith(fset, pkg, []*ast.File{f}, &cinfo, func(f *ast.File) *ast.File { return withoutBodies(f, keep) }, c.inits)
		var got, members []string
		for _, p := range sp.Prog.AllPackages() {
			if p != sp {
				got = append(got, p.Pkg.Path())
				for name := range p.Members {
					members = append(members, p.Pkg.Name()+"."+name)
				}
			}
		}
		slices.Sort(got)
		if !slices.Equal(got, c.want) {
			t.Errorf("inits %v: created %v, want %v", c.inits, got, c.want)
		}
		// Each import with what the built code names (and the
		// initializer every package has), not its whole scope.
		slices.Sort(members)
		if !slices.Equal(members, c.members) {
			t.Errorf("inits %v: members %v, want %v", c.inits, members, c.members)
		}
		// The call of strings.ToUpper is a static call of its member.
		var callee *ssa.Function
		for _, b := range sp.Func("kept").Blocks {
			for _, instr := range b.Instrs {
				if call, ok := instr.(*ssa.Call); ok {
					callee = call.Call.StaticCallee()
				}
			}
		}
		if callee == nil || callee.Name() != "ToUpper" || callee.Pkg == nil || callee.Pkg.Pkg.Path() != "strings" {
			t.Errorf("inits %v: kept calls %v, want strings.ToUpper", c.inits, callee)
		}
		if fn := sp.Func("kept"); fn == nil || len(fn.Blocks) == 0 {
			t.Errorf("inits %v: kept has no body", c.inits)
		}
	}
}
