package analyzer

import (
	"strings"
	"testing"
)

func TestAnalyzerDoc(t *testing.T) {
	doc := analyzerDoc()
	if !strings.HasPrefix(doc, "statuslint: check HTTP status codes") || !strings.Contains(doc, "SL1004 invalid status") {
		t.Errorf("doc = %q", doc)
	}
}
