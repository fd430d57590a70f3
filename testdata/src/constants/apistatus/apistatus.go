package apistatus

// Untyped constants fit wherever a literal does.
const (
	OK       = 200
	NotFound = 404
	Missing  = 404 // a second name for 404: the first declared wins
)

// Code is a typed status.
type Code int

// Typed constants fit only where a Code is expected.
const (
	Created  Code = 201
	Conflict Code = 409
)

// Send takes a typed status.
func Send(c Code) {}
