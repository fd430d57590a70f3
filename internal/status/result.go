package status

import (
	"go/ast"
	"go/types"
)

// Statuses is the sinks pass's result.
type Statuses struct {
	// Reached says that the package can hold a finding: it imports a
	// package statuslint knows, or one with sink facts. The other fields
	// are empty if not.
	Reached bool
	// Found are the status values that reach a sink, in every file.
	Found []Found
	// Decls are the package's function declarations with a body.
	Decls map[*types.Func]*ast.FuncDecl
	// StatusVars are the local variables that hold a status.
	StatusVars map[*types.Var]bool
	// StatusFields are the fields that carry a status by data flow.
	StatusFields map[*types.Var]bool
}

// Found is a status value at a sink.
type Found struct {
	E    ast.Expr
	S    Site
	File *ast.File
}
