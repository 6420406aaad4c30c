package ma.hirfa.sdk.core.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import ma.hirfa.sdk.core.AttemptEvent;
import ma.hirfa.sdk.core.CallEvent;
import ma.hirfa.sdk.core.CallListener;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The SDK's logging and listener fan-out. Quiet at INFO; one DEBUG line per attempt; TRACE adds
 * headers and bodies. Everything passes through {@link Redactor} first.
 */
final class CallLog {
  static final Logger LOG = LoggerFactory.getLogger("ma.hirfa.sdk.http");
  static final String MDC_INVOCATION = "hirfa.invocation_id";
  static final String MDC_IDEMPOTENCY = "hirfa.idempotency_key";
  static final String MDC_ATTEMPT = "hirfa.attempt";
  private static final int TRACE_BODY_LIMIT = 4_096;

  private CallLog() {}

  static boolean debugEnabled() {
    return LOG.isDebugEnabled();
  }

  static void attempt(AttemptEvent e, int maxAttempts, String decision) {
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

  static void traceRequest(String method, String url, Headers headers, byte[] body) {
    if (LOG.isTraceEnabled()) {
      LOG.trace("--> {} {}\n{}{}", method, Redactor.redact(url), headers(headers), bodyText(body));
    }
  }

  static void traceResponse(int status, Headers headers, byte[] body) {
    if (LOG.isTraceEnabled()) {
      LOG.trace("<-- {}\n{}{}", status, headers(headers), bodyText(body));
    }
  }

  static void notifyAttempt(List<CallListener> listeners, AttemptEvent e) {
    for (CallListener l : listeners) {
      try {
        l.attemptFinished(e);
      } catch (RuntimeException ex) {
        LOG.warn("CallListener {} failed in attemptFinished", l.getClass().getName(), ex);
      }
    }
  }

  static void notifyCall(List<CallListener> listeners, CallEvent e) {
    for (CallListener l : listeners) {
      try {
        l.callFinished(e);
      } catch (RuntimeException ex) {
        LOG.warn("CallListener {} failed in callFinished", l.getClass().getName(), ex);
      }
    }
  }

  /** Puts the call's identifiers in the MDC; {@link Scope#close()} restores what was there. */
  static Scope mdc(String invocationId, @Nullable String key, int attempt) {
    return new Scope(invocationId, key, attempt);
  }

  static final class Scope implements AutoCloseable {
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

    void attempt(int attempt) {
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
