package engine

import (
	"go/token"
	"go/types"

	"github.com/statuslint/statuslint/internal/typesx"
)

// IsQuestion reports whether fn is a method with no parameters and one
// bool result: a question its receiver answers (Temporary).
func IsQuestion(fn *types.Func) bool {
	sig := fn.Signature()
	return sig.Recv() != nil && sig.Params().Len() == 0 && sig.Results().Len() == 1 && typesx.IsBool(sig.Results().At(0).Type())
}

// Flip returns the comparison op with its operands swapped (a < b is
// b > a).
func Flip(op token.Token) token.Token {
	switch op {
	case token.LSS:
		return token.GTR
	case token.LEQ:
		return token.GEQ
	case token.GTR:
		return token.LSS
	case token.GEQ:
		return token.LEQ
	}
	return op
}
