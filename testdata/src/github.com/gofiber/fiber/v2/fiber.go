// Package fiber is a stub of github.com/gofiber/fiber/v2.
package fiber

import "github.com/valyala/fasthttp"

// Ctx is the request context.
type Ctx struct{}

// Error is an error with a status.
type Error struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func (e *Error) Error() string { return e.Message }

func NewError(code int, message ...string) *Error            { return &Error{Code: code} }
func (c *Ctx) Redirect(location string, status ...int) error { return nil }
func (c *Ctx) SendStatus(status int) error                   { return nil }
func (c *Ctx) Status(status int) *Ctx                        { return c }
func (c *Ctx) SendString(body string) error                  { return nil }

func (c *Ctx) Response() *fasthttp.Response { return nil }

const (
	StatusOK                 = 200
	StatusCreated            = 201
	StatusAccepted           = 202
	StatusMovedPermanently   = 301
	StatusSeeOther           = 303
	StatusNotFound           = 404
	StatusBadGateway         = 502
	StatusServiceUnavailable = 503
)

// Handler handles a request.
type Handler = func(*Ctx) error

// Router registers routes.
type Router interface {
	Get(path string, handlers ...Handler) Router
	Post(path string, handlers ...Handler) Router
	Group(prefix string, handlers ...Handler) Router
}

// App is fiber's application.
type App struct{}

// Config configures an App.
type Config struct{}

func New(config ...Config) *App { return &App{} }

func (app *App) Get(path string, handlers ...Handler) Router     { return nil }
func (app *App) Post(path string, handlers ...Handler) Router    { return nil }
func (app *App) Group(prefix string, handlers ...Handler) Router { return nil }
