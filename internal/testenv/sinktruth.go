package testenv

// A SinkTruthCase is an application module whose tests mock HTTP with a
// test library, with the raw-status ground truth read by hand in
// cmd/statuslint/testdata/realworld/sinktruth/NAME.txt. The binary's
// TestSinkTruth scores SL1001 on it; the plugin's tests hold
// golangci-lint to the binary's findings there.
type SinkTruthCase struct {
	Name, Module, Version string
	// Patterns are the packages of the truth's files that are scored;
	// Tags, the build tags their tests need.
	Patterns []string
	Tags     string
}

// SinkTruth are the sink ground-truth cases.
var SinkTruth = []SinkTruthCase{
	{"crowdsec", "github.com/crowdsecurity/crowdsec", "v1.7.0", []string{"./pkg/apiserver"}, ""},
	// piper's cmd package (one site, in 3 of the 21 files) needs 1,600
	// packages compiled: it is scored by hand, not here (README.md).
	{"piper", "github.com/SAP/jenkins-library", "v1.400.0", []string{
		"./pkg/ans", "./pkg/certutils", "./pkg/cnbutils/bindings", "./pkg/cnbutils/project", "./pkg/cnbutils/registry",
		"./pkg/config", "./pkg/http", "./pkg/orchestrator", "./pkg/sonar", "./pkg/splunk", "./pkg/syft",
		"./pkg/telemetry", "./pkg/trustengine", "./pkg/xsuaa",
	}, "unit"},
}
