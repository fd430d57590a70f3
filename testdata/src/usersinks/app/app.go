package app

import "usersinks/lib"

func handler(r *lib.Reply) {
	r.Code(404)              // want `raw status code 404 in Code: use http.StatusNotFound`
	lib.Abort("gone", 410)   // want `raw status code 410 in lib.Abort: use http.StatusGone`
	lib.Abort("teapot", 418) // want `raw status code 418 in lib.Abort: use http.StatusTeapot` `status 418 \(I'm a teapot\) in lib.Abort is not documented`
	lib.Other(404)
}
