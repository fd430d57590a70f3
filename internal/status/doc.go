// Package status is what every pass works on and what the passes hand
// over: the package's files (Base), the variables and fields that hold a
// status, what variables are given, imported facts, a client request's
// method and URL, and the sinks pass's result (the status values at sinks
// and their sites).
//
// It is the layer between typesx and the passes: it imports no pass.
package status
