package ma.hirfa.sdk.core.webhooks.servlet;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.core.webhooks.WebhookMessage;
import ma.hirfa.sdk.core.webhooks.WebhookVerifier;

/**
 * Verifies a webhook from a servlet request's raw bytes, before any framework parses the body.
 *
 * <pre>{@code
 * protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
 *   try {
 *     WebhookMessage message = ServletWebhooks.verify(verifier, req);   // at most 1 MiB read
 *     processed.processOnce(message, this::handle);   // skipped if this id was processed before
 *     resp.setStatus(204);
 *   } catch (WebhookVerificationException e) {
 *     resp.sendError(400, e.reason().name());
 *   } catch (ValidationException e) {
 *     resp.sendError(413);                            // the body exceeds the limit
 *   }
 *   // an exception from handle propagates: the container answers 500 and the platform retries
 * }
 * }</pre>
 *
 * <p>Call it before anything reads the request's input stream or parameters: the signature covers
 * the exact bytes, and a filter that reads or re-encodes the body breaks it. In Spring MVC, take
 * the body as {@code @RequestBody byte[]} and pass it with the headers to {@link
 * WebhookVerifier#verify} instead (see {@code docs/webhooks.md}).
 */
// The servlet API is an optional, static dependency: callers of this class have it by definition.
@SuppressWarnings("exports")
public final class ServletWebhooks {
  /** Bodies above this size are refused by {@link #verify(WebhookVerifier, HttpServletRequest)}. */
  public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;

  private ServletWebhooks() {}

  /** Verifies with a body limit of {@link #DEFAULT_MAX_BODY_BYTES} (1 MiB). */
  public static WebhookMessage verify(WebhookVerifier verifier, HttpServletRequest request) {
    return verify(verifier, request, DEFAULT_MAX_BODY_BYTES);
  }

  /**
   * Reads at most {@code maxBodyBytes} of the request body and verifies it with the request's
   * headers.
   *
   * @throws ma.hirfa.sdk.core.webhooks.WebhookVerificationException if verification fails
   * @throws ValidationException naming {@code body} if the body exceeds {@code maxBodyBytes}
   * @throws UncheckedIOException if the body cannot be read
   */
  public static WebhookMessage verify(
      WebhookVerifier verifier, HttpServletRequest request, int maxBodyBytes) {
    Objects.requireNonNull(verifier, "verifier == null");
    Objects.requireNonNull(request, "request == null");
    if (maxBodyBytes < 1) {
      throw new ValidationException("maxBodyBytes", "must be positive but was " + maxBodyBytes);
    }
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes(maxBodyBytes + 1);
    } catch (IOException e) {
      throw new UncheckedIOException("reading the webhook body failed", e);
    }
    if (body.length > maxBodyBytes) {
      throw new ValidationException("body", "the webhook body exceeds " + maxBodyBytes + " bytes");
    }
    return verifier.verify(headers(request), body);
  }

  static Map<String, List<String>> headers(HttpServletRequest request) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    Enumeration<String> names = request.getHeaderNames();
    if (names == null) {
      return out;
    }
    for (String name : Collections.list(names)) {
      Enumeration<String> values = request.getHeaders(name);
      out.put(name, values == null ? List.of() : new ArrayList<>(Collections.list(values)));
    }
    return out;
  }
}
