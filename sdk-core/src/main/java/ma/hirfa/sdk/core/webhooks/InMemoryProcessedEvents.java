package ma.hirfa.sdk.core.webhooks;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import ma.hirfa.sdk.core.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * {@link ProcessedEvents#inMemory()}: recorded ids in insertion order (so the oldest go first when
 * full), and the ids being processed right now, each with a latch its duplicates wait on.
 */
final class InMemoryProcessedEvents implements ProcessedEvents {
  private final int maxIds;
  private final Duration retention;
  private final Clock clock;
  private final Object lock = new Object();

  /** Recorded id → when it may be forgotten. */
  private final LinkedHashMap<String, Instant> recorded = new LinkedHashMap<>();

  /** Ids whose action is running, bounded by the number of threads delivering at once. */
  private final Map<String, Claim> running = new HashMap<>();

  /** One running action: its thread (to refuse re-entry) and the latch released when it ends. */
  private static final class Claim {
    final Thread owner = Thread.currentThread();
    final CountDownLatch settled = new CountDownLatch(1);
  }

  InMemoryProcessedEvents(int maxIds, Duration retention, Clock clock) {
    if (maxIds < 1) {
      throw new ValidationException("maxIds", "must be positive but was " + maxIds);
    }
    Objects.requireNonNull(retention, "retention == null");
    if (retention.isNegative() || retention.isZero()) {
      throw new ValidationException("retention", "must be positive but was " + retention);
    }
    this.maxIds = maxIds;
    this.retention = retention;
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  @Override
  public <X extends Exception> boolean processOnce(
      String eventId, Instant timestamp, Action<X> action) throws X {
    Objects.requireNonNull(eventId, "eventId == null");
    Objects.requireNonNull(timestamp, "timestamp == null");
    Objects.requireNonNull(action, "action == null");
    Claim mine = claim(eventId);
    if (mine == null) {
      return false;
    }
    boolean succeeded = false;
    try {
      action.run();
      succeeded = true;
    } finally {
      // Record only after the action returned: an exception leaves the id free for the retry.
      try {
        synchronized (lock) {
          running.remove(eventId);
          if (succeeded) {
            record(eventId, timestamp);
          }
        }
      } finally {
        mine.settled.countDown(); // whatever happened, waiting duplicates look again
      }
    }
    return true;
  }

  /** Claims the id, or returns null if it is recorded; waits while another thread runs it. */
  private @Nullable Claim claim(String eventId) {
    while (true) {
      Claim other;
      synchronized (lock) {
        Instant now = clock.instant();
        Instant forgetAt = recorded.get(eventId);
        if (forgetAt != null) {
          if (forgetAt.isAfter(now)) {
            return null;
          }
          recorded.remove(eventId);
        }
        other = running.get(eventId);
        if (other == null) {
          Claim mine = new Claim();
          running.put(eventId, mine);
          return mine;
        }
        if (other.owner == Thread.currentThread()) {
          // Waiting for ourselves would never end.
          throw new IllegalStateException(
              "processOnce called again for event " + eventId + " from inside its own action");
        }
      }
      try {
        other.settled.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(
            "interrupted while another delivery of event " + eventId + " was being processed", e);
      }
    }
  }

  /** Called under the lock. */
  private void record(String eventId, Instant timestamp) {
    Instant now = clock.instant();
    Instant from = timestamp.isAfter(now) ? timestamp : now;
    recorded.remove(eventId); // re-inserted last: it is the newest now
    Instant until;
    try {
      until = from.plus(retention);
    } catch (DateTimeException | ArithmeticException e) {
      until = Instant.MAX; // a timestamp at the end of time is remembered until evicted
    }
    recorded.put(eventId, until);
    Iterator<Instant> oldest = recorded.values().iterator();
    while (oldest.hasNext()) {
      Instant forgetAt = oldest.next();
      if (recorded.size() <= maxIds && forgetAt.isAfter(now)) {
        break;
      }
      oldest.remove();
    }
  }

  /** How many ids are remembered now (for tests). */
  int size() {
    synchronized (lock) {
      return recorded.size();
    }
  }

  @Override
  public String toString() {
    return "ProcessedEvents.inMemory(maxIds=" + maxIds + ", retention=" + retention + ")";
  }
}
