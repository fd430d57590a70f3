package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/statuslint/statuslint/internal/testenv"
)

// A routeTruth is what a service's routes are, read by hand from its code
// and its spec before the route mechanisms were built:
// testdata/realworld/routetruth/NAME.txt (the README there says how).
type routeTruth struct {
	module, version, spec string
	patterns              []string
	// ties maps a registration ("file:line") to the operations it
	// serves ("METHOD /path"), "" for none: one registration may serve
	// several methods (a loop over a method list).
	ties map[string][]string
	// findings are the SL1005 ("SL1005 file:line status") and SL1006
	// ("SL1006 file:line") a perfect run makes; undecided, those the
	// reader could not decide either way (neither required nor false).
	findings, undecided []string
}

// readRouteTruth reads a route ground-truth file.
func readRouteTruth(path string) (routeTruth, error) {
	rt := routeTruth{ties: map[string][]string{}}
	f, err := os.Open(path)
	if err != nil {
		return rt, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if rest, ok := strings.CutPrefix(line, "# "); ok {
			key, value, _ := strings.Cut(rest, " ")
			switch key {
			case "module":
				rt.module, rt.version, _ = strings.Cut(value, " ")
			case "spec":
				rt.spec = value
			case "patterns":
				rt.patterns = strings.Fields(value)
			}
			continue
		}
		fields := strings.Split(line, "\t")
		switch {
		case line == "":
		case fields[0] == "route" && len(fields) >= 6:
			op := ""
			if fields[5] != "none" {
				// "GET /status (getStatus)": by its operationId too, as
				// a record may write the path without the base path.
				method, path, _ := strings.Cut(fields[5], " ")
				path, id, _ := strings.Cut(path, " ")
				op = method + " " + path + "|" + strings.Trim(id, "()")
			}
			if !slices.Contains(rt.ties[fields[3]], op) {
				rt.ties[fields[3]] = append(rt.ties[fields[3]], op)
			}
		case fields[0] == "finding" && len(fields) >= 4 && fields[1] == "SL1005":
			rt.findings = append(rt.findings, "SL1005 "+fields[2]+" "+fields[3])
		case fields[0] == "finding" && len(fields) >= 3 && fields[1] == "SL1006":
			rt.findings = append(rt.findings, "SL1006 "+fields[2])
		case fields[0] == "undecided" && len(fields) >= 4 && fields[1] == "SL1005":
			rt.undecided = append(rt.undecided, "SL1005 "+fields[2]+" "+fields[3])
		case fields[0] == "silent":
		default:
			return rt, fmt.Errorf("%s:%d: not a route, finding or silent record: %q", path, n, line)
		}
	}
	if rt.module == "" || rt.spec == "" || len(rt.patterns) == 0 {
		return rt, fmt.Errorf("%s: no module, spec or patterns line", path)
	}
	return rt, sc.Err()
}

// A routeScore is how the route mechanisms do on one service.
type routeScore struct {
	tied, toTie          int // registrations tied to their operation, of those on record with one
	rightTies, ties      int // ties right, of those made at registrations on record
	found, toFind        int // findings on record made
	rightFound, findings int // findings made that are on record
}

var (
	tieLine     = regexp.MustCompile(`^([^:]+:\d+):\d+: route .* -> ([A-Z]+ /\S*) \(([^,]*),`)
	statusLine  = regexp.MustCompile(`^([^:]+:\d+):\d+: status (\d+) \(`)
	missingLine = regexp.MustCompile(`^([^:]+:\d+):\d+: route .* is not in `)
	// writtenAt is where a handler of another package writes the status
	// a finding at the registration reports.
	writtenAt = regexp.MustCompile(` written by .+? \(([^()]+:\d+)\) is not documented`)
	// registeredAt is where a function of another package registers the
	// route a line reports at the call that hands it the router.
	registeredAt = regexp.MustCompile(`^[^:]+:\d+:\d+: route \S+ \S+ \(registered at (\S+) by \S+\)`)
)

// registration returns where the route of a -routes line or finding
// was registered, relative to the module's root: where the line is, or
// the registration in another package it names.
func registration(rt routeTruth, line, at string) string {
	if m := registeredAt.FindStringSubmatch(line); m != nil && strings.HasPrefix(m[1], rt.module+"/") {
		return strings.TrimPrefix(m[1], rt.module+"/")
	}
	// Registered in the module, or in a dependency: the records write
	// a dependency's registration at the module's call of it.
	return at
}

// sameOp reports whether two operations, "METHOD /path|operationId", are
// one: by method and path, or by operationId where both have one that is
// no "METHOD /path" (an operation without an id is named by those).
func sameOp(a, b string) bool {
	pathA, idA, _ := strings.Cut(a, "|")
	pathB, idB, _ := strings.Cut(b, "|")
	return pathA == pathB || idA != "" && idA == idB && !strings.Contains(idA, " ")
}

// scoreRoutes compares a -routes listing and the SL1005/SL1006 findings
// with the record. Registrations in tests are out of the record's scope.
func scoreRoutes(rt routeTruth, listing, findings []string) (routeScore, []string) {
	var s routeScore
	var notes []string
	ours := map[string][]string{}
	for _, l := range listing {
		if m := tieLine.FindStringSubmatch(l); m != nil {
			reg, op := registration(rt, l, m[1]), m[2]+"|"+m[3]
			if !slices.Contains(ours[reg], op) {
				ours[reg] = append(ours[reg], op)
			}
		}
	}
	for reg, ops := range rt.ties {
		for _, op := range ops {
			if op == "" {
				continue
			}
			s.toTie++
			if slices.ContainsFunc(ours[reg], func(o string) bool { return sameOp(o, op) }) {
				s.tied++
			} else {
				notes = append(notes, fmt.Sprintf("not tied: %s to %s (listed: %q)", reg, op, ours[reg]))
			}
		}
	}
	for reg, ops := range ours {
		want, onRecord := rt.ties[reg]
		for _, op := range ops {
			switch {
			case onRecord && slices.ContainsFunc(want, func(w string) bool { return sameOp(w, op) }):
				s.ties++
				s.rightTies++
			case onRecord || !strings.Contains(reg, "_test.go:"):
				s.ties++
				notes = append(notes, fmt.Sprintf("wrong tie: %s to %s (on record: %q)", reg, op, want))
			}
		}
	}
	var made []string
	for _, f := range findings {
		if m := missingLine.FindStringSubmatch(f); m != nil {
			made = append(made, "SL1006 "+registration(rt, f, m[1]))
		} else if m := statusLine.FindStringSubmatch(f); m != nil {
			w := writtenAt.FindStringSubmatch(f)
			if w == nil {
				made = append(made, "SL1005 "+m[1]+" "+m[2])
				continue
			}
			// Reported at the registration, for the writes in the
			// handler's package: on record by each write's file.
			// A write through a call of another package's function
			// names both ("a.go:3 calling b.go:9"): on record by either.
			for _, site := range strings.Split(w[1], ", ") {
				call, write, _ := strings.Cut(site, " calling ")
				at := call
				for _, rec := range slices.Concat(rt.findings, rt.undecided) {
					if fields := strings.Fields(rec); fields[0] == "SL1005" && fields[2] == m[2] && (filepath.Base(fields[1]) == call || filepath.Base(fields[1]) == write) {
						at = fields[1]
					}
				}
				made = append(made, "SL1005 "+at+" "+m[2])
			}
		}
	}
	s.toFind = len(rt.findings)
	for _, f := range rt.findings {
		if slices.Contains(made, f) {
			s.found++
		} else {
			notes = append(notes, "not found: "+f)
		}
	}
	for _, f := range made {
		if strings.Contains(f, "_test.go:") || slices.Contains(rt.undecided, f) {
			continue
		}
		s.findings++
		if slices.Contains(rt.findings, f) {
			s.rightFound++
		} else {
			notes = append(notes, "false: "+f)
		}
	}
	slices.Sort(notes)
	return s, notes
}

func (s routeScore) String() string {
	return fmt.Sprintf("%d/%d tied\t%d/%d ties right\t%d/%d found\t%d/%d right", s.tied, s.toTie, s.rightTies, s.ties, s.found, s.toFind, s.rightFound, s.findings)
}

// TestRouteTruth runs -routes and the operation checks (SL1005, SL1006)
// on services whose every route was read and written down before the
// route mechanisms were built (testdata/realworld/routetruth), and scores
// recall and precision of the ties and the findings. SCORES.txt there
// names the services scored and holds their floor: a service that loses
// a tie or a finding, or gains a wrong one, fails; -update records better
// scores. The README says why the others are not scored yet.
func TestRouteTruth(t *testing.T) {
	testenv.Slow(t, "fetches real modules from the module proxy")
	dir := filepath.Join("testdata", "realworld", "routetruth")
	scoresPath := filepath.Join(dir, "SCORES.txt")
	data, err := os.ReadFile(scoresPath)
	if err != nil {
		t.Fatal(err)
	}
	floor := map[string]routeScore{}
	var names []string
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var name string
		var s routeScore
		if _, err := fmt.Sscanf(strings.ReplaceAll(line, "\t", " "), "%s %d/%d tied %d/%d ties right %d/%d found %d/%d right", &name, &s.tied, &s.toTie, &s.rightTies, &s.ties, &s.found, &s.toFind, &s.rightFound, &s.findings); err != nil {
			t.Fatalf("%s: %q: %v", scoresPath, line, err)
		}
		floor[name] = s
		names = append(names, name)
	}
	var b strings.Builder
	for _, name := range names {
		rt, err := readRouteTruth(filepath.Join(dir, name+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		t.Run(name, func(t *testing.T) {
			src := moduleCopy(t, rt.module, rt.version)
			spec := "-codes=" + filepath.Join(src, rt.spec)
			listing := realFindings(t, src, append([]string{"-json", "-routes", spec}, rt.patterns...))
			findings := realFindings(t, src, append([]string{"-json", "-checks=SL1005,SL1006", spec}, rt.patterns...))
			s, notes := scoreRoutes(rt, listing, findings)
			for _, n := range notes {
				t.Log(n)
			}
			t.Logf("%s: %s", name, s)
			fmt.Fprintf(&b, "%s\t%s\n", name, s)
			old := floor[name]
			if s.tied < old.tied || s.found < old.found || s.ties-s.rightTies > old.ties-old.rightTies || s.findings-s.rightFound > old.findings-old.rightFound {
				t.Errorf("%s: %s; on record: %s", name, s, old)
			}
		})
	}
	if *update && !t.Failed() {
		if err := os.WriteFile(scoresPath, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// The scorer reads a record and scores a listing: ties to the operation
// on record count, a tie to another or at a registration on record with
// none is wrong, tests' registrations are out of scope; findings match by
// check, line and status.
func TestScoreRoutes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "svc.txt")
	record := strings.Join([]string{
		"# module example.com/svc v1.0.0",
		"# spec api.yaml",
		"# patterns ./...",
		"route\tGET\t/a\ts.go:1\t-\tGET /a (getA)\twhy",
		"route\tPOST\t/a\ts.go:2\t-\tPOST /a (postA)\twhy",
		"route\tGET\t/ui\ts.go:3\t-\tnone\twhy",
		"route\tGET\t/c\tc/c.go:4\t-\tGET /c (getC)\twhy",
		"route\tHEAD\t/c\tc/c.go:4\t-\tnone\twhy",
		"route\tGET\t/status\ts.go:20\t-\tGET /status (getStatus)\twhy",
		"finding\tSL1006\tc/c.go:5\tGET /d\twhy",
		"finding\tSL1005\th.go:9\t409\tGET /a\twhy",
		"finding\tSL1005\tpkg/h/h.go:12\t404\tGET /a\twhy",
		"finding\tSL1005\tpkg/h/g.go:2\t410\tGET /a\twhy",
		"finding\tSL1006\ts.go:4\tGET /b\twhy",
		"silent\th.go:10\twhy",
		"undecided\tSL1005\th.go:11\t500\twhy",
	}, "\n")
	if err := os.WriteFile(path, []byte(record), 0o644); err != nil {
		t.Fatal(err)
	}
	rt, err := readRouteTruth(path)
	if err != nil {
		t.Fatal(err)
	}
	listing := []string{
		"s.go:1:5: route GET /a -> GET /a (getA, api.yaml:3)",
		"s.go:2:5: route POST /a -> not resolved (its path or router is not constant): the API-wide table applies",
		"s.go:3:5: route GET /ui -> GET /a (getA, api.yaml:3, the one operation whose path ends as the route's: its router's prefix is not known here)",
		"s_test.go:7:5: route GET /a -> GET /a (getA, api.yaml:3)",
		"s.go:9:5: route GET /c (registered at example.com/svc/c/c.go:4 by c.Routes.Setup) -> GET /c (getC, api.yaml:9)",
		"s.go:20:3: route GET /status -> GET /api/v2/status (getStatus, api.yaml:7, without the servers' base path)",
	}
	findings := []string{
		"h.go:9:3: status 409 (Conflict) in WriteHeader is not documented for GET /a (documented: 200)",
		"h.go:10:3: status 500 (Internal Server Error) in WriteHeader is not documented for GET /a (documented: 200)",
		"h.go:11:3: status 500 (Internal Server Error) in WriteHeader is not documented for GET /a (documented: 200)",
		"s.go:1:5: status 404 (Not Found) written by h.Get (h.go:12) is not documented for GET /a (documented: 200)",
		"s.go:1:5: status 410 (Gone) written by h.Get (h.go:13, g.go:1 calling g.go:2) is not documented for GET /a (documented: 200)",
		"s.go:1:5: status 500 (Internal Server Error) written by h.Get (h.go:11) is not documented for GET /a (documented: 200)",
		"s.go:9:5: route GET /d (registered at example.com/svc/c/c.go:5 by c.Routes.Setup) is not in api.yaml: clients cannot know it",
	}
	s, _ := scoreRoutes(rt, listing, findings)
	want := routeScore{tied: 3, toTie: 4, rightTies: 3, ties: 4, found: 4, toFind: 5, rightFound: 4, findings: 6}
	if s != want {
		t.Errorf("score %s, want %s", s, want)
	}
}
