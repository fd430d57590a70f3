package conflict

import stdhttp "net/http"

var http = "a package-level name that blocks the default import name"

func get() *stdhttp.Response { return nil }
