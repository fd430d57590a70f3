package status

import (
	"fmt"
	"go/ast"
	"net/http"
	"strings"
)

// Describe names a status: "307 (Temporary Redirect)", or just "299".
func Describe(code int64) string {
	if text := http.StatusText(int(code)); text != "" {
		return fmt.Sprintf("%d (%s)", code, text)
	}
	return fmt.Sprint(code)
}

// JoinAnd joins "a", "b" and "c" as "a, b and c", for a diagnostic.
func JoinAnd(items []string) string {
	if len(items) <= 1 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// Site says where a status value was found, for the diagnostic.
type Site struct {
	// What names the sink: "WriteHeader", "http.Error", or for fields the
	// status expression it is compared with, assigned to or set in.
	What string
	// Writes is true where the value is produced (a call, an assignment, a
	// literal, a return) rather than compared.
	Writes bool
	// Sentinels is true where values below 100 mean "no status": gin's
	// Render(-1, r), a framework's own ResponseWriter. Only net/http's
	// sinks panic on them.
	Sentinels bool
	// Stored is true where the value is stored in a status field or
	// variable (a literal's field, an assignment) rather than given to a
	// sink: a wrapper that only stores its parameter there may be handed
	// values below 100 that are no status (gin's test builds
	// LogFormatterParams{StatusCode: code} to see the colour of code 2).
	Stored bool
	// Via is set for a constant that travels to the sink through a local
	// variable or a struct field: the expression at the sink, whose site
	// is sink.
	Via  ast.Expr
	Sink string
}

// Through returns the site of a constant stored in name, which reaches
// the sink of s at e. Values below 100 stored there are taken for "no
// status": the variable may be overwritten before the sink.
func (s Site) Through(name string, e ast.Expr) Site {
	sink, via := s.What, e
	if s.Via != nil {
		sink, via = s.Sink, s.Via // a hop further from the sink
	}
	return Site{What: sink + " (through " + name + ")", Writes: s.Writes, Sentinels: true, Via: via, Sink: sink}
}
