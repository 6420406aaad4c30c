package ma.hirfa.sdk.opentelemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import ma.hirfa.sdk.core.AttemptEvent;
import ma.hirfa.sdk.core.AttemptStart;
import ma.hirfa.sdk.core.CallEvent;
import ma.hirfa.sdk.core.CallListener;
import ma.hirfa.sdk.core.CallStart;
import ma.hirfa.sdk.core.ClientOptions;
import org.jspecify.annotations.Nullable;

/**
 * Traces every Hirfa call with OpenTelemetry: one span per logical call, a child {@code CLIENT}
 * span per attempt following the HTTP client semantic conventions, and the W3C trace context sent
 * on every attempt.
 *
 * <pre>{@code
 * ClientOptions options = ClientOptions.builder()
 *     .apiKey(System.getenv("HIRFA_API_KEY"))
 *     .addListener(HirfaTracing.create(openTelemetry))
 *     .build();
 * }</pre>
 *
 * <h2>Spans</h2>
 *
 * <ul>
 *   <li>The <b>call</b> span, named after the operation ({@code createPayment}), kind {@code
 *       INTERNAL}, child of the span current when the call started: {@code hirfa.operation}, {@code
 *       http.request.method}, {@code url.template}, {@code server.address}, {@code
 *       hirfa.idempotency_key}, {@code hirfa.attempts} and, when it failed, {@code error.type} (the
 *       SDK's exception, like {@code ServerException}) and status {@code ERROR}.
 *   <li>One <b>attempt</b> span per attempt, named {@code METHOD /url/template}, kind {@code
 *       CLIENT}: {@code http.request.method}, {@code url.template}, {@code server.address}, {@code
 *       http.response.status_code}, {@code http.request.resend_count} (from the second attempt),
 *       {@code hirfa.retry_reason} (what the previous attempt met), {@code hirfa.request_id} and
 *       {@code error.type}.
 * </ul>
 *
 * Paths are never recorded, only their templates ({@code /v1/payments/{id}}), so attributes carry
 * no id, no secret and no personal data, and metrics derived from spans keep a bounded cardinality.
 * The propagator is the one of the {@link OpenTelemetry} instance given: the trace context (W3C
 * {@code traceparent} by default) of each attempt's span goes on that attempt.
 *
 * <h2>Thread safety</h2>
 *
 * One instance serves any number of clients and threads; register it once with {@link
 * ClientOptions.Builder#addListener}.
 */
public final class HirfaTracing implements CallListener {
  static final String SCOPE = "ma.hirfa.sdk";

  static final AttributeKey<String> OPERATION = AttributeKey.stringKey("hirfa.operation");
  static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
  static final AttributeKey<String> URL_TEMPLATE = AttributeKey.stringKey("url.template");
  static final AttributeKey<String> SERVER = AttributeKey.stringKey("server.address");
  static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
  static final AttributeKey<Long> RESEND = AttributeKey.longKey("http.request.resend_count");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("hirfa.request_id");
  static final AttributeKey<String> KEY = AttributeKey.stringKey("hirfa.idempotency_key");
  static final AttributeKey<String> RETRY_REASON = AttributeKey.stringKey("hirfa.retry_reason");
  static final AttributeKey<Long> ATTEMPTS = AttributeKey.longKey("hirfa.attempts");

  private static final TextMapSetter<BiConsumer<String, String>> SETTER =
      (carrier, key, value) -> {
        if (carrier != null) {
          carrier.accept(key, value);
        }
      };

  private final Tracer tracer;
  private final TextMapPropagator propagator;
  private final Map<String, Trace> calls = new ConcurrentHashMap<>();

  private HirfaTracing(OpenTelemetry openTelemetry) {
    String version = HirfaTracing.class.getPackage().getImplementationVersion();
    // A null version makes the API hand out a no-op tracer.
    this.tracer =
        version == null ? openTelemetry.getTracer(SCOPE) : openTelemetry.getTracer(SCOPE, version);
    this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
  }

  /** A listener tracing with {@code openTelemetry}'s tracer provider and propagators. */
  public static HirfaTracing create(OpenTelemetry openTelemetry) {
    return new HirfaTracing(Objects.requireNonNull(openTelemetry, "openTelemetry == null"));
  }

  /** What is open for one call: its span, its current attempt's, and what the last attempt met. */
  private static final class Trace {
    final Span call;
    final CallStart start;
    @Nullable Span attempt;
    @Nullable String lastOutcome;

    Trace(Span call, CallStart start) {
      this.call = call;
      this.start = start;
    }
  }

  @Override
  public void callStarted(CallStart start) {
    Span span =
        tracer
            .spanBuilder(start.operation())
            .setParent(Context.current())
            .setSpanKind(SpanKind.INTERNAL)
            .setAttribute(OPERATION, start.operation())
            .setAttribute(METHOD, start.method())
            .setAttribute(URL_TEMPLATE, start.urlTemplate())
            .setAttribute(SERVER, start.serverAddress())
            .startSpan();
    if (start.idempotencyKey() != null) {
      span.setAttribute(KEY, start.idempotencyKey());
    }
    calls.put(start.invocationId(), new Trace(span, start));
  }

  @Override
  public void attemptStarted(AttemptStart attempt, BiConsumer<String, String> headers) {
    Trace t = calls.get(attempt.invocationId());
    if (t == null) {
      return;
    }
    CallStart c = t.start;
    Span span =
        tracer
            .spanBuilder(c.method() + " " + c.urlTemplate())
            .setParent(Context.root().with(t.call))
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute(METHOD, c.method())
            .setAttribute(URL_TEMPLATE, c.urlTemplate())
            .setAttribute(SERVER, c.serverAddress())
            .setAttribute(OPERATION, c.operation())
            .startSpan();
    if (attempt.attempt() > 1) {
      span.setAttribute(RESEND, (long) attempt.attempt() - 1);
      if (t.lastOutcome != null) {
        span.setAttribute(RETRY_REASON, t.lastOutcome);
      }
    }
    synchronized (t) {
      t.attempt = span;
    }
    propagator.inject(Context.root().with(span), headers, SETTER);
  }

  @Override
  public void attemptFinished(AttemptEvent e) {
    Trace t = calls.get(e.invocationId());
    if (t == null) {
      return;
    }
    Span span;
    synchronized (t) {
      span = t.attempt;
      t.attempt = null;
      t.lastOutcome =
          e.failure() != null ? e.failure() : e.status() >= 400 ? "status " + e.status() : null;
    }
    if (span == null) {
      return;
    }
    if (e.status() != 0) {
      span.setAttribute(STATUS, (long) e.status());
    }
    if (e.requestId() != null) {
      span.setAttribute(REQUEST_ID, e.requestId());
    }
    String error = errorType(e.failure(), e.status());
    if (error != null) {
      span.setAttribute(ERROR_TYPE, error);
      span.setStatus(StatusCode.ERROR);
    }
    span.end();
  }

  @Override
  public void callFinished(CallEvent e) {
    Trace t = calls.remove(e.invocationId());
    if (t == null) {
      return;
    }
    Span open;
    synchronized (t) {
      open = t.attempt;
      t.attempt = null;
    }
    if (open != null) {
      // An attempt cut short by the deadline or a cancellation never reported itself.
      open.setAttribute(ERROR_TYPE, e.failure() == null ? "cancelled" : e.failure());
      open.setStatus(StatusCode.ERROR);
      open.end();
    }
    t.call.setAttribute(ATTEMPTS, (long) e.attempts());
    if (e.status() != 0) {
      t.call.setAttribute(STATUS, (long) e.status());
    }
    if (e.failure() != null) {
      t.call.setAttribute(ERROR_TYPE, e.failure());
      t.call.setStatus(StatusCode.ERROR);
    }
    t.call.end();
  }

  /** The semantic conventions' {@code error.type}: the exception, else the status of an error. */
  private static @Nullable String errorType(@Nullable String failure, int status) {
    if (failure != null) {
      return failure;
    }
    return status >= 400 ? Integer.toString(status) : null;
  }

  /** Calls being traced now, for leak checks. */
  int openCalls() {
    return calls.size();
  }
}
