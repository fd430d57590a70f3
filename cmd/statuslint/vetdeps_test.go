package main

import (
	"archive/zip"
	"os"
	"os/exec"
	"path/filepath"
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
	depMod := "module dep.example/lib\n\ngo 1.26\n"
	depSrc := "package lib\n\nimport (\n\t\"net/http\"\n\n\t\"demo/httputil\"\n)\n\n// NotFound answers 404.\nfunc NotFound(w http.ResponseWriter) { httputil.Reply(w, http.StatusNotFound) }\n"
	modDir := filepath.Join(proxy, "dep.example", "lib", "@v")
	writeFile(t, modDir, "list", "v1.0.0\n")
	writeFile(t, modDir, "v1.0.0.info", `{"Version":"v1.0.0"}`)
	writeFile(t, modDir, "v1.0.0.mod", depMod)
	zf, err := os.Create(filepath.Join(modDir, "v1.0.0.zip"))
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(zf)
	for name, text := range map[string]string{"go.mod": depMod, "lib.go": depSrc} {
		w, err := zw.Create("dep.example/lib@v1.0.0/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(text)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := zf.Close(); err != nil {
		t.Fatal(err)
	}

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
