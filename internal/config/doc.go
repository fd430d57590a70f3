// Package config holds one suite's settings: the -codes table (read once),
// the -sinks index, the -checks selection and the pass switches, and the
// configuration errors every pass fails with; and the .statuslint.yaml files
// that configure the packages of their directories (Settings.For).
package config
