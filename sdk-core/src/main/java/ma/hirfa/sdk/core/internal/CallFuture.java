package ma.hirfa.sdk.core.internal;

import java.util.concurrent.CompletableFuture;
import okhttp3.Call;
import org.jspecify.annotations.Nullable;

/**
 * The future of an asynchronous call. Cancelling it cancels the attempt on the wire (OkHttp closes
 * the stream or connection) and stops any retry that was scheduled.
 */
final class CallFuture<T> extends CompletableFuture<T> {
  private volatile @Nullable Call current;

  void attach(Call call) {
    this.current = call;
    if (isCancelled()) {
      call.cancel();
    }
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    boolean cancelled = super.cancel(mayInterruptIfRunning);
    Call call = current;
    if (call != null) {
      call.cancel();
    }
    return cancelled;
  }
}
