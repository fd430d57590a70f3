package preds

import "net/http"

// intSet is a project's own set of codes, as minio's set.IntSet.
type intSet map[int]struct{}

func newIntSet(codes ...int) intSet {
	s := intSet{}
	for _, c := range codes {
		s[c] = struct{}{}
	}
	return s
}

func (s intSet) Contains(code int) bool { _, ok := s[code]; return ok }

func (s intSet) Lookup(code int) bool { _, ok := s[code]; return ok }

var retryOn = newIntSet(http.StatusNotFound, http.StatusBadGateway)

// Name rule set-method: positive: Contains looks the status up in a set
// built from constants.
func isRetryableInSet(code int) bool {
	return retryOn.Contains(code) // want `retrying on 404 \(Not Found\): huaweicloud says`
}

// Name rule set-method: negative: a method of another name says nothing
// of what the set holds.
func isRetryableLookup(code int) bool {
	return retryOn.Lookup(code)
}
