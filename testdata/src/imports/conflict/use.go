package conflict

func use() bool {
	return get().StatusCode == 200 // want `raw status code 200 in comparison with get\(\).StatusCode: use nethttp.StatusOK`
}
