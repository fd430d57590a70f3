// Package knowledge is what statuslint knows about libraries, as data:
// which calls take a status (the sinks of net/http, gin, echo, chi, fiber,
// gorilla and testify), which calls send a request, which retry libraries
// take retry decisions and how, which policies they retry by default, and
// which calls change a request or read Retry-After.
//
// Everything is keyed by Key, a package path, receiver type and name, and
// matched by type: a method of the same name in another package is not
// the library's. typesx.Resolve finds the Key of a call.
package knowledge
