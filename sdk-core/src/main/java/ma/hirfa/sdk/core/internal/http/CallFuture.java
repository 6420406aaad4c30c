package ma.hirfa.sdk.core.internal.http;

import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * The future of an asynchronous call. Cancelling it cancels the attempt on the wire (OkHttp closes
 * the stream or connection) and stops any retry that was scheduled. The call's end is told (to the
 * listeners, the breaker) before the future reads as cancelled, so that whoever waits on it finds
 * the end already told.
 */
final class CallFuture<T> extends CompletableFuture<T> {
  private final BooleanSupplier endByCancelling;

  /**
   * @param endByCancelling ends the call as cancelled and says whether it did; {@code false} when
   *     the call had already ended, and the thread that ended it completes this future
   */
  CallFuture(BooleanSupplier endByCancelling) {
    this.endByCancelling = endByCancelling;
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    if (isDone() || !endByCancelling.getAsBoolean()) {
      // A call that already ended keeps its outcome: a payment that succeeded is not reported as
      // cancelled. As CompletableFuture says: whether the future is now cancelled.
      return isCancelled();
    }
    return super.cancel(mayInterruptIfRunning);
  }
}
