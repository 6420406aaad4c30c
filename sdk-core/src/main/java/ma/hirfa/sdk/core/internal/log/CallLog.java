package ma.hirfa.sdk.core.internal.log;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import ma.hirfa.sdk.core.AttemptEvent;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The SDK's logging and its MDC. Quiet at INFO; one DEBUG line per attempt; TRACE adds headers and
 * bodies. Everything passes through {@link Redactor} first.
 *
 * <p>Internal: public only for the call engine in {@code internal.http}; not an API.
 */
public final class CallLog {
  /** The SDK's logger, {@code ma.hirfa.sdk.http}. */
  public static final Logger LOG = LoggerFactory.getLogger("ma.hirfa.sdk.http");

  static final String MDC_INVOCATION = "hirfa.invocation_id";
  static final String MDC_IDEMPOTENCY = "hirfa.idempotency_key";
  static final String MDC_ATTEMPT = "hirfa.attempt";
  private static final int TRACE_BODY_LIMIT = 4_096;

  private CallLog() {}

  /** Whether the DEBUG line of each attempt is logged. */
  public static boolean debugEnabled() {
    return LOG.isDebugEnabled();
  }

  /** The DEBUG line of one attempt; {@code decision} says what happens next. */
  public static void attempt(AttemptEvent e, int maxAttempts, String decision) {
    if (!LOG.isDebugEnabled()) {
      return;
    }
    String result = e.failure() != null ? e.failure() : String.valueOf(e.status());
    LOG.debug(
        "{} {} -> {} in {} ms (attempt {}/{}, request_id={}, idempotency_key={}, invocation_id={}){}",
        e.method(),
        Redactor.redact(e.path()),
        result,
        e.duration().toMillis(),
        e.attempt(),
        maxAttempts,
        e.requestId() == null ? null : Redactor.untrustedId(e.requestId()),
        e.idempotencyKey(),
        e.invocationId(),
        decision);
  }

  /** The TRACE lines of a request: method, URL, headers and body, redacted. */
  public static void traceRequest(String method, String url, Headers headers, byte[] body) {
    if (LOG.isTraceEnabled()) {
      LOG.trace("--> {} {}\n{}{}", method, Redactor.redact(url), headers(headers), bodyText(body));
    }
  }

  /** The TRACE lines of a response: status, headers and body, redacted. */
  public static void traceResponse(int status, Headers headers, byte[] body) {
    if (LOG.isTraceEnabled()) {
      LOG.trace("<-- {}\n{}{}", status, headers(headers), bodyText(body));
    }
  }

  /** Puts the call's identifiers in the MDC; {@link Scope#close()} restores what was there. */
  public static Scope mdc(String invocationId, @Nullable String key, int attempt) {
    return new Scope(invocationId, key, attempt);
  }

  /** The call's identifiers in the MDC, for as long as the scope is open. */
  public static final class Scope implements AutoCloseable {
    private final @Nullable String previousInvocation = MDC.get(MDC_INVOCATION);
    private final @Nullable String previousKey = MDC.get(MDC_IDEMPOTENCY);
    private final @Nullable String previousAttempt = MDC.get(MDC_ATTEMPT);

    Scope(String invocationId, @Nullable String key, int attempt) {
      MDC.put(MDC_INVOCATION, invocationId);
      if (key != null) {
        MDC.put(MDC_IDEMPOTENCY, key);
      }
      MDC.put(MDC_ATTEMPT, Integer.toString(attempt));
    }

    /** The attempt now running. */
    public void attempt(int attempt) {
      MDC.put(MDC_ATTEMPT, Integer.toString(attempt));
    }

    @Override
    public void close() {
      restore(MDC_INVOCATION, previousInvocation);
      restore(MDC_IDEMPOTENCY, previousKey);
      restore(MDC_ATTEMPT, previousAttempt);
    }

    private static void restore(String key, @Nullable String value) {
      if (value == null) {
        MDC.remove(key);
      } else {
        MDC.put(key, value);
      }
    }
  }

  /** Headers whose whole value is a credential. */
  private static final Set<String> SECRET_HEADERS =
      Set.of("authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key");

  /** Headers whose value is a number or an identifier the SDK minted: shown as they are. */
  private static final Set<String> PLAIN_HEADERS =
      Set.of(
          "retry-after",
          "hirfa-retry-after",
          "content-length",
          "ratelimit-limit",
          "ratelimit-remaining",
          "ratelimit-reset",
          "hirfa-attempt",
          "idempotency-key",
          "hirfa-invocation-id");

  private static String headers(Headers headers) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      String lower = name.toLowerCase(Locale.ROOT);
      String value = headers.value(i);
      String shown =
          SECRET_HEADERS.contains(lower)
              ? "[REDACTED]"
              : PLAIN_HEADERS.contains(lower) && isPlain(value) ? value : Redactor.redact(value);
      sb.append(name).append(": ").append(shown).append('\n');
    }
    return sb.toString();
  }

  /** Letters, digits and {@code -_.:} only, as numbers and minted ids are. */
  private static boolean isPlain(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == ':')) {
        return false;
      }
    }
    return value.length() <= 256 && !value.startsWith("sk_");
  }

  private static String bodyText(byte[] body) {
    if (body.length == 0) {
      return "(no body)";
    }
    int n = Math.min(body.length, TRACE_BODY_LIMIT);
    String text = new String(body, 0, n, StandardCharsets.UTF_8);
    return Redactor.redact(text) + (body.length > n ? "... (" + body.length + " bytes)" : "");
  }
}
