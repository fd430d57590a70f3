// Package routes is the statusroutes pass: with an OpenAPI table, it ties
// route registrations and client requests to the spec's operations and
// checks their statuses per operation (SL1005 undocumented for the
// operation, SL1006 route not in the spec).
package routes
