package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/statuslint/statuslint/internal/testenv"
)

// A retryTruth is what a module's retries are, read by hand before the
// check is run on it: testdata/realworld/retrytruth/NAME.txt, one per SDK
// or client module that no other test names.
type retryTruth struct {
	module, version string
	// patterns hold every retry construct of the module.
	patterns []string
	resends  []resend
}

// A resend is one place that re-sends an unchanged request after a status
// the default table says not to: the send repeated, the line that admits
// the status, the check, and the statuses.
type resend struct {
	check string
	// sends are the lines of the send: where the request goes out, and
	// where the retry calls the function of the module that sends it
	// (posthog's loop calls c.upload(b), which calls c.http.Do).
	sends []string
	// decision is the line that admits the status; decisions, the lines
	// it may be named by: where a retry library is given a policy, and
	// the policy's branch (newrelic's CheckRetry = RetryPolicy, and
	// RetryPolicy's resp.StatusCode >= 502).
	decision  string
	decisions []string
	statuses  []int
	why       string
}

// readTruth reads a ground-truth file: "# module M V", "# patterns P...",
// "resend\tCHECK\tSEND[,SEND]\tDECISION[,DECISION]\tCODES\tWHY" and "silent\tPOS\tWHY" lines
// (a place that must stay silent: every finding that matches no resend is
// false, so silent lines are the reader's notes, kept for the next
// reader).
func readTruth(path string) (retryTruth, error) {
	header, err := testenv.RetryTruthHeader(path)
	rt := retryTruth{module: header.Module, version: header.Version, patterns: header.Patterns}
	if err != nil {
		return rt, err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return rt, err
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		fields := strings.Split(line, "\t")
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case fields[0] == "resend":
			if len(fields) != 6 || fields[1] != "SL2001" && fields[1] != "SL2002" {
				return rt, fmt.Errorf("%s:%d: want resend\\tSL2001|SL2002\\tSEND\\tDECISION\\tCODES\\tWHY", path, n)
			}
			r := resend{check: fields[1], sends: strings.Split(fields[2], ","), decision: fields[3], decisions: strings.Split(fields[3], ","), why: fields[5]}
			for _, c := range strings.Split(fields[4], ",") {
				code, err := strconv.Atoi(strings.TrimSpace(c))
				if err != nil {
					return rt, fmt.Errorf("%s:%d: status %q: %v", path, n, c, err)
				}
				r.statuses = append(r.statuses, code)
			}
			rt.resends = append(rt.resends, r)
		case fields[0] == "silent":
			if len(fields) != 3 {
				return rt, fmt.Errorf("%s:%d: want silent\\tPOS\\tWHY", path, n)
			}
		default:
			return rt, fmt.Errorf("%s:%d: a line that is no resend, silent or comment", path, n)
		}
	}
	return rt, nil
}

// A retryFinding is an SL2001 or SL2002 finding with its positions
// ("file:line", relative to the module) and statuses.
type retryFinding struct {
	text      string
	check     string
	positions []string
	statuses  []int
}

var statusInMessage = regexp.MustCompile(`\b([1-5]\d\d) \(`)

// retryFindings runs the retry checks with args in the module at dir.
func retryFindings(t *testing.T, dir string, patterns []string) []retryFinding {
	t.Helper()
	cmd := exec.Command(binary, append([]string{"-json", "-checks=SL2001,SL2002"}, patterns...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("statuslint: %v\n%s", err, stderr.String())
	}
	var tree map[string]map[string][]jsonDiagnostic
	if err := json.Unmarshal(out, &tree); err != nil {
		t.Fatalf("statuslint -json: %v\n%s", err, out)
	}
	// -json's paths are relative to the working directory, the module's.
	line := func(posn string) string {
		parts := strings.Split(filepath.ToSlash(posn), ":")
		return strings.Join(parts[:min(2, len(parts))], ":")
	}
	var list []retryFinding
	for _, analyzers := range tree {
		for _, diags := range analyzers {
			for _, d := range diags {
				f := retryFinding{check: "SL2001", positions: []string{line(d.Posn)}}
				if strings.Contains(d.Message, "without reading Retry-After") {
					f.check = "SL2002"
				}
				head, _, _ := strings.Cut(d.Message, ":")
				for _, m := range statusInMessage.FindAllStringSubmatch(head, -1) {
					code, _ := strconv.Atoi(m[1])
					f.statuses = append(f.statuses, code)
				}
				for _, r := range d.Related {
					f.positions = append(f.positions, line(r.Posn))
				}
				f.text = filepath.ToSlash(d.Posn) + ": " + d.Message
				list = append(list, f)
			}
		}
	}
	slices.SortFunc(list, func(a, b retryFinding) int { return strings.Compare(a.text, b.text) })
	return list
}

// matches says whether a finding is about the place r: the same check,
// at or pointing to its send, or at its decision. A decision's line is
// that of the operand that admits the status; a finding may be at the
// start of the condition or case it is part of, up to three lines above
// (a case clause listing 429 and 503 on lines of their own).
func (f retryFinding) matches(r resend) bool {
	if f.check != r.check {
		return false
	}
	for _, p := range f.positions {
		if slices.Contains(r.sends, p) || slices.ContainsFunc(r.decisions, func(d string) bool { return linesAbove(p, d) <= 3 }) {
			return true
		}
	}
	return false
}

// linesAbove returns how many lines pos ("file:line") is above decision
// in the same file, or a large number when it is below or elsewhere.
func linesAbove(pos, decision string) int {
	file, line, _ := strings.Cut(pos, ":")
	dfile, dline, _ := strings.Cut(decision, ":")
	a, err1 := strconv.Atoi(line)
	b, err2 := strconv.Atoi(dline)
	if file != dfile || err1 != nil || err2 != nil || a > b {
		return 1 << 30
	}
	return b - a
}

// A truthScore is how the check does on one module's ground truth.
type truthScore struct {
	found, resends  int // resends found, of those on record
	placesFound     int // decisions (a check at a line) with a resend found
	places          int // decisions on record
	right, findings int // findings true, of those made
	misses, wrong   []string
}

// score compares findings with the resends on record: a resend is found
// when a finding about it names one of its statuses, a decision (a check
// at a line: one that several sends go through counts once) when one of
// its resends is; a finding is right when it is about a resend on record
// and names only statuses that resend's decision admits.
func score(rt retryTruth, findings []retryFinding) truthScore {
	var s truthScore
	s.resends, s.findings = len(rt.resends), len(findings)
	placeFound := map[string]bool{}
	for _, r := range rt.resends {
		found := slices.ContainsFunc(findings, func(f retryFinding) bool {
			return f.matches(r) && slices.ContainsFunc(f.statuses, func(c int) bool { return slices.Contains(r.statuses, c) })
		})
		place := r.check + " " + r.decision
		placeFound[place] = placeFound[place] || found
		if found {
			s.found++
		} else {
			s.misses = append(s.misses, fmt.Sprintf("%s %s at %s (sent at %s): %s", r.check, joinInts(r.statuses), r.decision, strings.Join(r.sends, ","), r.why))
		}
	}
	for _, found := range placeFound {
		s.places++
		if found {
			s.placesFound++
		}
	}
	for _, f := range findings {
		var allowed []int
		for _, r := range rt.resends {
			if f.matches(r) {
				allowed = append(allowed, r.statuses...)
			}
		}
		extra := slices.DeleteFunc(slices.Clone(f.statuses), func(c int) bool { return slices.Contains(allowed, c) })
		if len(allowed) > 0 && len(extra) == 0 {
			s.right++
		} else {
			s.wrong = append(s.wrong, f.text)
		}
	}
	return s
}

func joinInts(list []int) string {
	var s []string
	for _, c := range list {
		s = append(s, strconv.Itoa(c))
	}
	return strings.Join(s, ",")
}

// TestRetryTruth runs the retry checks on SDK and client modules whose
// every retry construct was read and written down before the check was
// run on them (testdata/realworld/retrytruth), and scores recall (places
// found) and precision (findings right). The scores on record in
// SCORES.txt are a floor: a module that loses a place or gains a false
// finding fails; -update records the new scores once they are better.
func TestRetryTruth(t *testing.T) {
	testenv.Slow(t, "fetches real modules from the module proxy")
	dir := filepath.Join("testdata", "realworld", "retrytruth")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	files = slices.DeleteFunc(files, func(f string) bool { return filepath.Base(f) == "SCORES.txt" })
	floor := readScores(t, filepath.Join(dir, "SCORES.txt"))
	var b strings.Builder
	var total truthScore
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txt")
		rt, err := readTruth(file)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(name, func(t *testing.T) {
			dir := moduleCopy(t, rt.module, rt.version)
			findings := retryFindings(t, dir, rt.patterns)
			// Each package alone, and under go vet: the same findings.
			texts := make([]string, len(findings))
			for i, f := range findings {
				texts[i] = f.text
			}
			oneAnswer(t, dir, []string{"-checks=SL2001,SL2002"}, rt.patterns, texts)
			s := score(rt, findings)
			fmt.Fprintf(&b, "%s\t%d/%d found\t%d/%d decisions\t%d/%d right\n", name, s.found, s.resends, s.placesFound, s.places, s.right, s.findings)
			for _, m := range s.misses {
				t.Logf("miss: %s", m)
			}
			for _, f := range s.wrong {
				t.Logf("false: %s", f)
			}
			total.found += s.found
			total.placesFound += s.placesFound
			total.places += s.places
			total.resends += s.resends
			total.right += s.right
			total.findings += s.findings
			if old, ok := floor[name]; ok && !*update && (s.found < old.found || s.placesFound < old.placesFound || s.findings-s.right > old.findings-old.right) {
				t.Errorf("%s: %d/%d found, %d false; on record: %d/%d found, %d false", name, s.found, s.resends, s.findings-s.right, old.found, old.resends, old.findings-old.right)
			}
		})
	}
	t.Logf("recall %d/%d resends, %d/%d decisions; precision %d/%d", total.found, total.resends, total.placesFound, total.places, total.right, total.findings)
	if *update {
		fmt.Fprintf(&b, "TOTAL\t%d/%d found\t%d/%d decisions\t%d/%d right\n", total.found, total.resends, total.placesFound, total.places, total.right, total.findings)
		if err := os.WriteFile(filepath.Join(dir, "SCORES.txt"), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// readScores reads SCORES.txt: "NAME\tF/R found\tP/Q decisions\tT/N
// right" per module.
func readScores(t *testing.T, path string) map[string]truthScore {
	t.Helper()
	scores := map[string]truthScore{}
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) && *update {
		return scores
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var name string
		var s truthScore
		if _, err := fmt.Sscanf(strings.ReplaceAll(line, "\t", " "), "%s %d/%d found %d/%d decisions %d/%d right", &name, &s.found, &s.resends, &s.placesFound, &s.places, &s.right, &s.findings); err != nil {
			t.Fatalf("%s: %q: %v", path, line, err)
		}
		scores[name] = s
	}
	return scores
}
