package routes

import (
	"go/types"
	"slices"
	"strings"
)

// APIRoutersFact names the router types of a package's router
// parameters on which a route ties to an operation of the spec: a router
// of such a type that another package is given serves the API too.
// kratos hands its *x.RouterPublic to each flow's handler and to each
// login strategy, in packages of their own: the flows' routes tie, and
// the OIDC strategy's callback routes, which the spec lacks, are on the
// same server. Only a project's own router types (learnt from their
// methods) count: a library's (*http.ServeMux, *gin.Engine) may serve a
// debug server as well.
type APIRoutersFact struct {
	Types []string
}

// AFact marks APIRoutersFact as a fact.
func (*APIRoutersFact) AFact() {}

func (f *APIRoutersFact) String() string { return "API routers " + strings.Join(f.Types, " ") }

// apiRouterParam returns the type of root, a router parameter, as
// APIRoutersFact names it, when its type is a router type learnt from
// its methods; else "".
func (c *routeFinder) apiRouterParam(root any) string {
	v, ok := root.(*types.Var)
	if !ok || !isParam(v) || !c.learntRouter(v.Type()) {
		return ""
	}
	return types.TypeString(v.Type(), nil)
}

// servesAPI reports whether root, a router parameter of a type learnt
// from its methods, is of a type on whose parameters routes tie to the
// spec's operations in a package this one depends on (their
// APIRoutersFacts).
func (c *routeFinder) servesAPI(root any) bool {
	t := c.apiRouterParam(root)
	if t == "" {
		return false
	}
	if c.apiRouters == nil {
		c.apiRouters = map[string]bool{}
		for _, pf := range c.Pass.AllPackageFacts() {
			if f, ok := pf.Fact.(*APIRoutersFact); ok && pf.Package != c.Pass.Pkg {
				for _, t := range f.Types {
					c.apiRouters[t] = true
				}
			}
		}
	}
	return c.apiRouters[t]
}

// exportAPIRouters exports the package's APIRoutersFact: the types of
// the router parameters in roots, those on which a route tied.
func exportAPIRouters(c *routeFinder, roots map[any]bool) {
	var fact APIRoutersFact
	for root, tied := range roots {
		if t := c.apiRouterParam(root); tied && t != "" && !slices.Contains(fact.Types, t) {
			fact.Types = append(fact.Types, t)
		}
	}
	if len(fact.Types) > 0 {
		slices.Sort(fact.Types)
		c.Pass.ExportPackageFact(&fact)
	}
}
