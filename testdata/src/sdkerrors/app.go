// Package sdkerrors is application code that calls SDKs and decides on
// the statuses their errors carry.
package sdkerrors

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go/aws/awserr"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"google.golang.org/api/googleapi"
	storage "google.golang.org/api/storage/v1"
	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	corev1client "k8s.io/client-go/kubernetes/typed/core/v1"
)

// Comparisons with the statuses SDK errors carry are status comparisons.
func exists(svc *storage.Service) bool {
	_, err := svc.Objects.Get("bucket", "object").Do()
	var apiErr *googleapi.Error
	if errors.As(err, &apiErr) && apiErr.Code == 404 { // want `raw status code 404 in comparison with apiErr.Code: use http.StatusNotFound`
		return false
	}
	if errors.As(err, &apiErr) && apiErr.Code == http.StatusTeapot { // want `status 418 \(I'm a teapot\) in comparison with apiErr.Code is not documented by huaweicloud`
		return false
	}
	return err == nil
}

func azureMissing(err error) bool {
	var re *azcore.ResponseError
	return errors.As(err, &re) && re.StatusCode == 404 // want `raw status code 404 in comparison with re.StatusCode: use http.StatusNotFound`
}

func awsV1Forbidden(err error) bool {
	rf, ok := err.(awserr.RequestFailure)
	return ok && rf.StatusCode() == 403 // want `raw status code 403 in comparison with rf.StatusCode\(\): use http.StatusForbidden`
}

func kubeConflict(err error) bool {
	var se *apierrors.StatusError
	if !errors.As(err, &se) {
		return false
	}
	switch se.ErrStatus.Code {
	case 409: // want `raw status code 409 in case of switch on se.ErrStatus.Code: use http.StatusConflict`
		return true
	}
	return false
}

// Retries decided on them: on 429 without reading Retry-After (SL2002),
// and on 503, which the table says not to re-send (SL2001).
func send(ctx context.Context, c *sqs.Client, in *sqs.SendMessageInput) error {
	for i := 0; i < 3; i++ {
		_, err := c.SendMessage(ctx, in)
		var se *smithyhttp.ResponseError
		if errors.As(err, &se) && se.HTTPStatusCode() == http.StatusTooManyRequests { // want `retrying on 429 \(Too Many Requests\) without reading Retry-After`
			time.Sleep(time.Second)
			continue
		}
		return err
	}
	return nil
}

func fetch(svc *storage.Service) (*storage.Object, error) {
	for {
		obj, err := svc.Objects.Get("bucket", "object").Do()
		var apiErr *googleapi.Error
		if errors.As(err, &apiErr) && apiErr.Code == http.StatusServiceUnavailable { // want `retrying on 503 \(Service Unavailable\): huaweicloud says to modify the request`
			continue
		}
		return obj, err
	}
}

// Negative: 408 may be re-sent unchanged.
func fetchTimeout(svc *storage.Service) (*storage.Object, error) {
	for {
		obj, err := svc.Objects.Get("bucket", "object").Do()
		var apiErr *googleapi.Error
		if errors.As(err, &apiErr) && apiErr.Code == http.StatusRequestTimeout {
			continue
		}
		return obj, err
	}
}

// Negative: a different object each round is no retry.
func fetchAll(svc *storage.Service, names []string) {
	for _, name := range names {
		_, err := svc.Objects.Get("bucket", name).Do()
		var apiErr *googleapi.Error
		if errors.As(err, &apiErr) && apiErr.Code == http.StatusNotFound {
			continue
		}
	}
}

// Kubernetes: a typed client's call sends, and apierrors' predicates test
// the status its error carries.
func updatePod(ctx context.Context, pods corev1client.PodInterface, pod *corev1.Pod) error {
	for i := 0; i < 5; i++ {
		_, err := pods.Update(ctx, pod, metav1.UpdateOptions{})
		if apierrors.IsServiceUnavailable(err) { // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
			time.Sleep(time.Second)
			continue
		}
		return err
	}
	return nil
}

// Negative: retry on conflict, the controller idiom; 409 may be re-sent.
func updatePodOnConflict(ctx context.Context, pods corev1client.PodInterface, pod *corev1.Pod) error {
	for {
		_, err := pods.Update(ctx, pod, metav1.UpdateOptions{})
		if apierrors.IsConflict(err) {
			continue
		}
		return err
	}
}
