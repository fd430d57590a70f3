// Package directives reads //lint:ignore, //lint:file-ignore and
// //nolint:statuslint directives, silences the findings they cover and
// reports malformed (SL0001) and unused (SL0002) ones.
package directives
