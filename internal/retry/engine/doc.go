// Package engine is the retry check's evaluator and flow, apart from the
// check: an Evaluator turns a condition into the statuses it lets through
// (a comparison, a class, a switch, a set or list lookup, a decision
// function by its fact, an error's type or method), and a Flow follows
// those statuses through a loop body or a function's statements to where
// the request goes out again (a continue, the end of a round, a decision
// that returns true, an error a retry library retries) or to the errors a
// function returns. What the engine cannot see from the code in front of
// it (another function's decision or error, a list's contents, where a
// statement list sends) it asks the check through the Oracle interface;
// the statuses themselves are codeset.Sets, and the facts it reads are
// package facts'.
//
// Its tests run it alone, with an Oracle that knows nothing.
package engine
