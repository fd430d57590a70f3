// Package invoker is a stub of the cloud SDK's invoker.
package invoker

import "github.com/huaweicloud/huaweicloud-sdk-go-v3/core/invoker/retry"

// RetryChecker decides whether to retry.
type RetryChecker func(interface{}, error) bool

// BaseInvoker invokes an API.
type BaseInvoker struct{}

func (b *BaseInvoker) WithRetry(retryTimes int, checker RetryChecker, backoffStrategy retry.Strategy) *BaseInvoker {
	return b
}

func (b *BaseInvoker) Invoke() (interface{}, error) { return nil, nil }
