package ma.hirfa.sdk.core.internal;

import okhttp3.Call;
import okhttp3.EventListener;

/**
 * Records whether an attempt got as far as writing its request. OkHttp reports a refused connection
 * and a reset after the request was written with the same {@code IOException} types; this listener
 * tells them apart, so a {@link ma.hirfa.sdk.core.ConnectionException} can say truthfully whether
 * the request may have reached the API.
 */
final class AttemptTracker extends EventListener {
  static final EventListener.Factory FACTORY =
      call -> {
        State state = call.request().tag(State.class);
        return state == null ? EventListener.NONE : new AttemptTracker(state);
      };

  private final State state;

  private AttemptTracker(State state) {
    this.state = state;
  }

  @Override
  public void requestHeadersStart(Call call) {
    // From here on, bytes of the request may be on the wire: the API may process it.
    state.mayHaveBeenSent = true;
  }

  /** Per-attempt state, attached to the OkHttp request as a tag. */
  static final class State {
    volatile boolean mayHaveBeenSent;
  }
}
