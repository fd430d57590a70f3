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
// answers what the engine asks of other functions (engine.Known) from
// their bodies in this package and from the facts (package facts) of
// other packages. The statuses are package codeset's sets.
//
// A function that runs a function it is given again is a retry helper by
// one fact (facts.Repeat), whoever wrote it: a helper of a module's own,
// by its body; a retry library's (backoff.Retry, retry-go's Do), by its
// entry in knowledge.Repeats; a helper that hands its own parameter on to
// either, by that one's fact. A library's operation, and an operation
// handed on to one, goes round as its own returns decide (engine.Operation,
// the library's markers); a helper's attempt, as the helper's loop
// decides.
//
// A retry loop, a function that sends and calls itself, a retry helper's
// loop (engine.Repeats) and a loop that re-sends what a list parameter
// holds (listDecided) are read by the engine's flow on the SSA form of
// the function that holds them (engine.Resends, ssaloops.go). Where it
// cannot read a branch, only the ways round past it whose statuses a test
// it reads picked are reported (engine.Edge.Unread). A decision, over a
// status, a response or an error, declared or written where a retry
// library or helper is given it, and a question an error type answers
// (Temporary()), are read by the same flow on their own SSA form, their
// parameters standing for what a send returned (engine.Decision,
// decisions.go), and so is the condition a helper wraps around its
// attempt (engine.Undone). Whether a loop waits as Retry-After says is
// where the header's value goes on the SSA form (engine.After: from its
// read to a wait before the re-send), and whether it only polls is what
// it does with its response (engine.StatusOnly). What an error-returning
// function's error says of the status (its facts.Err) is the same flow's
// too: a sender's from its send to its returns (engine.SentErrors), a
// check's or a translator's from its entry, given a response, a status or
// an error (engine.Checked); the package's senders, checks and
// translators are built together once (errsets.go). The syntax finds
// where to look (a send, a loop around it, a read of Retry-After) so that
// the SSA form is built only there.
package retry
