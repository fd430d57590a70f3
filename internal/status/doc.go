// Package status is what every pass works on and what the passes hand
// over: the package's Index (its files and declarations, the variables
// and fields that hold a status, what variables are given), the sinks
// pass's result (the status values at sinks and their sites), and free
// functions over a pass and the index in the style of staticcheck's
// analysis/code (IsStatusExpr, IsStatusFieldOf, FindStatusVars,
// ImportFact, IsResponse).
//
// It is the layer between typesx and the passes: it imports no pass.
package status
