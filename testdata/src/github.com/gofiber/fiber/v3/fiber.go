// Package fiber is a stub of github.com/gofiber/fiber/v3.
package fiber

// Ctx is the request context.
type Ctx interface {
	Redirect() *Redirect
	Status(status int) Ctx
	SendStatus(status int) error
	SendString(body string) error
}

// Redirect builds a redirect.
type Redirect struct{}

func (r *Redirect) Status(code int) *Redirect { return r }
func (r *Redirect) To(location string) error  { return nil }

// Error is an error with a status.
type Error struct {
	Message string `json:"message"`
	Code    int    `json:"code"`
}

func (e *Error) Error() string { return e.Message }

func NewError(code int, message ...string) *Error { return &Error{Code: code} }

// Router registers routes.
type Router interface {
	Get(path string, handler any, handlers ...any) Router
	Group(prefix string, handlers ...any) Router
}

// App is fiber's application.
type App struct{}

// Config configures an App.
type Config struct{}

func New(config ...Config) *App { return &App{} }

func (app *App) Get(path string, handler any, handlers ...any) Router  { return nil }
func (app *App) Post(path string, handler any, handlers ...any) Router { return nil }
func (app *App) Group(prefix string, handlers ...any) Router           { return nil }
