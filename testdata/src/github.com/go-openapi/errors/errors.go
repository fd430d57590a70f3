// Package errors is a stub of github.com/go-openapi/errors.
package errors

// Validation is a validation error; its code is 600 or over.
type Validation struct {
	code int32
	Name string
}

func (e *Validation) Error() string { return e.Name }

// Code is the error's code.
func (e *Validation) Code() int32 { return e.code }

// ParseError is a body that does not parse.
type ParseError struct{ Name string }

func (e *ParseError) Error() string { return e.Name }

// CompositeError is several errors.
type CompositeError struct{ Errors []error }

func (e *CompositeError) Error() string { return "composite" }

// Required is a missing value.
func Required(name, in string, value any) *Validation { return &Validation{code: 602, Name: name} }

// InvalidType is a value of another type.
func InvalidType(name, in, typeName string, value any) *Validation {
	return &Validation{code: 601, Name: name}
}

// NewParseError is a body that does not parse.
func NewParseError(name, in, value string, reason error) *ParseError { return &ParseError{Name: name} }

// CompositeValidationError wraps errs.
func CompositeValidationError(errs ...error) *CompositeError { return &CompositeError{Errors: errs} }
