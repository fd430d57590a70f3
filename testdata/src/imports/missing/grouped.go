package missing

import (
	"errors"
	"os"

	"example.com/other"
)

func grouped() error {
	if get().StatusCode == 500 { // want `raw status code 500 in comparison with get\(\).StatusCode: use http.StatusInternalServerError`
		return errors.New(os.Args[0] + other.Name)
	}
	return nil
}
