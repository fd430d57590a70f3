package table

import (
	"os"
	"testing"
)

// The tests read specs with a cache of their own, gone with them.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "statuslint-cache")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_CACHE_HOME", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
