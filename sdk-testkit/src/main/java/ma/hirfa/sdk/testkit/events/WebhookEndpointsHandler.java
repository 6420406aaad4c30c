package ma.hirfa.sdk.testkit.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ma.hirfa.sdk.testkit.server.Exchange;
import ma.hirfa.sdk.testkit.server.Handler;
import ma.hirfa.sdk.testkit.server.Problems;

/**
 * Webhook endpoints over the API: {@code createWebhookEndpoint}, {@code listWebhookEndpoints},
 * {@code listWebhookDeliveries}. Deliveries go to loopback URLs only: the sandbox never sends
 * traffic off the machine.
 */
public final class WebhookEndpointsHandler {
  private final WebhookDispatcher dispatcher;

  /** The endpoints and deliveries {@code dispatcher} keeps. */
  public WebhookEndpointsHandler(WebhookDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  /** The handlers, by operation id. */
  public Map<String, Handler> handlers() {
    return Map.of(
        "createWebhookEndpoint", (e, r) -> create(e),
        "listWebhookEndpoints", (e, r) -> Exchange.Response.json(200, dispatcher.endpointsPage(e)),
        "listWebhookDeliveries",
            (e, r) -> Exchange.Response.json(200, dispatcher.deliveriesPage(e, r.param("id"))));
  }

  private Exchange.Response create(Exchange e) {
    ObjectNode body = e.jsonBody();
    String url = body.path("url").asText();
    Problems.FieldErrors errors = new Problems.FieldErrors();
    try {
      URI uri = URI.create(url);
      String host = uri.getHost() == null ? "" : uri.getHost();
      if (!(host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]"))
          || !(url.startsWith("http://") || url.startsWith("https://"))) {
        errors.add(
            "url", "url_not_loopback", "the sandbox delivers only to 127.0.0.1 or localhost");
      }
    } catch (IllegalArgumentException ex) {
      errors.add("url", "invalid_url", "not a URL");
    }
    errors.throwIfAny();
    List<String> events = new ArrayList<>();
    for (JsonNode type : body.path("events")) {
      events.add(type.asText());
    }
    if (events.isEmpty()) {
      events.add("*");
    }
    String secret = body.path("secret").asText("");
    if (secret.isEmpty()) {
      secret = dispatcher.newSecret();
    }
    WebhookDispatcher.Endpoint endpoint = dispatcher.register(url, events, secret);
    return Exchange.Response.json(201, dispatcher.render(endpoint, true));
  }
}
