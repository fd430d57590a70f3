// Package retry is a stub of github.com/avast/retry-go/v4.
package retry

// RetryableFunc is retried.
type RetryableFunc func() error

// RetryIfFunc decides from the error.
type RetryIfFunc func(error) bool

// Option configures Do.
type Option func(*Config)

// Config is Do's configuration.
type Config struct{}

func Do(retryableFunc RetryableFunc, opts ...Option) error { return nil }
func Attempts(attempts uint) Option                        { return nil }
func RetryIf(retryIf RetryIfFunc) Option                   { return nil }
func Unrecoverable(err error) error                        { return err }
