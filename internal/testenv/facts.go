package testenv

import (
	"bytes"
	"encoding/gob"
	"reflect"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// GobRoundTrip checks that each fact comes back from its gob encoding
// equal to itself: facts cross process boundaries (go vet, Bazel's nogo)
// gob-encoded, and a field gob cannot carry is lost silently.
func GobRoundTrip(t testing.TB, facts ...analysis.Fact) {
	t.Helper()
	for _, f := range facts {
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(f); err != nil {
			t.Fatalf("%T: %v", f, err)
		}
		got := reflect.New(reflect.TypeOf(f).Elem()).Interface()
		if err := gob.NewDecoder(&buf).Decode(got); err != nil {
			t.Fatalf("%T: %v", f, err)
		}
		if !reflect.DeepEqual(got, f) {
			t.Errorf("%T: got %+v, want %+v", f, got, f)
		}
	}
}
