// Package failsafe is a stub of github.com/failsafe-go/failsafe-go.
package failsafe

// FailurePolicyBuilder configures what a policy handles.
type FailurePolicyBuilder[S any, R any] interface {
	HandleErrors(errs ...error) S
	HandleResult(result R) S
	HandleIf(predicate func(R, error) bool) S
}
