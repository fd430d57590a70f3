package typesx

import (
	"go/types"
	"testing"

	"github.com/statuslint/statuslint/internal/testenv"
)

// A key names a type of the package or of one it imports, by value or
// by pointer; a key of a package it does not see, or of no type, names
// nothing.
func TestTypeOfKey(t *testing.T) {
	_, pkg, _, _ := testenv.TypeCheck(t, "package p\n\nimport \"example.com/sdk\"\n\ntype Local struct{}\n\nvar _ sdk.Error\n",
		testenv.Stub{Path: "example.com/sdk", Src: "package sdk\n\ntype Error struct{ Code int }\n\nfunc Helper() {}\n"})
	for _, c := range []struct {
		key, want string
	}{
		{"*example.com/sdk.Error", "*example.com/sdk.Error"},
		{"example.com/sdk.Error", "example.com/sdk.Error"},
		{"p.Local", "p.Local"},
		{"example.com/sdk.Helper", ""},
		{"example.com/other.Error", ""},
		{"Error", ""},
	} {
		got := ""
		if typ := TypeOfKey(pkg, c.key); typ != nil {
			got = types.TypeString(typ, nil)
		}
		if got != c.want {
			t.Errorf("TypeOfKey(%q) = %q, want %q", c.key, got, c.want)
		}
	}
}
