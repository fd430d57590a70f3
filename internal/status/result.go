package status

import (
	"go/ast"
)

// Statuses is the sinks pass's result.
type Statuses struct {
	// Reached says that the package can hold a finding: it imports a
	// package statuslint knows, or one with sink facts. The other fields
	// are empty if not.
	Reached bool
	// Found are the status values that reach a sink, in every file.
	Found []Found
	// Index is the package's index, which the other passes share.
	Index *Index
}

// Found is a status value at a sink.
type Found struct {
	E    ast.Expr
	S    Site
	File *ast.File
}
