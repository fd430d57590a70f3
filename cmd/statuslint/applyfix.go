package main

import (
	"bytes"
	"cmp"
	"fmt"
	"go/ast"
	"go/format"
	"go/token"
	"io"
	"maps"
	"os"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis/checker"
)

// An edit replaces the bytes [start, end) of a file with text.
type edit struct {
	start, end int
	text       string
}

// applyFixes applies the first suggested fix of every diagnostic of the
// root actions, or with diff prints what it would change as unified diffs
// to w. A fix is applied whole or not at all: one that overlaps a fix
// already taken is skipped and counted in the error, so that a second run
// can apply it. Fixes that touch generated files are dropped. The same fix
// reported for a package and its test variant is applied once.
//
// A file that was gofmt-clean is gofmt-clean afterwards; any other file
// changes only where the fixes change it. With diff, pending says that
// some fix would change a file: a gate, as go fix -diff's exit status.
func applyFixes(roots []*checker.Action, diff bool, w io.Writer) (pending bool, err error) {
	files := map[string]*fileFix{}
	generated := map[*token.File]bool{}
	seen := map[string]bool{}
	total, applied := 0, 0
	for _, act := range roots {
		fset := act.Package.Fset
		for _, f := range act.Package.Syntax {
			generated[fset.File(f.FileStart)] = ast.IsGenerated(f)
		}
		for _, d := range act.Diagnostics {
			if len(d.SuggestedFixes) == 0 {
				continue
			}
			byFile := map[*token.File][]edit{}
			skip := false
			for _, te := range d.SuggestedFixes[0].TextEdits {
				tf := fset.File(te.Pos)
				if generated[tf] {
					skip = true
					break
				}
				end := te.End
				if !end.IsValid() {
					end = te.Pos
				}
				byFile[tf] = append(byFile[tf], edit{tf.Offset(te.Pos), tf.Offset(end), string(te.NewText)})
			}
			key := fixKey(byFile)
			if skip || seen[key] {
				continue // a test variant's copy of a fix already counted
			}
			seen[key] = true
			total++
			ok, err := addFix(files, byFile)
			if err != nil {
				return false, err
			}
			if ok {
				applied++
			}
		}
	}

	names := slices.Sorted(maps.Keys(files))
	updated := 0
	for _, name := range names {
		ff := files[name]
		after := ff.apply()
		if diff {
			d := unifiedDiff(name+" (old)", name+" (new)", string(ff.before), string(after))
			pending = pending || d != ""
			io.WriteString(w, d)
			continue
		}
		if err := os.WriteFile(name, after, 0o644); err != nil {
			return false, err
		}
		updated++
	}
	if applied < total {
		if diff {
			return pending, fmt.Errorf("%d of %d fixes skipped (they overlap others)", total-applied, total)
		}
		return false, fmt.Errorf("applied %d of %d fixes; %d files updated. (Re-run the command to apply more.)", applied, total, updated)
	}
	return pending, nil
}

// fixKey identifies a fix by its edits, whichever package reported it.
func fixKey(byFile map[*token.File][]edit) string {
	var b strings.Builder
	byName := func(a, b *token.File) int { return strings.Compare(a.Name(), b.Name()) }
	for _, tf := range slices.SortedFunc(maps.Keys(byFile), byName) {
		fmt.Fprintf(&b, "%s%v;", tf.Name(), byFile[tf])
	}
	return b.String()
}

// fileFix is the fixes taken so far for one file.
type fileFix struct {
	before []byte
	edits  []edit // sorted, none overlapping
}

// addFix records a fix's edits if none of them overlaps an edit already
// taken; an edit equal to one taken (two fixes adding the same import) is
// taken once.
func addFix(files map[string]*fileFix, byFile map[*token.File][]edit) (bool, error) {
	merged := map[string][]edit{}
	for tf, edits := range byFile {
		ff := files[tf.Name()]
		if ff == nil {
			data, err := os.ReadFile(tf.Name())
			if err != nil {
				return false, err
			}
			if len(data) != tf.Size() {
				return false, fmt.Errorf("%s changed while it was analyzed (%d bytes, now %d); no fix applied", tf.Name(), tf.Size(), len(data))
			}
			ff = &fileFix{before: data}
			files[tf.Name()] = ff
		}
		all := slices.Clone(ff.edits)
		for _, e := range edits {
			if !slices.Contains(all, e) {
				all = append(all, e)
			}
		}
		slices.SortStableFunc(all, func(a, b edit) int {
			return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end))
		})
		for i := 1; i < len(all); i++ {
			prev, e := all[i-1], all[i]
			// Two insertions at one place have no order; a replacement
			// may not start inside another.
			if e.start < prev.end || (e.start == prev.start && e.start == e.end && prev.start == prev.end) {
				return false, nil
			}
		}
		merged[tf.Name()] = all
	}
	for name, all := range merged {
		files[name].edits = all
	}
	return true, nil
}

// apply returns the file with its edits applied, gofmt'd if it was
// gofmt-clean before.
func (ff *fileFix) apply() []byte {
	var b bytes.Buffer
	last := 0
	for _, e := range ff.edits {
		b.Write(ff.before[last:e.start])
		b.WriteString(e.text)
		last = e.end
	}
	b.Write(ff.before[last:])
	after := b.Bytes()
	if clean, err := format.Source(ff.before); err == nil && bytes.Equal(clean, ff.before) {
		if formatted, err := format.Source(after); err == nil {
			return formatted
		}
	}
	return after
}
