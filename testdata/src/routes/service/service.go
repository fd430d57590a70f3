// Package service returns errors that carry the status its API answers
// (apperr.New): each exported function's statuses are a fact.
package service

import (
	"errors"
	"fmt"
	"net/http"

	"routes/apperr"
)

// Instances is the instances' service.
type Instances struct{ busy bool }

// Delete carries 400 and 409 itself, and 410 through a method of its
// package.
func (s *Instances) Delete(id string) error { // want Delete:"carries\\[400 409 410\\]" Delete:"writes\\[400 409 410\\]"
	if id == "" {
		return apperr.New(http.StatusBadRequest, errors.New("no id"))
	}
	if s.busy {
		return apperr.New(http.StatusConflict, errors.New("busy"))
	}
	return s.gone(id)
}

func (s *Instances) gone(id string) error {
	err := apperr.New(http.StatusGone, fmt.Errorf("%s is gone", id))
	return err
}

// Show carries 404 and 429 through a variable of a call of two results.
func (s *Instances) Show(id string) (string, error) { // want Show:"carries\\[404 429\\]" Show:"writes\\[404 429\\]"
	name, err := s.find(id)
	if err != nil {
		return "", err
	}
	return name, nil
}

func (s *Instances) find(id string) (string, error) {
	switch id {
	case "":
		return "", apperr.New(http.StatusNotFound, errors.New("none"))
	case "many":
		code := http.StatusTooManyRequests
		return "", apperr.New(code, errors.New("slow down"))
	}
	return id, nil
}

// Create wraps its error: the wrapping is not followed, so it carries
// nothing known.
func (s *Instances) Create() error { // want Create:"writes\\[418\\]"
	return fmt.Errorf("create: %w", apperr.New(http.StatusTeapot, nil))
}

// Check returns errors that carry no status: no fact.
func Check(id string) error {
	if id == "" {
		return errors.New("no id")
	}
	return nil
}

// Quota is an error of another type that keeps a status, which only its
// own writer answers.
type Quota struct{ code int }

func (q *Quota) Error() string { return "over quota" }

// Limit is the status the error answers.
func (q *Quota) Limit() int { return q.code }

// WriteQuota writes the status a *Quota carries.
func WriteQuota(w http.ResponseWriter, err error) { // want WriteQuota:"writesCarried\\[1:service.Quota\\]"
	if q, ok := err.(*Quota); ok {
		w.WriteHeader(q.Limit())
	}
}

// Reserve carries 402 in a literal of its type.
func (s *Instances) Reserve() error { // want Reserve:"carries\\[402\\]" Reserve:"writes\\[402\\]"
	return &Quota{code: http.StatusPaymentRequired}
}
