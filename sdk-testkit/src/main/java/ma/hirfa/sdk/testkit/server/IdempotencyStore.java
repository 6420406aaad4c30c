package ma.hirfa.sdk.testkit.server;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The IETF Idempotency-Key semantics, on every write (POST, PUT, PATCH, DELETE): per API key and
 * idempotency key, the first response is kept 24 hours and replayed; the same key with another
 * method, path or body is {@code 422 idempotency_key_reused}; a key whose first request is still
 * being processed is {@code 409 idempotency_key_in_use}.
 */
public final class IdempotencyStore {
  public static final Duration RETENTION = Duration.ofHours(24);

  private record Entry(
      byte[] fingerprint, Exchange.@Nullable Response response, Instant createdAt) {}

  @GuardedBy("this")
  private final Map<String, Entry> entries = new HashMap<>();

  private final Clock clock;

  public IdempotencyStore(Clock clock) {
    this.clock = clock;
  }

  /** What {@link #begin} decided. */
  public sealed interface Decision permits Proceed, Replay {}

  /** First use of the key: process the request, then {@link #complete} it. */
  public record Proceed(String slot) implements Decision {}

  /** The key was used before: answer with this response. */
  public record Replay(Exchange.Response response) implements Decision {}

  public synchronized Decision begin(String apiKey, String idempotencyKey, Exchange request) {
    String slot = apiKey + "\n" + idempotencyKey;
    byte[] fingerprint = fingerprint(request);
    Instant now = clock.instant();
    Entry e = entries.get(slot);
    if (e != null && e.createdAt().plus(RETENTION).isBefore(now)) {
      entries.remove(slot);
      e = null;
    }
    if (e == null) {
      entries.put(slot, new Entry(fingerprint, null, now));
      return new Proceed(slot);
    }
    if (!MessageDigest.isEqual(e.fingerprint(), fingerprint)) {
      return new Replay(
          Problems.problem(
              422,
              "idempotency_key_reused",
              "Idempotency key reused",
              "this Idempotency-Key was already used with another request; use a new key for a new operation"));
    }
    if (e.response() == null) {
      return new Replay(
          Problems.problem(
                  409,
                  "idempotency_key_in_use",
                  "Idempotency key in use",
                  "the first request with this Idempotency-Key is still being processed; retry later")
              .header("Retry-After", "1"));
    }
    Exchange.Response first = e.response();
    return new Replay(
        new Exchange.Response(
                first.status(),
                new LinkedHashMap<>(first.headers()),
                first.body(),
                first.contentType())
            .header("Idempotent-Replayed", "true"));
  }

  /** Stores the response to replay; 5xx answers are not stored, so a retry processes again. */
  public synchronized void complete(String slot, Exchange.Response response) {
    Entry e = entries.get(slot);
    if (e == null) {
      return;
    }
    if (response.status() >= 500) {
      entries.remove(slot);
    } else {
      entries.put(slot, new Entry(e.fingerprint(), response, e.createdAt()));
    }
  }

  /** Forgets a key whose processing failed before anything was committed. */
  public synchronized void abandon(String slot) {
    Entry e = entries.get(slot);
    if (e != null && e.response() == null) {
      entries.remove(slot);
    }
  }

  private static byte[] fingerprint(Exchange request) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(request.method.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      sha.update((byte) ' ');
      sha.update(request.path.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      sha.update((byte) '\n');
      sha.update(request.body);
      // A conditional write repeated with another precondition is another request.
      String ifMatch = request.header("if-match");
      if (ifMatch != null) {
        sha.update((byte) '\n');
        sha.update(ifMatch.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
