package ma.hirfa.sdk.core.internal.http;

import java.util.Locale;
import java.util.Set;
import ma.hirfa.sdk.core.ClientOptions;
import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.core.internal.Validate;
import ma.hirfa.sdk.core.internal.log.CallLog;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.jspecify.annotations.Nullable;

/**
 * Builds the HTTP request of each attempt of one call. Everything that must be identical across
 * attempts (URL, body bytes, idempotency key, invocation id) is fixed here once; only {@code
 * Hirfa-Attempt} changes.
 */
final class RequestFactory {
  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
  private static final MediaType MERGE_PATCH_TYPE =
      MediaType.get("application/merge-patch+json; charset=utf-8");
  private static final byte[] EMPTY = new byte[0];

  /** Headers a listener may never add, even when the SDK does not send them on this call. */
  private static final Set<String> RESERVED =
      Set.of(
          "authorization",
          "proxy-authorization",
          "cookie",
          "idempotency-key",
          "host",
          "content-length",
          "transfer-encoding");

  private final String method;
  private final HttpUrl url;
  private final Headers headers;
  private final byte[] body;
  private final @Nullable RequestBody requestBody;

  RequestFactory(
      ClientRuntime rt, ApiRequest request, String invocationId, @Nullable String idempotencyKey) {
    ClientOptions options = rt.options;
    this.method = request.method();
    HttpUrl.Builder u = rt.baseUrl.newBuilder();
    for (String segment : request.segments()) {
      u.addPathSegment(segment);
    }
    for (String[] q : request.query()) {
      u.addQueryParameter(q[0], q[1]);
    }
    this.url = u.build();
    Headers.Builder h =
        request.options().apiKey() == null
            ? rt.baseHeaders.newBuilder()
            : headers(apiKey(options, request, url), options).newBuilder();
    h.add("Hirfa-Invocation-Id", invocationId);
    if (idempotencyKey != null) {
      h.add("Idempotency-Key", idempotencyKey);
    }
    request.options().headers().forEach(h::set);
    request.headers().forEach(h::set);
    this.headers = h.build();
    // Encoded once: every attempt sends the same bytes, as the idempotency contract requires.
    Object payload = request.body();
    this.body = payload == null ? EMPTY : rt.json.encode(payload);
    this.requestBody =
        payload != null
            ? RequestBody.create(body, method.equals("PATCH") ? MERGE_PATCH_TYPE : JSON_TYPE)
            : needsBody(method) ? RequestBody.create(EMPTY, null) : null;
  }

  /** The headers every call of a client with {@code options} sends (its key unless overridden). */
  static Headers baseHeaders(ClientOptions options) {
    return headers(options.apiKey(), options);
  }

  private static Headers headers(String apiKey, ClientOptions options) {
    return new Headers.Builder()
        .add("Authorization", "Bearer " + apiKey)
        .add("Hirfa-Version", options.apiVersion())
        .add("User-Agent", options.userAgent())
        .add("Accept", "application/json, application/problem+json")
        .build();
  }

  /**
   * The key for this call. A per-call live key is refused on a loopback base URL, as {@link
   * ClientOptions} refuses a client-wide one: a live key must never reach a local sandbox.
   */
  private static String apiKey(ClientOptions options, ApiRequest request, HttpUrl url) {
    String override = request.options().apiKey();
    if (override == null) {
      return options.apiKey();
    }
    if (override.startsWith("sk_live_") && Validate.isLoopback(url.host())) {
      throw new ValidationException(
          "requestOptions.apiKey",
          "a live key must not be sent to a loopback sandbox; use an sk_test_ key");
    }
    return override;
  }

  private static boolean needsBody(String method) {
    return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
  }

  /**
   * The request of attempt {@code attempt}, carrying the per-attempt tags the runtime reads, and
   * the headers the listeners add for this attempt (a trace context), never over the SDK's own.
   */
  Request attempt(int attempt, CallEvents events) {
    Request.Builder b =
        new Request.Builder()
            .url(url)
            .headers(headers)
            .header("Hirfa-Attempt", Integer.toString(attempt))
            .method(method, requestBody);
    events.attemptStarting(
        attempt,
        (name, value) -> {
          if (headers.get(name) == null
              && !name.regionMatches(true, 0, "hirfa-", 0, 6)
              && !RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            b.header(name, value);
          }
        });
    Request r = b.build();
    CallLog.traceRequest(method, url.toString(), r.headers(), body);
    return r;
  }
}
