package ma.hirfa.sdk.core.internal.retry;

import java.time.Instant;
import java.util.Set;
import ma.hirfa.sdk.core.internal.json.DecodeFailure;
import org.jspecify.annotations.Nullable;

/**
 * Every decision about repeating an attempt, in one place, as OkHttp keeps its recovery decisions
 * in {@code RetryAndFollowUpInterceptor}. It reads nothing but its arguments (the budget aside), so
 * it is unit-tested without HTTP ({@code RetryDeciderTest}).
 *
 * <p>The rules, in the order they are applied:
 *
 * <ol>
 *   <li>A success is returned. A 4xx other than 408, 409 {@code idempotency_key_in_use}, 425 and
 *       429, a body over {@code maxResponseBytes} and the call's own deadline are final.
 *   <li><b>The request may have been sent.</b> A call that is not safe to repeat (no idempotency
 *       key and a method other than GET, HEAD or OPTIONS) is repeated only after a failure that
 *       proves nothing left: a refused connection or an unknown host. Every write the SDK sends
 *       carries a key, so this guards only calls made with {@code withoutIdempotencyKey()}.
 *   <li><b>Key in use.</b> A 409 {@code idempotency_key_in_use} means an earlier attempt of this
 *       very call is still being processed: the SDK polls with back-off until it answers, bounded
 *       by the deadline and {@link #MAX_POLLS}, not by {@code maxAttempts}, and without spending
 *       the retry budget (polling adds no load an outage would multiply).
 *   <li>Otherwise at most {@code maxAttempts} attempts; no retry whose back-off would end after the
 *       deadline; and, checked last so a token is spent only on a retry that happens, one token of
 *       the retry budget.
 * </ol>
 *
 * <p>Internal: public only for the call engine in {@code internal.http}; not an API.
 */
public final class RetryDecider {
  /** The most attempts {@code RetryPolicy} and {@code RequestOptions} may ask for. */
  static final int MAX_ATTEMPTS = 10;

  /** The most polls of a key in use, whatever the deadline: a server stuck on one key is broken. */
  static final int MAX_POLLS = 60;

  /** Statuses worth another attempt for a call that is safe to repeat. */
  private static final Set<Integer> RETRYABLE_STATUS = Set.of(408, 425, 429, 500, 502, 503, 504);

  static final String KEY_IN_USE = "idempotency_key_in_use";

  /** What a call does after an attempt. */
  public enum Action {
    RETURN,
    RETRY,
    STOP
  }

  /**
   * What to do after an attempt. For {@code RETRY}, {@code delayMillis} is the back-off and {@code
   * poll} says whether it was a key-in-use poll; for {@code STOP}, {@code reason} says why the call
   * was not retried (empty when the outcome is simply final, like a 400).
   */
  public record Decision(Action action, long delayMillis, boolean poll, String reason) {
    static final Decision RETURN = new Decision(Action.RETURN, 0, false, "");
    static final Decision FINAL = new Decision(Action.STOP, 0, false, "");

    static Decision stop(String reason) {
      return new Decision(Action.STOP, 0, false, reason);
    }
  }

  /** What the decider needs to know about the call so far. */
  public record CallSoFar(
      int attempt, int polls, int maxAttempts, boolean repeatable, Instant now, Instant deadline) {}

  private final Backoff backoff;
  private final RetryBudget budget;

  RetryDecider(Backoff backoff, RetryBudget budget) {
    this.backoff = backoff;
    this.budget = budget;
  }

  /** What to do after the attempt that produced {@code o}. */
  public Decision decide(Outcome o, CallSoFar call) {
    if (o.isSuccess()) {
      return Decision.RETURN;
    }
    if (o.deadlineExceeded || o.kind == Outcome.Kind.TOO_LARGE || !worthRepeating(o)) {
      return Decision.FINAL;
    }
    if (!call.repeatable() && o.mayHaveBeenSent) {
      return Decision.stop("no idempotency key and the request may have been sent");
    }
    boolean poll = o.status == 409;
    long delay;
    if (poll) {
      if (call.polls() >= MAX_POLLS) {
        return Decision.stop(
            "the API was still processing the first request with this key after "
                + call.polls()
                + " polls");
      }
      delay = backoff.pollMillis(call.polls() + 1, o.retryAfter);
    } else {
      int ordinaryAttempts = call.attempt() - call.polls();
      if (ordinaryAttempts >= call.maxAttempts()) {
        return Decision.stop("attempts exhausted");
      }
      delay = backoff.delayMillis(ordinaryAttempts, o.retryAfter);
    }
    if (call.now().plusMillis(delay).isAfter(call.deadline())) {
      return Decision.stop(
          "the deadline would pass during the " + delay + " ms back-off" + retryAfterNote(o));
    }
    if (!poll && !budget.tryAcquire()) {
      return Decision.stop("retry budget exhausted");
    }
    return new Decision(Action.RETRY, delay, poll, "");
  }

  /** Failures worth another attempt when the call is safe to repeat. */
  private static boolean worthRepeating(Outcome o) {
    return switch (o.kind) {
      case FAILURE -> true;
      // A body cut short or not JSON is worth another attempt; well-formed JSON of the wrong
      // shape would come back the same.
      case UNDECODABLE -> o.failure instanceof DecodeFailure f && f.malformed;
      case RESPONSE ->
          RETRYABLE_STATUS.contains(o.status)
              || (o.status == 409 && KEY_IN_USE.equals(o.problemCode()));
      case STREAM, TOO_LARGE -> false;
    };
  }

  private static String retryAfterNote(Outcome o) {
    return o.retryAfter == null ? "" : " (Retry-After " + o.retryAfter.toSeconds() + " s)";
  }

  /** The calls that may be repeated after they may have been sent. */
  public static boolean repeatable(String method, @Nullable String idempotencyKey) {
    return idempotencyKey != null
        || method.equals("GET")
        || method.equals("HEAD")
        || method.equals("OPTIONS");
  }
}
