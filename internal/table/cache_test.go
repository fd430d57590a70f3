package table

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// A spec read once is read from the cache the next time, the same table;
// an edited spec is read again, and a torn cache file is no error.
func TestSpecCache(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	cacheInTests = true
	t.Cleanup(func() { cacheInTests = false })
	path := filepath.Join(t.TempDir(), "api.yaml")
	data := largeSpec(3)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	first, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	cache := cachePath(data)
	if _, err := os.Stat(cache); err != nil {
		t.Fatalf("no cache file: %v", err)
	}
	cached, ok := loadCached(path, data)
	if !ok {
		t.Fatal("the cache was not read")
	}
	if !reflect.DeepEqual(cached, first) {
		t.Errorf("cached table differs:\n%+v\n%+v", cached.Spec.Operations[0], first.Spec.Operations[0])
	}
	if r, ok := cached.Spec.Operations[0].RetryFor(404); !ok || r != RetryNever {
		t.Errorf("retry guidance lost in the cache: %v %v", r, ok)
	}

	edited := append(data, "  /more:\n    get:\n      responses:\n        \"418\":\n          description: teapot\n"...)
	if _, ok := loadCached(path, edited); ok {
		t.Error("an edited spec was found in the cache")
	}
	if err := os.WriteFile(cache, []byte("torn"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, ok := loadCached(path, data); ok {
		t.Error("a torn cache file was read")
	}
	again, err := Load(path)
	if err != nil || !reflect.DeepEqual(again, first) {
		t.Errorf("after a torn cache file: %v", err)
	}
}
