package routes

import (
	"go/token"
	"runtime"
	"testing"
	"time"

	"github.com/statuslint/statuslint/internal/table"
)

// A long-lived host analyzes with a new file set each run: the spec files
// added for earlier runs go when their file sets do.
func TestSpecFilesPruned(t *testing.T) {
	spec := &table.Spec{Source: "api.yaml", Data: []byte("openapi: 3.0.0\ninfo: {}\npaths: {}\n")}
	count := func() int {
		n := 0
		specFiles.Range(func(k, v any) bool {
			if k.(specKey).path == spec.Source {
				n++
			}
			return true
		})
		return n
	}
	for range 50 {
		fset := token.NewFileSet()
		if pos := specPos(fset, spec, 2); !pos.IsValid() || fset.Position(pos).Line != 2 {
			t.Fatalf("specPos: got %v", fset.Position(pos))
		}
		if again := specPos(fset, spec, 2); fset.File(again).Name() != "api.yaml" || fset.Base() != len(spec.Data)+2 {
			t.Fatalf("the spec was added to the file set twice (base %d)", fset.Base())
		}
	}
	for i := 0; i < 20 && count() > 1; i++ {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if n := count(); n > 1 {
		t.Errorf("%d spec files kept after their file sets were collected", n)
	}
}
