package ma.hirfa.sdk.testkit;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import ma.hirfa.sdk.testkit.server.Exchange;
import org.jspecify.annotations.Nullable;

/**
 * The last {@code capacity} requests, for {@link Sandbox#requests()} and {@link
 * Sandbox#takeRequest()}. Recording is one append under a short lock (the request's parts are
 * already parsed, and nothing is copied or masked until a test reads it back), so it stays off the
 * hot path; the oldest request is dropped when the journal is full.
 */
final class RequestJournal {
  private static final Set<String> SECRET_HEADERS =
      Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");

  private record Entry(long sequence, Exchange exchange, int status, Instant at) {}

  private final int capacity;
  private final Clock clock;

  @GuardedBy("this")
  private final ArrayDeque<Entry> entries = new ArrayDeque<>();

  @GuardedBy("this")
  private long received;

  @GuardedBy("this")
  private long taken;

  RequestJournal(int capacity, Clock clock) {
    this.capacity = capacity;
    this.clock = clock;
  }

  /** Records a request and the status it was answered with (0 for a cut connection). */
  void record(Exchange e, int status) {
    if (capacity == 0) {
      return;
    }
    Instant at = clock.instant();
    synchronized (this) {
      if (entries.size() == capacity) {
        entries.removeFirst();
      }
      entries.addLast(new Entry(++received, e, status, at));
      notifyAll();
    }
  }

  synchronized List<RecordedRequest> all() {
    List<RecordedRequest> out = new ArrayList<>(entries.size());
    entries.forEach(e -> out.add(recorded(e)));
    return out;
  }

  /** The oldest request not taken yet, waiting up to {@code timeout} for one. */
  synchronized RecordedRequest take(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (Entry e : entries) {
        if (e.sequence() > taken) {
          taken = e.sequence();
          return recorded(e);
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new IllegalStateException(
            capacity == 0
                ? "the request journal is off (Sandbox.builder().journalSize(0))"
                : "no request arrived within " + timeout);
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  synchronized void clear() {
    entries.clear();
    taken = received;
  }

  private static RecordedRequest recorded(Entry entry) {
    Exchange e = entry.exchange();
    Map<String, String> headers = new LinkedHashMap<>();
    e.headers.forEach((name, value) -> headers.put(name, masked(name, value)));
    return new RecordedRequest(
        entry.sequence(),
        e.method,
        e.path,
        e.rawQuery,
        Collections.unmodifiableMap(headers),
        e.body,
        e.requestId,
        entry.status(),
        entry.at());
  }

  /** {@code Bearer sk_test_****}: the scheme and the key's kind stay, the secret goes. */
  static String masked(String name, @Nullable String value) {
    if (value == null || !SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
      return value == null ? "" : value;
    }
    String v = value.trim();
    int space = v.indexOf(' ');
    String scheme = space < 0 ? "" : v.substring(0, space + 1);
    String secret = space < 0 ? v : v.substring(space + 1).trim();
    String kind = "";
    for (String prefix : List.of("sk_test_", "sk_live_", "whsec_")) {
      if (secret.startsWith(prefix)) {
        kind = prefix;
      }
    }
    return scheme + kind + "****";
  }
}
