package ma.hirfa.sdk.payments;

import ma.hirfa.sdk.core.AutoPager;
import ma.hirfa.sdk.core.Page;
import ma.hirfa.sdk.core.RequestOptions;
import ma.hirfa.sdk.core.internal.http.ApiRequest;
import ma.hirfa.sdk.core.internal.http.ClientRuntime;
import ma.hirfa.sdk.core.internal.http.Operation;
import ma.hirfa.sdk.core.internal.http.Pagers;
import ma.hirfa.sdk.core.internal.json.TypeRef;
import org.jspecify.annotations.Nullable;

/**
 * Registers the URLs that receive the API's events, lists them and their delivery logs. From {@link
 * PaymentsClient#webhookEndpoints()}; the same operations return a {@code CompletableFuture} from
 * {@link #async()}.
 *
 * <pre>{@code
 * WebhookEndpoint endpoint = client.webhookEndpoints().create(
 *     WebhookEndpointCreateParams.builder()
 *         .url("https://bank.example/hirfa/webhooks")
 *         .event("payment.succeeded")
 *         .event("refund.succeeded")
 *         .build());
 * secrets.store(endpoint.secret());   // verify deliveries with it: WebhookVerifier.builder().secret(...)
 *
 * for (WebhookDelivery d : client.webhookEndpoints()
 *     .listDeliveriesAutoPaging(endpoint.id(), WebhookDeliveryListParams.defaults())) {
 *   if (d.status() == WebhookDeliveryStatus.FAILED) replay(d.eventId());
 * }
 * }</pre>
 */
public final class WebhookEndpointService {
  static final Operation CREATE = Operation.post("createWebhookEndpoint", "/v1/webhook_endpoints");
  static final Operation LIST = Operation.get("listWebhookEndpoints", "/v1/webhook_endpoints");
  static final Operation LIST_DELIVERIES =
      Operation.get("listWebhookDeliveries", "/v1/webhook_endpoints/{id}/deliveries");

  static final TypeRef<WebhookEndpoint> ENDPOINT = TypeRef.of(WebhookEndpoint.class);
  static final TypeRef<Page<WebhookEndpoint>> PAGE = new TypeRef<Page<WebhookEndpoint>>() {};
  static final TypeRef<Page<WebhookDelivery>> DELIVERIES = new TypeRef<Page<WebhookDelivery>>() {};

  private final ClientRuntime runtime;
  private final WebhookEndpointServiceAsync async;

  WebhookEndpointService(ClientRuntime runtime) {
    this.runtime = runtime;
    this.async = new WebhookEndpointServiceAsync(runtime);
  }

  /** The same operations, returning a {@code CompletableFuture} instead of blocking. */
  public WebhookEndpointServiceAsync async() {
    return async;
  }

  /**
   * Registers a URL for the event types the params name, or for every event type, later ones
   * included, when they name none ({@link WebhookEndpointCreateParams#allEvents}). Returns the
   * endpoint with its signing secret, shown only this once.
   */
  public WebhookEndpoint create(WebhookEndpointCreateParams params) {
    return create(params, RequestOptions.none());
  }

  /** Like {@link #create(WebhookEndpointCreateParams)}, with per-call options. */
  public WebhookEndpoint create(WebhookEndpointCreateParams params, RequestOptions options) {
    return runtime.execute(createRequest(params, options), ENDPOINT);
  }

  /** One page of the registered endpoints (without their secrets). */
  public Page<WebhookEndpoint> list(WebhookEndpointListParams params) {
    return list(params, RequestOptions.none());
  }

  /** Like {@link #list(WebhookEndpointListParams)}, with per-call options. */
  public Page<WebhookEndpoint> list(WebhookEndpointListParams params, RequestOptions options) {
    return runtime.execute(listRequest(params, options), PAGE);
  }

  /** Every registered endpoint, page by page as you iterate (synchronously). */
  public AutoPager<WebhookEndpoint> listAutoPaging(WebhookEndpointListParams params) {
    return listAutoPaging(params, RequestOptions.none());
  }

  /** Like {@link #listAutoPaging(WebhookEndpointListParams)}; the options apply to each page. */
  public AutoPager<WebhookEndpoint> listAutoPaging(
      WebhookEndpointListParams params, RequestOptions options) {
    PaymentChecks.required("params", params);
    PaymentChecks.required("options", options);
    return Pagers.autoPager(
        runtime,
        PAGE,
        params.cursor(),
        cursor ->
            LIST.request()
                .query("limit", params.limit())
                .query("cursor", cursor)
                .options(PaymentChecks.required("options", options))
                .build());
  }

  /** One page of the endpoint's delivery log, newest first. */
  public Page<WebhookDelivery> listDeliveries(String id, WebhookDeliveryListParams params) {
    return listDeliveries(id, params, RequestOptions.none());
  }

  /** Like {@link #listDeliveries(String, WebhookDeliveryListParams)}, with per-call options. */
  public Page<WebhookDelivery> listDeliveries(
      String id, WebhookDeliveryListParams params, RequestOptions options) {
    return runtime.execute(deliveriesRequest(id, params, options), DELIVERIES);
  }

  /** The endpoint's whole delivery log, newest first, page by page as you iterate. */
  public AutoPager<WebhookDelivery> listDeliveriesAutoPaging(
      String id, WebhookDeliveryListParams params) {
    return listDeliveriesAutoPaging(id, params, RequestOptions.none());
  }

  /** Like {@link #listDeliveriesAutoPaging(String, WebhookDeliveryListParams)}, with options. */
  public AutoPager<WebhookDelivery> listDeliveriesAutoPaging(
      String id, WebhookDeliveryListParams params, RequestOptions options) {
    String endpoint = endpointId(id);
    PaymentChecks.required("params", params);
    PaymentChecks.required("options", options);
    return Pagers.autoPager(
        runtime,
        DELIVERIES,
        params.cursor(),
        cursor -> deliveriesRequest(endpoint, params.limit(), cursor, options));
  }

  static ApiRequest createRequest(WebhookEndpointCreateParams params, RequestOptions options) {
    PaymentChecks.required("params", params);
    return CREATE
        .request()
        .body(params)
        .options(PaymentChecks.required("options", options))
        .build();
  }

  static ApiRequest listRequest(WebhookEndpointListParams params, RequestOptions options) {
    PaymentChecks.required("params", params);
    return LIST.request()
        .query("limit", params.limit())
        .query("cursor", params.cursor())
        .options(PaymentChecks.required("options", options))
        .build();
  }

  static ApiRequest deliveriesRequest(
      String id, WebhookDeliveryListParams params, RequestOptions options) {
    String endpoint = endpointId(id);
    PaymentChecks.required("params", params);
    return deliveriesRequest(endpoint, params.limit(), params.cursor(), options);
  }

  private static ApiRequest deliveriesRequest(
      String id, int limit, @Nullable String cursor, RequestOptions options) {
    return LIST_DELIVERIES
        .request(id)
        .query("limit", limit)
        .query("cursor", cursor)
        .options(PaymentChecks.required("options", options))
        .build();
  }

  private static String endpointId(@Nullable String id) {
    return PaymentChecks.id("id", "we", "a webhook endpoint id like we_1", id);
  }
}
