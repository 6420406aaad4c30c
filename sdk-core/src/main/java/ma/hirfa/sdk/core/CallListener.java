package ma.hirfa.sdk.core;

/**
 * Receives the outcome of every attempt and every call, for metrics and tracing. Register with
 * {@link ClientOptions.Builder#addListener(CallListener)}.
 *
 * <pre>{@code
 * CallListener metrics = new CallListener() {
 *   @Override public void callFinished(CallEvent e) {
 *     registry.timer("hirfa.calls", "path", e.path(), "ok", String.valueOf(e.succeeded()))
 *         .record(e.duration());
 *   }
 * };
 * }</pre>
 *
 * <p>Methods are called on the thread that ran the attempt and must return quickly; an exception
 * thrown by a listener is logged and otherwise ignored. Events carry no secret or personal data.
 */
public interface CallListener {
  /** Called after each attempt, before the back-off that may follow. */
  default void attemptFinished(AttemptEvent event) {}

  /** Called once per logical call, after its last attempt. */
  default void callFinished(CallEvent event) {}
}
