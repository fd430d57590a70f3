package testenv

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// ModuleDir returns the module cache's directory of module, "path@version",
// fetched from the proxy. A non-empty sum pins a module the checksum
// database does not list (the proxy serves it, the database answers 404):
// it is fetched without the database and must have that hash.
func ModuleDir(t testing.TB, module, sum string) string {
	t.Helper()
	get := exec.Command("go", "mod", "download", "-json", module)
	if sum != "" {
		get.Env = append(os.Environ(), "GONOSUMDB="+strings.Split(module, "@")[0])
	}
	out, err := get.Output()
	if err != nil {
		t.Fatalf("go mod download %s: %v", module, err)
	}
	var info struct{ Dir, Sum string }
	if err := json.Unmarshal(out, &info); err != nil {
		t.Fatal(err)
	}
	if sum != "" && info.Sum != sum {
		t.Fatalf("%s has hash %s, want %s", module, info.Sum, sum)
	}
	return info.Dir
}

// ModuleCopy returns a writable copy of module@version's source from the
// proxy, in a directory of the test's own; sum is as for ModuleDir.
func ModuleCopy(t testing.TB, module, version, sum string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "src")
	if err := os.CopyFS(dir, os.DirFS(ModuleDir(t, module+"@"+version, sum))); err != nil {
		t.Fatal(err)
	}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, _ error) error {
		mode := os.FileMode(0o644)
		if d.IsDir() {
			mode = 0o755
		}
		return os.Chmod(p, mode)
	})
	if err := dropMissingReplaces(dir); err != nil {
		t.Fatal(err)
	}
	if err := fillEmbeds(dir); err != nil {
		t.Fatal(err)
	}
	if err := dropVendor(dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

// dropVendor removes the vendor directory of the module in dir: a module
// zip keeps vendor/modules.txt and none of the vendored packages
// (opsgenie-go-sdk-v2's), and with it the go command, and golangci-lint
// through it, would build with -mod=vendor from packages that are not
// there. Without it every tool resolves the modules from the proxy, as
// the runs with -mod=mod do.
func dropVendor(dir string) error {
	return os.RemoveAll(filepath.Join(dir, "vendor"))
}

// fillEmbeds creates, empty, what a //go:embed directive of the module
// names and its zip lacks (alertmanager's ui/app/dist, a build output):
// statuslint needs the package to type-check, not the files. A pattern
// with an extension is a file; one without, a directory, given an
// index.html; a glob, one file it matches.
func fillEmbeds(dir string) error {
	return filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, line := range strings.Split(string(data), "\n") {
			rest, ok := strings.CutPrefix(strings.TrimSpace(line), "//go:embed ")
			if !ok {
				continue
			}
			for _, pattern := range strings.Fields(rest) {
				pattern = strings.TrimPrefix(strings.Trim(pattern, "\"`"), "all:")
				full := filepath.Join(filepath.Dir(p), filepath.FromSlash(pattern))
				if matches, _ := filepath.Glob(full); len(matches) > 0 {
					continue
				}
				switch {
				case strings.ContainsAny(pattern, "*?["):
					if strings.ContainsAny(filepath.Dir(pattern), "*?[") {
						continue // a glob of directories: left as it is
					}
					full = filepath.Join(filepath.Dir(full), strings.NewReplacer("*", "placeholder", "?", "p").Replace(filepath.Base(pattern)))
				case filepath.Ext(pattern) == "":
					full = filepath.Join(full, "index.html")
				}
				if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
					return err
				}
				if err := os.WriteFile(full, nil, 0o644); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// dropMissingReplaces drops the replace directives of the go.mod in dir
// that point at a directory the module zip has not (kratos replaces its
// SDK with ./internal/client-go, a module of its own): the replaced
// module then comes from the proxy.
func dropMissingReplaces(dir string) error {
	if _, err := os.Stat(filepath.Join(dir, "go.mod")); err != nil {
		return nil // no go.mod: the caller makes one
	}
	cmd := exec.Command("go", "mod", "edit", "-json")
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return err
	}
	var mod struct {
		Replace []struct {
			Old, New struct{ Path, Version string }
		}
	}
	if err := json.Unmarshal(out, &mod); err != nil {
		return err
	}
	for _, r := range mod.Replace {
		local := strings.HasPrefix(r.New.Path, "./") || strings.HasPrefix(r.New.Path, "../")
		if _, err := os.Stat(filepath.Join(dir, r.New.Path)); !local || err == nil {
			continue
		}
		old := r.Old.Path
		if r.Old.Version != "" {
			old += "@" + r.Old.Version
		}
		drop := exec.Command("go", "mod", "edit", "-dropreplace="+old)
		drop.Dir = dir
		if out, err := drop.CombinedOutput(); err != nil {
			return fmt.Errorf("go mod edit -dropreplace=%s: %v\n%s", old, err, out)
		}
	}
	return nil
}

// GotifyUI writes the files of gotify's web UI build, which its module
// zip has not and its ui package embeds (build/*): empty, as statuslint
// needs only the package to type-check.
func GotifyUI(dir string) error {
	for _, f := range []string{"index.html", "manifest.json", "asset-manifest.json", "static/main.js"} {
		p := filepath.Join(dir, "ui", "build", f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte("{}"), 0o644); err != nil {
			return err
		}
	}
	return nil
}
