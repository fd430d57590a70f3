// Package retry is the statusretry pass: it finds re-sends of statuses the
// API says not to re-send (SL2001) or to re-send only after Retry-After
// (SL2002), in retry loops, recursive retries, the package's retry helpers
// (helpers.go), retry libraries' hooks and policies, with facts for retry
// decisions (over a status, a response or an error), error-returning
// senders and the statuses of the error types they make, and retry
// helpers.
//
// It is the check: it finds the sends, loops, helpers and hooks, and asks
// the engine (package engine) which statuses reach each re-send; it
// answers what the engine asks of other functions (the engine's Oracle)
// from their bodies in this package and from the facts (package facts)
// of other packages. The statuses are package codeset's sets.
//
// A retry loop is read twice: by the engine's flow on the SSA form of the
// function that holds it (engine.Resends, ssaloops.go), whose answer is
// the one reported wherever no path ends at what it cannot read, and by
// the engine's AST flow, whose answer stands elsewhere until the SSA
// flow learns what it still knows (TestFlowsAgree counts both). A retry
// helper's loop (engine.Repeats) and a loop that re-sends what a list
// parameter holds (listDecided) are read by the SSA flow alone.
package retry
