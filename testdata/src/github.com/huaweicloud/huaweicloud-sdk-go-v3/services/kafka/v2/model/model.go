// Package model is a stub of the cloud SDK's Kafka models.
package model

// ShowInstanceResponse is a Kafka API response.
type ShowInstanceResponse struct {
	Name           *string `json:"name,omitempty"`
	HttpStatusCode int     `json:"-"`
}

// ShowInstanceRequest asks for an instance.
type ShowInstanceRequest struct {
	InstanceId string `json:"instance_id"`
}
