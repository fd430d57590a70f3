// Package config holds one suite's settings: the -codes table (read once),
// the -sinks index, the -checks selection and the pass switches, and the
// configuration errors every pass fails with.
package config
