package ma.hirfa.sdk.core.internal.http;

import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;

/**
 * Records whether an attempt got as far as writing its request. OkHttp reports a refused connection
 * and a reset after the request was written with the same {@code IOException} types; this listener
 * tells them apart, so a {@link ma.hirfa.sdk.core.ConnectionException} can say truthfully whether
 * the request may have reached the API.
 */
final class AttemptTracker extends EventListener {
  /**
   * The state of the attempt whose call this thread is creating: OkHttp asks the factory for the
   * call's listener inside {@code newCall}, on the caller's thread. Not a request tag: OkHttp's
   * tags go through Kotlin's {@code KClass}, 58 classes and about 27 ms of a JVM's first call.
   */
  private static final ThreadLocal<@Nullable State> CREATING = new ThreadLocal<>();

  static final EventListener.Factory FACTORY =
      call -> {
        State state = CREATING.get();
        return state == null ? EventListener.NONE : new AttemptTracker(state);
      };

  /** {@code http.newCall(request)}, its listener recording into {@code state}. */
  static Call newCall(OkHttpClient http, Request request, State state) {
    CREATING.set(state);
    try {
      return http.newCall(request);
    } finally {
      CREATING.remove();
    }
  }

  private final State state;

  private AttemptTracker(State state) {
    this.state = state;
    state.attached = true;
  }

  @Override
  public void requestHeadersStart(Call call) {
    // From here on, bytes of the request may be on the wire: the API may process it.
    state.mayHaveBeenSent = true;
  }

  /** Per-attempt state, handed to the attempt's listener through {@link #newCall}. */
  static final class State {
    /** Whether a listener records into this state; if none does, nothing is known. */
    volatile boolean attached;

    volatile boolean mayHaveBeenSent;

    /**
     * Whether the request may have reached the API: what the listener saw, or {@code true} when no
     * listener was attached (a call created elsewhere), since "not sent" must be proven.
     */
    boolean mayHaveBeenSent() {
      return !attached || mayHaveBeenSent;
    }
  }
}
