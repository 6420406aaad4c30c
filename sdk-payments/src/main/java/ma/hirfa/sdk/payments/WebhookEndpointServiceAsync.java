package ma.hirfa.sdk.payments;

import java.util.concurrent.CompletableFuture;
import ma.hirfa.sdk.core.Page;
import ma.hirfa.sdk.core.RequestOptions;
import ma.hirfa.sdk.core.internal.http.ClientRuntime;

/**
 * The operations of {@link WebhookEndpointService}, each returning a {@link CompletableFuture} at
 * once: from {@code client.webhookEndpoints().async()}. The future completes or fails as the
 * blocking call would; cancelling it cancels the HTTP call and any scheduled retry. Invalid
 * arguments are refused at once with a {@link ma.hirfa.sdk.core.ValidationException}. Auto-paging
 * stays synchronous.
 */
public final class WebhookEndpointServiceAsync {
  private final ClientRuntime runtime;

  WebhookEndpointServiceAsync(ClientRuntime runtime) {
    this.runtime = runtime;
  }

  public CompletableFuture<WebhookEndpoint> create(WebhookEndpointCreateParams params) {
    return create(params, RequestOptions.none());
  }

  public CompletableFuture<WebhookEndpoint> create(
      WebhookEndpointCreateParams params, RequestOptions options) {
    return runtime.executeAsync(
        WebhookEndpointService.createRequest(params, options), WebhookEndpointService.ENDPOINT);
  }

  public CompletableFuture<Page<WebhookEndpoint>> list(WebhookEndpointListParams params) {
    return list(params, RequestOptions.none());
  }

  public CompletableFuture<Page<WebhookEndpoint>> list(
      WebhookEndpointListParams params, RequestOptions options) {
    return runtime.executeAsync(
        WebhookEndpointService.listRequest(params, options), WebhookEndpointService.PAGE);
  }

  public CompletableFuture<Page<WebhookDelivery>> listDeliveries(
      String id, WebhookDeliveryListParams params) {
    return listDeliveries(id, params, RequestOptions.none());
  }

  public CompletableFuture<Page<WebhookDelivery>> listDeliveries(
      String id, WebhookDeliveryListParams params, RequestOptions options) {
    return runtime.executeAsync(
        WebhookEndpointService.deliveriesRequest(id, params, options),
        WebhookEndpointService.DELIVERIES);
  }
}
