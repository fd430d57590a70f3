package knowledge

import (
	"go/constant"
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// httpConstants must name exactly net/http's status constants.
func TestHTTPConstants(t *testing.T) {
	pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedTypes}, "net/http")
	if err != nil || len(pkgs) != 1 || pkgs[0].Types == nil {
		t.Fatalf("loading net/http: %v", err)
	}
	scope := pkgs[0].Types.Scope()
	want := map[int64]string{}
	for _, name := range scope.Names() {
		c, ok := scope.Lookup(name).(*types.Const)
		if !ok || !strings.HasPrefix(name, "Status") || c.Val().Kind() != constant.Int {
			continue
		}
		v, _ := constant.Int64Val(c.Val())
		if old, dup := want[v]; dup {
			t.Logf("%d has two constants, %s and %s", v, old, name)
			continue
		}
		want[v] = name
	}
	for code := int64(0); code < int64(len(httpConstants)); code++ {
		got, ok := HTTPConstant(code)
		if w, wok := want[code]; ok != wok || got != w {
			t.Errorf("HTTPConstant(%d) = %q, %v; net/http has %q", code, got, ok, w)
		}
	}
	if len(want) == 0 {
		t.Fatal("no constants found in net/http")
	}
}
