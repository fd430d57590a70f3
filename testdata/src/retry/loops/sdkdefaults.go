package loops

import (
	"google.golang.org/api/storage/v1"
)

// Positive: WithRetry given no errorFunc retries as the SDK does.
func getDefault(call *storage.ObjectsGetCall) (*storage.Object, error) {
	call.WithRetry(nil, nil) // want `retrying on 503 \(Service Unavailable\) \(WithRetry with a nil errorFunc retries 408, 429 and every 5xx; give it one\)` `retrying on 429 \(Too Many Requests\) \(WithRetry with a nil errorFunc retries 408, 429 and every 5xx; give it one\) without reading Retry-After`
	return call.Do()
}

// Positive: so does a predicate left nil unless one was configured (gcs's
// OpenWriter).
func getConfigured(call *storage.ObjectsGetCall, userRetry func(error) bool) (*storage.Object, error) {
	var retryFunc func(error) bool
	if userRetry != nil {
		retryFunc = func(err error) bool { return userRetry(err) }
	}
	call.WithRetry(nil, retryFunc) // want `retrying on 503 \(Service Unavailable\) \(WithRetry` `retrying on 429 \(Too Many Requests\) \(WithRetry`
	return call.Do()
}

// Negative: a predicate of the package's own decides.
func getOwnPolicy(call *storage.ObjectsGetCall) (*storage.Object, error) {
	call.WithRetry(nil, func(error) bool { return false })
	return call.Do()
}

// Negative: a local always given a predicate.
func getLocalPolicy(call *storage.ObjectsGetCall, userRetry func(error) bool) (*storage.Object, error) {
	retryFunc := func(err error) bool { return false }
	call.WithRetry(nil, retryFunc)
	return call.Do()
}

// Negative: a local whose address is taken may be set anywhere.
func getAddressed(call *storage.ObjectsGetCall, set func(*func(error) bool)) (*storage.Object, error) {
	var retryFunc func(error) bool
	set(&retryFunc)
	call.WithRetry(nil, retryFunc)
	return call.Do()
}
