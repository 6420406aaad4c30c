package ma.hirfa.sdk.testkit.server;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * What falls due on the sandbox clock (a wallet approval, a voucher paid at the counter, a payout
 * arriving, an artisan verified, a settlement day closing), applied in the order it falls due and
 * each at its own due time: when the clock jumps a day, a wallet approval due 10 seconds after its
 * payment is dated then, not at the end of the jump, and lands in that day's settlement.
 *
 * <p>Each source keeps its own lock; {@link #catchUp()} holds this timeline's lock while it asks
 * them in turn, and is never called with a source's lock held (sources are locked inside it).
 */
public final class Timeline {
  /** Something with transitions that fall due at instants of the sandbox clock. */
  public interface Source {
    /** When this source's earliest pending transition falls due, or null if none is pending. */
    @Nullable Instant nextDue();

    /** Applies every transition due at exactly {@code at} (the {@link #nextDue()} just read). */
    void applyDue(Instant at);
  }

  private final Clock clock;
  private final List<Source> sources = new CopyOnWriteArrayList<>();
  private final Object lock = new Object();

  @GuardedBy("lock")
  private long applied;

  /** A timeline on the sandbox clock. */
  public Timeline(Clock clock) {
    this.clock = clock;
  }

  /** Adds a source; transitions at the same instant go in the order sources were added. */
  public void add(Source source) {
    sources.add(source);
  }

  /** Applies, earliest first and each at its due time, everything due by the clock's now. */
  public void catchUp() {
    synchronized (lock) {
      Instant now = clock.instant();
      while (true) {
        Source first = null;
        Instant due = null;
        for (Source s : sources) {
          Instant d = s.nextDue();
          if (d != null && !d.isAfter(now) && (due == null || d.isBefore(due))) {
            first = s;
            due = d;
          }
        }
        if (first == null || due == null) {
          return;
        }
        first.applyDue(due);
        applied++;
      }
    }
  }

  /** How many due instants were applied so far (for tests). */
  public long applied() {
    synchronized (lock) {
      return applied;
    }
  }
}
