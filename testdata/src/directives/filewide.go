//lint:file-ignore SL1002 this file serves a partner API with its own codes

package directives

import "net/http"

func Teapot(w http.ResponseWriter) { w.WriteHeader(http.StatusTeapot) }
