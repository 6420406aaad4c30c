package ma.hirfa.sdk.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import ma.hirfa.sdk.core.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Faults the sandbox injects on demand, for testing how a client survives them. Each rule matches a
 * method and a path prefix and fires a number of times, in the order added.
 *
 * <pre>{@code
 * sandbox.faults().resetAfterCommit("POST", "/v1/payments", 1);  // the payment is created, the response lost
 * sandbox.faults().status("GET", "/v1/payments", 503, 2);         // two 503s, then normal answers
 * }</pre>
 *
 * <p>The same faults can be asked for by a request itself with the header {@code
 * Hirfa-Sandbox-Fault}: {@code reset-before}, {@code reset-after-commit}, {@code 503} (any 5xx),
 * {@code 429}, {@code truncated}, {@code malformed}, or {@code delay-<millis>}.
 */
public final class Faults {
  /** What a rule does to the request it matches. */
  public enum Kind {
    /** The connection is reset before the request is processed: nothing happens on the server. */
    RESET_BEFORE,
    /**
     * The request is processed and committed, then the connection is reset: the response is lost.
     */
    RESET_AFTER_COMMIT,
    /** The sandbox answers with a status (5xx or 429) without processing the request. */
    STATUS,
    /** The request is processed; the response body is cut off mid-way. */
    TRUNCATED,
    /** The request is processed; the response body is not valid JSON. */
    MALFORMED,
    /** The request is processed after a delay. */
    DELAY,
    /** The request is processed and committed, then answered with a 5xx instead of its result. */
    STATUS_AFTER_COMMIT,
    /** No fault: the request is answered normally (a step of a {@link #script}). */
    PASS
  }

  /**
   * One fault rule; {@code remaining} counts down as it fires. {@code delay} is the delay of a
   * {@link Kind#DELAY} rule and the {@code Retry-After} of a 429 (zero: no header).
   */
  public record Rule(
      Kind kind, String method, String pathPrefix, int status, Duration delay, int remaining) {}

  private final List<Rule> rules = new ArrayList<>();
  private final Map<String, List<Step>> scripts = new HashMap<>();

  /**
   * One step of a per-attempt {@link #script}: what happens to one attempt of a call. Build them
   * with the factory methods.
   */
  public record Step(Kind kind, int status, Duration delay) {
    /** Answered normally. */
    public static Step pass() {
      return new Step(Kind.PASS, 0, Duration.ZERO);
    }

    /** Reset before processing: nothing happens on the server. */
    public static Step resetBefore() {
      return new Step(Kind.RESET_BEFORE, 0, Duration.ZERO);
    }

    /** Processed and committed, then the connection is reset: the answer is lost. */
    public static Step resetAfterCommit() {
      return new Step(Kind.RESET_AFTER_COMMIT, 0, Duration.ZERO);
    }

    /** Answered {@code status} (5xx) without processing. */
    public static Step status(int status) {
      checkServerError(status);
      return new Step(Kind.STATUS, status, Duration.ZERO);
    }

    /** Processed and committed, then answered {@code status} (5xx) instead of the result. */
    public static Step statusAfterCommit(int status) {
      checkServerError(status);
      return new Step(Kind.STATUS_AFTER_COMMIT, status, Duration.ZERO);
    }

    /** Answered 429 without processing, with {@code Retry-After} in seconds, or none if null. */
    public static Step rateLimited(@Nullable Duration retryAfter) {
      return new Step(Kind.STATUS, 429, retryAfter == null ? Duration.ZERO : retryAfter);
    }

    /** Processed and committed, then the body is cut mid-way. */
    public static Step truncated() {
      return new Step(Kind.TRUNCATED, 0, Duration.ZERO);
    }

    /** Processed and committed, then answered with a body that is not JSON. */
    public static Step malformed() {
      return new Step(Kind.MALFORMED, 0, Duration.ZERO);
    }

    /** Processed and committed, then answered after {@code delay} (past a read timeout, say). */
    public static Step delay(Duration delay) {
      return new Step(Kind.DELAY, 0, delay);
    }

    private static void checkServerError(int status) {
      if (status < 500 || status > 599) {
        throw new ValidationException("status", "must be 5xx but was " + status);
      }
    }
  }

  /**
   * Scripts the attempts of one call, recognised by its {@code Idempotency-Key}: step {@code i}
   * applies to the request whose {@code Hirfa-Attempt} header is {@code i + 1}; attempts past the
   * script are answered normally. Counted rules still fire first.
   *
   * <pre>{@code
   * sandbox.faults().script("order-42-payment",
   *     Faults.Step.resetAfterCommit(), Faults.Step.status(503), Faults.Step.pass());
   * }</pre>
   */
  public synchronized Faults script(String idempotencyKey, Step... attempts) {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey == null");
    scripts.put(idempotencyKey, List.of(attempts));
    return this;
  }

  /** Processes and commits, then answers {@code status} (5xx) instead, {@code times} times. */
  public Faults statusAfterCommit(String method, String pathPrefix, int status, int times) {
    Step.checkServerError(status);
    return add(Kind.STATUS_AFTER_COMMIT, method, pathPrefix, status, Duration.ZERO, times);
  }

  Faults() {}

  /** Resets the connection before processing, {@code times} times. */
  public Faults resetBefore(String method, String pathPrefix, int times) {
    return add(Kind.RESET_BEFORE, method, pathPrefix, 0, Duration.ZERO, times);
  }

  /** Processes and commits the request, then resets the connection, {@code times} times. */
  public Faults resetAfterCommit(String method, String pathPrefix, int times) {
    return add(Kind.RESET_AFTER_COMMIT, method, pathPrefix, 0, Duration.ZERO, times);
  }

  /** Answers {@code status} (5xx, or 429 with {@code Retry-After: 1}) without processing. */
  public Faults status(String method, String pathPrefix, int status, int times) {
    if (status != 429 && (status < 500 || status > 599)) {
      throw new ValidationException("status", "must be 429 or 5xx but was " + status);
    }
    return add(Kind.STATUS, method, pathPrefix, status, defaultRetryAfter(status), times);
  }

  /** The {@code Retry-After} of an injected status: 1 s for a 429, none for a 5xx. */
  static Duration defaultRetryAfter(int status) {
    return status == 429 ? Duration.ofSeconds(1) : Duration.ZERO;
  }

  /**
   * Answers 429 without processing, {@code times} times, with {@code Retry-After} set to {@code
   * retryAfter} in whole seconds, or with no {@code Retry-After} header at all when {@code
   * retryAfter} is null: the client must then choose its own backoff.
   */
  public Faults rateLimited(
      String method, String pathPrefix, @Nullable Duration retryAfter, int times) {
    if (retryAfter != null && (retryAfter.isNegative() || retryAfter.toSeconds() < 1)) {
      throw new ValidationException(
          "retryAfter",
          "must be at least one second (or null for no header) but was " + retryAfter);
    }
    return add(
        Kind.STATUS,
        method,
        pathPrefix,
        429,
        retryAfter == null ? Duration.ZERO : retryAfter,
        times);
  }

  /** Cuts the response body short, {@code times} times. */
  public Faults truncated(String method, String pathPrefix, int times) {
    return add(Kind.TRUNCATED, method, pathPrefix, 0, Duration.ZERO, times);
  }

  /** Sends a body that is not JSON, {@code times} times. */
  public Faults malformed(String method, String pathPrefix, int times) {
    return add(Kind.MALFORMED, method, pathPrefix, 0, Duration.ZERO, times);
  }

  /** Delays the response by {@code delay}, {@code times} times. */
  public Faults delay(String method, String pathPrefix, Duration delay, int times) {
    return add(Kind.DELAY, method, pathPrefix, 0, delay, times);
  }

  /**
   * From now on, each request whose method and path match has probability {@code probability} of
   * one fault drawn from {@code kinds} (statuses are {@code 503} and {@code 429}): for load tests.
   * The draws come from {@code seed}; {@link #randomFaultsInjected()} counts them. Counted rules
   * fire first.
   */
  public synchronized Faults random(
      String method, String pathPrefix, double probability, long seed, Kind... kinds) {
    Objects.requireNonNull(method, "method == null");
    Objects.requireNonNull(pathPrefix, "pathPrefix == null");
    if (!(probability > 0 && probability <= 1)) {
      throw new ValidationException("probability", "must be in (0, 1] but was " + probability);
    }
    if (kinds.length == 0) {
      throw new ValidationException("kinds", "name at least one kind of fault");
    }
    this.randomRule =
        new RandomRule(
            method.toUpperCase(Locale.ROOT),
            pathPrefix,
            probability,
            new SplittableRandom(seed),
            List.of(kinds));
    return this;
  }

  /** How many faults {@link #random} injected, by kind. */
  public synchronized Map<Kind, Integer> randomFaultsInjected() {
    return Map.copyOf(injected);
  }

  private record RandomRule(
      String method,
      String pathPrefix,
      double probability,
      SplittableRandom random,
      List<Kind> kinds) {}

  private @Nullable RandomRule randomRule;
  private final Map<Kind, Integer> injected = new EnumMap<>(Kind.class);

  /** Removes every rule and script, random faults included. */
  public synchronized void clear() {
    rules.clear();
    scripts.clear();
    randomRule = null;
  }

  /** The rules that have not fired out yet. */
  public synchronized List<Rule> pending() {
    return List.copyOf(rules);
  }

  private synchronized Faults add(
      Kind kind, String method, String pathPrefix, int status, Duration delay, int times) {
    Objects.requireNonNull(method, "method == null");
    Objects.requireNonNull(pathPrefix, "pathPrefix == null");
    if (times < 1) {
      throw new ValidationException("times", "must be positive but was " + times);
    }
    rules.add(new Rule(kind, method.toUpperCase(Locale.ROOT), pathPrefix, status, delay, times));
    return this;
  }

  /**
   * The fault for a request: the first matching counted rule, counting it down; else the step of
   * its call's script; else a random fault; null when none applies.
   */
  synchronized @Nullable Rule take(
      String method, String path, @Nullable String idempotencyKey, int attempt) {
    Rule counted = takeCounted(method, path);
    if (counted != null) {
      return counted;
    }
    List<Step> script = idempotencyKey == null ? null : scripts.get(idempotencyKey);
    if (script != null && attempt >= 1 && attempt <= script.size()) {
      Step step = script.get(attempt - 1);
      return step.kind() == Kind.PASS
          ? null
          : new Rule(step.kind(), method, path, step.status(), step.delay(), 1);
    }
    return takeRandom(method, path);
  }

  private @Nullable Rule takeCounted(String method, String path) {
    Iterator<Rule> it = rules.iterator();
    for (int i = 0; it.hasNext(); i++) {
      Rule r = it.next();
      if (r.method().equals(method) && path.startsWith(r.pathPrefix())) {
        if (r.remaining() <= 1) {
          it.remove();
        } else {
          rules.set(
              i,
              new Rule(
                  r.kind(), r.method(), r.pathPrefix(), r.status(), r.delay(), r.remaining() - 1));
        }
        return r;
      }
    }
    return null;
  }

  private @Nullable Rule takeRandom(String method, String path) {
    RandomRule rr = randomRule;
    if (rr != null
        && rr.method().equals(method)
        && path.startsWith(rr.pathPrefix())
        && rr.random().nextDouble() < rr.probability()) {
      Kind kind = rr.kinds().get(rr.random().nextInt(rr.kinds().size()));
      injected.merge(kind, 1, Integer::sum);
      int status = kind == Kind.STATUS ? (rr.random().nextBoolean() ? 503 : 429) : 0;
      return new Rule(kind, method, rr.pathPrefix(), status, defaultRetryAfter(status), 1);
    }
    return null;
  }
}
