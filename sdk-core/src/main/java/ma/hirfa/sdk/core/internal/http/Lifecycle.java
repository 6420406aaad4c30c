package ma.hirfa.sdk.core.internal.http;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/** What a pool owner shares with its derived runtimes: its closed flag and deadline thread. */
final class Lifecycle {
  final AtomicBoolean closed = new AtomicBoolean();
  private @Nullable ScheduledThreadPoolExecutor scheduler;

  synchronized ScheduledThreadPoolExecutor scheduler() {
    if (scheduler == null) {
      ScheduledThreadPoolExecutor s =
          new ScheduledThreadPoolExecutor(
              1,
              r -> {
                Thread t = new Thread(r, "hirfa-deadlines");
                t.setDaemon(true);
                return t;
              });
      // A call that ends early cancels its timer: drop it at once instead of at its deadline.
      s.setRemoveOnCancelPolicy(true);
      scheduler = s;
    }
    return scheduler;
  }

  synchronized void shutdown() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }
}
