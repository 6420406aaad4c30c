package ma.hirfa.sdk.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.apache.kafka.connect.source.SourceRecord;
import org.jspecify.annotations.Nullable;

/**
 * The receiver's queue, instrumented to force interleavings: after each operation the task's thread
 * makes on it (a poll or a drain), {@link #afterStep} runs on that thread with the step's number,
 * and may deliver webhooks there while the task waits. It records the order in which the receiver
 * accepted records (the order the documented guarantee is about).
 */
final class SteppedQueue extends LinkedBlockingQueue<SourceRecord> {
  private static final long serialVersionUID = 1L;

  private final transient Thread taskThread;
  private final transient Semaphore offers = new Semaphore(0);
  private final transient List<SourceRecord> accepted = new ArrayList<>();
  transient IntConsumer afterStep = step -> {};
  private int steps;

  SteppedQueue(int capacity, Thread taskThread) {
    super(capacity);
    this.taskThread = taskThread;
  }

  @Override
  public boolean offer(SourceRecord record, long timeout, TimeUnit unit)
      throws InterruptedException {
    try {
      synchronized (accepted) {
        boolean ok = super.offer(record); // the test delivers only when there is room
        if (ok) {
          accepted.add(record);
        }
        return ok;
      }
    } finally {
      offers.release();
    }
  }

  @Override
  public @Nullable SourceRecord poll(long timeout, TimeUnit unit) throws InterruptedException {
    SourceRecord r = super.poll(timeout, unit);
    step();
    return r;
  }

  @Override
  public @Nullable SourceRecord poll() {
    SourceRecord r = super.poll();
    step();
    return r;
  }

  @Override
  public int drainTo(Collection<? super SourceRecord> c) {
    return drainTo(c, Integer.MAX_VALUE);
  }

  @Override
  public int drainTo(Collection<? super SourceRecord> c, int max) {
    int n = super.drainTo(c, max);
    step();
    return n;
  }

  /** Waits until the receiver's threads made {@code n} more offers (accepted or not). */
  void awaitOffers(int n) throws InterruptedException {
    if (!offers.tryAcquire(n, 10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the receiver did not queue the deliveries");
    }
  }

  /** The records in the order the receiver queued them. */
  List<SourceRecord> accepted() {
    synchronized (accepted) {
      return new ArrayList<>(accepted);
    }
  }

  private void step() {
    if (Thread.currentThread() == taskThread) {
      afterStep.accept(++steps);
    }
  }
}
