package runtime

import "io"

// Producer writes a response's body.
type Producer interface {
	Produce(io.Writer, any) error
}

// Consumer reads a request's body.
type Consumer interface {
	Consume(io.Reader, any) error
}
