package missing

func noImports() bool {
	return get().StatusCode == 200 // want `raw status code 200 in comparison with get\(\).StatusCode: use http.StatusOK`
}

func twice() bool {
	return get().StatusCode != 201 // want `raw status code 201 in comparison with get\(\).StatusCode: use http.StatusCreated`
}
