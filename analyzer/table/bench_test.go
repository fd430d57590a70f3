package table

import "testing"

// Every go vet process parses the default table once.
func BenchmarkParseSeed(b *testing.B) {
	data, _ := profileFS.ReadFile("profiles/huaweicloud.rst")
	for b.Loop() {
		Parse("x", "x.rst", data)
	}
}
