// Package sqs is a stub of github.com/aws/aws-sdk-go-v2/service/sqs.
package sqs

import "context"

type Client struct{ options Options }

type Options struct{ Region string }

type SendMessageInput struct {
	MessageBody *string
	QueueUrl    *string
}

type SendMessageOutput struct{ MessageId *string }

func (c *Client) SendMessage(ctx context.Context, params *SendMessageInput, optFns ...func(*Options)) (*SendMessageOutput, error) {
	return nil, nil
}
