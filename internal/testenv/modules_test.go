package testenv

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A copy gets, empty, what its //go:embed directives name and its zip
// lacks; what is there stays as it is.
func TestFillEmbeds(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("ui/web.go", "package ui\n\nimport \"embed\"\n\n//go:embed app/dist\nvar dist embed.FS\n")
	write("tmpl/t.go", "package tmpl\n\nimport \"embed\"\n\n//go:embed default.tmpl \"schemas/*.sql\"\nvar fs embed.FS\n")
	write("tmpl/default.tmpl", "kept")
	if err := fillEmbeds(dir); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"ui/app/dist/index.html", "tmpl/schemas/placeholder.sql"} {
		if _, err := os.Stat(filepath.Join(dir, p)); err != nil {
			t.Errorf("%s was not created: %v", p, err)
		}
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "tmpl/default.tmpl")); string(data) != "kept" {
		t.Errorf("default.tmpl was overwritten: %q", data)
	}
}

// A copy drops the replace directives whose directory its zip lacks, and
// keeps the others.
func TestDropMissingReplaces(t *testing.T) {
	dir := t.TempDir()
	mod := "module example.com/m\n\ngo 1.22\n\nreplace example.com/gone => ./internal/gone\n\nreplace example.com/here => ./here\n\nreplace example.com/remote => example.com/fork v1.0.0\n"
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(mod), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "here"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := dropMissingReplaces(dir); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	got := string(data)
	if strings.Contains(got, "example.com/gone") || !strings.Contains(got, "example.com/here => ./here") || !strings.Contains(got, "example.com/fork") {
		t.Errorf("go.mod after dropping:\n%s", got)
	}
}

func TestDropVendor(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "vendor"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "vendor", "modules.txt"), []byte("# example.com/dep v1.0.0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := dropVendor(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "vendor")); !os.IsNotExist(err) {
		t.Errorf("vendor still there: %v", err)
	}
	if err := dropVendor(dir); err != nil {
		t.Errorf("a module without vendor: %v", err)
	}
}
