package main

import (
	"fmt"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/statuslint/statuslint/internal/testenv"
)

// sinkFloor is the recall the raw-status check must keep on the truth.
const sinkFloor = 0.95

// TestSinkTruth runs SL1001 on each module's covered packages and holds
// it to the truth: at least sinkFloor of the sites found, no silent
// literal reported, no finding in a covered file that the truth does not
// list, and every finding elsewhere in those packages judged right by a
// reader (precision 100%).
func TestSinkTruth(t *testing.T) {
	testenv.Slow(t, "fetches real application modules from the module proxy")
	for _, st := range testenv.SinkTruth {
		t.Run(st.Name, func(t *testing.T) {
			sites, silent, judged, err := readSinkTruth(filepath.Join("testdata", "realworld", "sinktruth", st.Name+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			dir := moduleCopy(t, st.Module, st.Version)
			args := []string{"-json", "-checks=SL1001"}
			if st.Tags != "" {
				args = append(args, "-tags="+st.Tags)
			}
			got := map[string]string{}
			all := realFindings(t, dir, append(slices.Clone(args), st.Patterns...))
			// Each package alone, with every package of the module it
			// imports read for facts, and under go vet: the same findings.
			oneAnswer(t, dir, args, st.Patterns, all)
			for _, f := range all {
				pos, msg, _ := strings.Cut(f, ": ")
				got[pos] = msg
			}
			scored := func(pos string) bool {
				file, _, _ := strings.Cut(pos, ":")
				return slices.Contains(st.Patterns, "./"+path.Dir(file))
			}
			covered := map[string]bool{}
			for pos := range sites {
				covered[pos[:strings.Index(pos, ":")]] = true
			}
			for pos := range silent {
				covered[pos[:strings.Index(pos, ":")]] = true
			}
			found, total := 0, 0
			var missed []string
			for _, pos := range slices.Sorted(maps.Keys(sites)) {
				if !scored(pos) {
					continue
				}
				total++
				if _, ok := got[pos]; ok {
					found++
				} else {
					missed = append(missed, fmt.Sprintf("%s: %s", pos, sites[pos]))
				}
			}
			for _, pos := range slices.Sorted(maps.Keys(got)) {
				file, _, _ := strings.Cut(pos, ":")
				switch {
				case silent[pos] != "":
					t.Errorf("false finding: %s: %s (the truth: %s)", pos, got[pos], silent[pos])
				case covered[file] && sites[pos] == "":
					t.Errorf("finding the truth does not list (read it, then record it as a site or fix the check): %s: %s", pos, got[pos])
				case !covered[file] && judged[pos] == "":
					t.Errorf("finding outside the covered files that no one judged (read it, then record it as judged or fix the check): %s: %s", pos, got[pos])
				case strings.HasPrefix(judged[pos], "FALSE"):
					t.Errorf("a finding judged false: %s: %s (%s)", pos, got[pos], judged[pos])
				}
			}
			for _, pos := range slices.Sorted(maps.Keys(judged)) {
				if _, ok := got[pos]; !ok && scored(pos) {
					t.Errorf("judged finding gone: %s: %s", pos, judged[pos])
				}
			}
			t.Logf("%s: %d of %d sites found", st.Name, found, total)
			if total == 0 {
				t.Fatal("no site in the scored packages: the case tests nothing")
			}
			if float64(found) < sinkFloor*float64(total) {
				t.Errorf("%d of %d sites found, below %.0f%%; missed:\n%s", found, total, 100*sinkFloor, strings.Join(missed, "\n"))
			}
		})
	}
}

// readSinkTruth reads a sinktruth file: its sites and silent literals by
// position (file:line:col), each with what the reader wrote of it, and
// the findings in the scored packages outside the covered files, each
// judged by a reader.
func readSinkTruth(file string) (sites, silent, judged map[string]string, err error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, nil, nil, err
	}
	sites, silent, judged = map[string]string{}, map[string]string{}, map[string]string{}
	for i, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		switch {
		case f[0] == "site" && len(f) == 5:
			sites[f[1]] = f[2] + " " + f[3]
		case f[0] == "silent" && len(f) == 4:
			silent[f[1]] = f[2] + ": " + f[3]
		case f[0] == "judged" && len(f) == 4:
			judged[f[1]] = f[3]
		default:
			return nil, nil, nil, fmt.Errorf("%s:%d: want site (5 fields), silent or judged (4 fields), tab-separated: %q", file, i+1, line)
		}
	}
	return sites, silent, judged, nil
}
