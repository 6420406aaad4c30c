package ma.hirfa.sdk.core;

import java.util.function.BiConsumer;

/**
 * Sees every call and every attempt, for metrics and tracing. Register with {@link
 * ClientOptions.Builder#addListener(CallListener)}; {@code hirfa-sdk-micrometer} and {@code
 * hirfa-sdk-opentelemetry} are two.
 *
 * <pre>{@code
 * CallListener metrics = new CallListener() {
 *   @Override public void callFinished(CallEvent e) {
 *     registry.timer("hirfa.calls", "operation", e.operation(), "ok", String.valueOf(e.succeeded()))
 *         .record(e.duration());
 *   }
 * };
 * }</pre>
 *
 * <p>Methods are called on the thread that ran the attempt and must return quickly; an exception
 * thrown by a listener is logged and otherwise ignored. Events carry no secret or personal data.
 */
public interface CallListener {
  /** Called once per logical call, before its first attempt, on the calling thread. */
  default void callStarted(CallStart call) {}

  /**
   * Called before each attempt is sent. {@code headers.accept(name, value)} adds a header to this
   * attempt only, to propagate a trace context (W3C {@code traceparent}); the SDK's own headers
   * ({@code Authorization}, {@code Idempotency-Key}, {@code Hirfa-*} and the like) cannot be set.
   */
  default void attemptStarted(AttemptStart attempt, BiConsumer<String, String> headers) {}

  /** Called after each attempt, before the back-off that may follow. */
  default void attemptFinished(AttemptEvent event) {}

  /** Called once per logical call, after its last attempt. */
  default void callFinished(CallEvent event) {}
}
