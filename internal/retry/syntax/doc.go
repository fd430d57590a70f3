// Package syntax is what is left of the retry check's flow on syntax,
// until the SSA flow (package engine) reads it too: the facts of
// error-returning functions.
//
// An Evaluator turns a condition's syntax into the statuses it lets
// through (a comparison, a class, a switch, a set or list lookup, a
// decision function by its fact, an error's type or method), and a Flow
// follows those through a function's statements to where the function
// returns an error (ModeErrors: facts.Err) or where a decision over an
// error that such a function calls returns true (ModePredicate). What it
// cannot see in the code in front of it it asks through the Oracle
// interface. A Frag is a set of statuses with the syntax that decided
// it: where both flows' findings are reported.
//
// The tests run the flow alone, with an Oracle that knows nothing.
package syntax
