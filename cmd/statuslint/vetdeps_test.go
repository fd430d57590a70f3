package main

import (
	"archive/zip"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// A dependency module that imports a package of the main module (gax-go's
// apierror imports google.golang.org/api/googleapi when that module is
// the one vetted): go vet runs statuslint on the dependency for its types
// only, and that run decodes the facts statuslint gave the main module's
// package. It used to fail on them, silently, and every package that
// imports the dependency then could not import it.
func TestVetDependencyImportsMainModule(t *testing.T) {
	proxy := t.TempDir()
	proxyModule(t, proxy, "dep.example/lib", "v1.0.0", map[string]string{
		"lib.go": "package lib\n\nimport (\n\t\"net/http\"\n\n\t\"demo/httputil\"\n)\n\n// NotFound answers 404.\nfunc NotFound(w http.ResponseWriter) { httputil.Reply(w, http.StatusNotFound) }\n",
	})

	dir := module(t, map[string]string{
		// A wrapper: statuslint gives it a fact.
		"httputil/reply.go": "package httputil\n\nimport \"net/http\"\n\n// Reply writes code.\nfunc Reply(w http.ResponseWriter, code int) { w.WriteHeader(code) }\n",
		"app/app.go":        "package app\n\nimport (\n\t\"net/http\"\n\n\t\"dep.example/lib\"\n)\n\nfunc H(w http.ResponseWriter, r *http.Request) {\n\tif r.URL.Path == \"/\" {\n\t\tlib.NotFound(w)\n\t\treturn\n\t}\n\tw.WriteHeader(404)\n}\n",
	})
	writeFile(t, dir, "go.mod", "module demo\n\ngo 1.26\n\nrequire dep.example/lib v1.0.0\n")
	cmd := exec.Command("go", "vet", "-vettool="+binary, "./app")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=file://"+filepath.ToSlash(proxy), "GOSUMDB=off", "GONOSUMDB=*", "GOWORK=off")
	out, _ := cmd.CombinedOutput()
	const want = "app.go:14:16: raw status code 404 in WriteHeader: use http.StatusNotFound"
	if !strings.Contains(string(out), want) || strings.Contains(string(out), "could not import") {
		t.Errorf("go vet ./app: want %q and no import failure\n%s", want, out)
	}
}

// proxyModule writes the module path at version, with files and a go.mod,
// into the file proxy at the directory proxy (GOPROXY=file://proxy).
func proxyModule(t *testing.T, proxy, path, version string, files map[string]string) {
	t.Helper()
	mod := "module " + path + "\n\ngo 1.26\n"
	modDir := filepath.Join(proxy, filepath.FromSlash(path), "@v")
	writeFile(t, modDir, "list", version+"\n")
	writeFile(t, modDir, version+".info", `{"Version":"`+version+`"}`)
	writeFile(t, modDir, version+".mod", mod)
	zf, err := os.Create(filepath.Join(modDir, version+".zip"))
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(zf)
	files = maps.Clone(files)
	files["go.mod"] = mod
	for _, name := range slices.Sorted(maps.Keys(files)) {
		w, err := zw.Create(path + "@" + version + "/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(files[name])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := zf.Close(); err != nil {
		t.Fatal(err)
	}
}
