package ma.hirfa.sdk.payments;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.core.internal.json.ModelStrings;
import org.jspecify.annotations.Nullable;

/**
 * The URL to receive events and the event types to send there; no event type means every event.
 *
 * <pre>{@code
 * WebhookEndpointCreateParams.builder()
 *     .url("https://bank.example/hirfa/webhooks")
 *     .event("payment.succeeded")
 *     .event("refund.succeeded")
 *     .build();
 * }</pre>
 *
 * @param url an https URL (plain http only on loopback, for the sandbox)
 * @param events the event types, like {@code payment.succeeded}; empty for every event
 */
public record WebhookEndpointCreateParams(String url, List<String> events) {

  public WebhookEndpointCreateParams {
    checkUrl(url);
    events = List.copyOf(PaymentChecks.required("events", events));
    for (int i = 0; i < events.size(); i++) {
      PaymentChecks.text("events[" + i + "]", events.get(i), 100);
    }
  }

  /** Every event to {@code url}. */
  public static WebhookEndpointCreateParams allEvents(String url) {
    return new WebhookEndpointCreateParams(url, List.of());
  }

  public static Builder builder() {
    return new Builder();
  }

  private static void checkUrl(@Nullable String url) {
    PaymentChecks.required("url", url);
    try {
      URI uri = new URI(url);
      boolean loopback = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
      if (uri.getHost() == null
          || !("https".equals(uri.getScheme()) || ("http".equals(uri.getScheme()) && loopback))) {
        throw new ValidationException("url", "must be an https URL (plain http only on loopback)");
      }
    } catch (URISyntaxException e) {
      throw new ValidationException("url", "is not a valid URL");
    }
  }

  /** Builds {@link WebhookEndpointCreateParams}; {@link #build()} checks every field. */
  public static final class Builder {
    private @Nullable String url;
    private final List<String> events = new ArrayList<>();

    private Builder() {}

    /** Required: where events are posted. */
    public Builder url(String url) {
      this.url = url;
      return this;
    }

    /** Adds an event type, like {@code payment.succeeded}; none means every event. */
    public Builder event(String type) {
      events.add(PaymentChecks.text("events[" + events.size() + "]", type, 100));
      return this;
    }

    /** Adds event types; none means every event. */
    public Builder events(List<String> types) {
      PaymentChecks.required("events", types).forEach(this::event);
      return this;
    }

    public WebhookEndpointCreateParams build() {
      return new WebhookEndpointCreateParams(PaymentChecks.required("url", url), events);
    }
  }

  @Override
  public String toString() {
    return ModelStrings.of(this);
  }
}
