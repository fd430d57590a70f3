// Package v2 is a stub of the cloud SDK's Kafka client.
package v2

import (
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/invoker"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/kafka/v2/model"
)

// KafkaClient calls the Kafka API.
type KafkaClient struct{}

func (c *KafkaClient) ShowInstance(request *model.ShowInstanceRequest) (*model.ShowInstanceResponse, error) {
	return nil, nil
}

func (c *KafkaClient) ShowInstanceInvoker(request *model.ShowInstanceRequest) *ShowInstanceInvoker {
	return &ShowInstanceInvoker{}
}

// ShowInstanceInvoker invokes ShowInstance.
type ShowInstanceInvoker struct {
	*invoker.BaseInvoker
}

func (i *ShowInstanceInvoker) Invoke() (*model.ShowInstanceResponse, error) { return nil, nil }
