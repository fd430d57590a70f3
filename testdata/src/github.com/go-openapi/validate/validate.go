// Package validate is a stub of github.com/go-openapi/validate.
package validate

import "github.com/go-openapi/errors"

// FormatOf validates data against format.
func FormatOf(path, in, format, data string, registry any) *errors.Validation {
	if data == "" {
		return errors.InvalidType(path, in, format, data)
	}
	return nil
}

// RequiredString validates a required string.
func RequiredString(path, in, data string) *errors.Validation {
	if data == "" {
		return errors.Required(path, in, data)
	}
	return nil
}
