package ma.hirfa.sdk.core.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Remembers which events were processed, so that a verified event is applied once: not lost when a
 * handler fails, not applied twice when the platform delivers it again.
 *
 * <pre>{@code
 * ProcessedEvents processed = ProcessedEvents.inMemory();          // once, at start-up
 *
 * // per request, with the body bytes exactly as received:
 * try {
 *   WebhookMessage message = verifier.verify(headers, rawBody);
 *   processed.processOnce(message, m -> ship(parser.parse(m)));  // runs at most once per id
 *   return 204;  // processed now, or already processed before: the same answer
 * } catch (WebhookVerificationException e) {
 *   return 400;  // never trusted; e.reason() says why
 * } catch (Exception e) {
 *   return 500;  // the handler failed: nothing recorded, the platform's retry runs it again
 * }
 * }</pre>
 *
 * <h2>The contract (E1, E2 of the SDK's promises)</h2>
 *
 * {@link #processOnce(String, Instant, Action)} claims the id, runs the action, records the id if
 * and only if the action returned normally, and releases the claim if it threw:
 *
 * <ul>
 *   <li>An id already recorded: the action does not run; the call returns {@code false}. Answer the
 *       sender 2xx, exactly as for the first delivery: this is the one answer to a platform retry,
 *       a duplicate and a captured message replayed within the verifier's tolerance.
 *   <li>The action throws: its exception propagates unchanged and the id is not recorded, so the
 *       next delivery of the same id runs the action again.
 *   <li>Two deliveries of one id at the same time (on one instance or, with a shared store, on
 *       several) never both run the action: the second waits until the first settles, then returns
 *       {@code false} if it succeeded or runs the action if it failed.
 * </ul>
 *
 * <h2>Implementing it over a shared store</h2>
 *
 * One method, so that a store can wrap the action in whatever makes "run and record" atomic. A
 * database store inserts the id in a transaction (the unique key is the claim: a concurrent insert
 * of the same id blocks until the first transaction ends), runs the action inside that same
 * transaction, and commits the id together with the application's own writes, or rolls both back. A
 * store that can only record after the action (a cache with {@code SET NX}) is at-least-once across
 * a crash between the two steps; say so in its documentation. Implementations must be thread-safe.
 *
 * <h2>The verifier's tolerance is the replay window</h2>
 *
 * A captured message can be replayed only within the verifier's timestamp tolerance (default 5
 * minutes); a store that keeps ids at least that long turns such a replay into a duplicate. The
 * platform's own retries carry the same id with a fresh timestamp for much longer (hours): a store
 * applies them once only while it still remembers the id, which is why {@link #inMemory()} keeps
 * ids for 24 hours and a shared, durable store is the answer for several instances and restarts.
 */
public interface ProcessedEvents {

  /** The work to run once per event id. */
  @FunctionalInterface
  interface Action<X extends Exception> {
    void run() throws X;
  }

  /**
   * Runs {@code action} unless {@code eventId} was already processed, and records the id only if
   * the action returned normally.
   *
   * @param eventId the event's id, stable across deliveries ({@code webhook-id}, a CMI order id)
   * @param timestamp when the event was sent, for a store that ages ids out
   * @return true if the action ran now and succeeded; false if the id was processed before (the
   *     action did not run)
   * @throws X whatever the action threw; the id is then not recorded
   */
  <X extends Exception> boolean processOnce(String eventId, Instant timestamp, Action<X> action)
      throws X;

  /**
   * Runs {@code handler} once for a verified message: {@link #processOnce(String, Instant, Action)}
   * with the message's {@code webhook-id} and timestamp.
   */
  default <X extends Exception> boolean processOnce(
      WebhookMessage message, WebhookHandler<X> handler) throws X {
    return processOnce(message.id(), message.timestamp(), () -> handler.handle(message));
  }

  /**
   * An in-process store of at most {@code maxIds} ids, each kept for {@code retention} after it was
   * recorded (or after its timestamp, if later). When full, the oldest ids are forgotten first: a
   * delivery of a forgotten id runs the handler again. One instance per receiver process; for
   * several instances or across restarts, use a shared store.
   *
   * @throws ma.hirfa.sdk.core.ValidationException naming {@code maxIds} or {@code retention} if it
   *     is not positive
   */
  static ProcessedEvents inMemory(int maxIds, Duration retention, Clock clock) {
    return new InMemoryProcessedEvents(maxIds, retention, clock);
  }

  /**
   * {@link #inMemory(int, Duration, Clock)} with 100,000 ids (about 15 MB at most), 24 hours and
   * the system clock.
   */
  static ProcessedEvents inMemory() {
    return new InMemoryProcessedEvents(100_000, Duration.ofHours(24), Clock.systemUTC());
  }
}
