package ma.hirfa.sdk.core.internal.http;

import java.util.concurrent.CompletableFuture;

/**
 * The future of an asynchronous call. Cancelling it cancels the attempt on the wire (OkHttp closes
 * the stream or connection) and stops any retry that was scheduled. The call's end is told (to the
 * listeners, the breaker) before the future reads as cancelled, so that whoever waits on it finds
 * the end already told.
 */
final class CallFuture<T> extends CompletableFuture<T> {
  private final Runnable onCancel;

  CallFuture(Runnable onCancel) {
    this.onCancel = onCancel;
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    if (isDone()) {
      return false;
    }
    // Does nothing if the call ended meanwhile; then the future is completed, and is not cancelled.
    onCancel.run();
    return super.cancel(mayInterruptIfRunning);
  }
}
