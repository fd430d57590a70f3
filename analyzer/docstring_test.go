package analyzer

import (
	"strings"
	"testing"

	"github.com/statuslint/statuslint/internal/knowledge"
)

func TestAnalyzerDoc(t *testing.T) {
	doc := analyzerDoc()
	if !strings.HasPrefix(doc, "statuslint: check HTTP status codes") || !strings.Contains(doc, "SL1004 invalid status") {
		t.Errorf("doc = %q", doc)
	}
}

// docNames are the names the analyzer's doc gives the packages of
// knowledge.Sinks, where the last element of the path is not the name
// users know.
var docNames = map[string]string{
	"github.com/go-chi/render":                 "chi render",
	"github.com/go-openapi/runtime":            "go-openapi's runtime",
	"github.com/go-openapi/runtime/middleware": "go-openapi's runtime",
	"github.com/gorilla/handlers":              "gorilla handlers",
	"github.com/stretchr/testify/assert":       "testify",
	"github.com/stretchr/testify/require":      "testify",
	"github.com/emicklei/go-restful/v3":        "go-restful",
	"github.com/danielgtaylor/huma/v2":         "huma",
	"github.com/steinfletcher/apitest":         "apitest",
	"github.com/gavv/httpexpect/v2":            "httpexpect",
	"gopkg.in/h2non/gock.v1":                   "gock",
	"github.com/labstack/echo/v4":              "echo",
	"github.com/gofiber/fiber/v2":              "fiber",
	"github.com/gofiber/fiber/v3":              "fiber",
	"github.com/jarcoal/httpmock":              "httpmock",
	"github.com/valyala/fasthttp":              "fasthttp",
	"github.com/gin-gonic/gin":                 "gin",
	"github.com/h2non/gock":                    "gock",
	"net/http":                                 "http.Error",
}

// The analyzer's doc names every package whose sinks knowledge lists: a
// package added to knowledge.Sinks fails this test until the doc (and
// docNames) say its name.
func TestAnalyzerDocNamesSinkPackages(t *testing.T) {
	doc := packageDoc()
	for _, s := range knowledge.Sinks {
		name, ok := docNames[s.Path]
		if !ok {
			t.Errorf("%s has sinks; add the name the doc gives it to docNames and the doc", s.Path)
			continue
		}
		if !strings.Contains(strings.Join(strings.Fields(doc), " "), name) {
			t.Errorf("the analyzer's doc does not name %s (%q)", s.Path, name)
		}
	}
}
