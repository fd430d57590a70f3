// Package handlers is a stub of github.com/gorilla/handlers.
package handlers

import "net/http"

func CanonicalHost(domain string, code int) func(h http.Handler) http.Handler { return nil }
