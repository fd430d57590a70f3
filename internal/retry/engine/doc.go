// Package engine is the retry check's evaluator and flows, apart from the
// check.
//
// Resends (ssaflow.go and the files beside it) follows, on the SSA form of
// a send's function, the statuses of its response along every path to the
// same send again: a retry loop's next round, a function calling itself
// (Recurses), a retry helper calling its attempt again (Repeats), an
// operation returning an error its retry library retries (Operation);
// Decision reads a decision alone, its parameters standing for what a
// send returned, to where it returns true. What it cannot see in
// the code in front of it (a decision's or an error's fact, a list's
// statuses, whether a function waits as Retry-After says) it asks the
// check through Known.
//
// An Evaluator turns a condition's syntax into the statuses it lets
// through (a comparison, a class, a switch, a set or list lookup, a
// decision function by its fact, an error's type or method), and a Flow
// follows those through a function's statements to where the function
// returns an error: the facts of error-returning functions. What it cannot see it asks through the
// Oracle interface.
//
// The statuses are codeset.Sets, and the facts read are package facts'.
// The tests run the engine alone, with a Known and an Oracle that know
// nothing or what each case says.
package engine
