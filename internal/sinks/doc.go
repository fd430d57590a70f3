// Package sinks is the statussinks pass: it finds the status values that
// reach a status sink (WriteHeader, c.JSON, a status comparison...) and the
// project's wrappers of sinks, with a fact for each wrapper and for each
// field that carries a status. It reports nothing; its result is what the
// other passes check.
package sinks
