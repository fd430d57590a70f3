// Package sentinelstore is a store that speaks no HTTP: the errors it
// declares and returns are compared by writers of other packages
// (routes/sentinelerr), its facts say which it returns and that they wrap
// no other error.
package sentinelstore

import "errors"

var ErrLocked = errors.New("locked") // want ErrLocked:"plainError"

// Lock returns ErrLocked.
func Lock(id string) error { // want Lock:"carries\\[sentinelstore.ErrLocked\\]"
	if id == "" {
		return ErrLocked
	}
	return nil
}
