package ma.hirfa.sdk.core.internal.http;

import java.util.concurrent.CompletableFuture;

/**
 * The future of an asynchronous call. Cancelling it cancels the attempt on the wire (OkHttp closes
 * the stream or connection) and stops any retry that was scheduled.
 */
final class CallFuture<T> extends CompletableFuture<T> {
  private final Runnable onCancel;

  CallFuture(Runnable onCancel) {
    this.onCancel = onCancel;
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    boolean cancelled = super.cancel(mayInterruptIfRunning);
    if (cancelled) {
      onCancel.run();
    }
    return cancelled;
  }
}
