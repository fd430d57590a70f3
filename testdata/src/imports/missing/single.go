package missing

import "fmt" // formatting

func single() {
	if get().StatusCode == 404 { // want `raw status code 404 in comparison with get\(\).StatusCode: use http.StatusNotFound`
		fmt.Println("missing")
	}
}
