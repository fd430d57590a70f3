// Package typesx holds the type and syntax predicates the passes share:
// integers, booleans, errors, response writers, status fields by type,
// enclosing functions, function declarations. It knows no pass.
package typesx
