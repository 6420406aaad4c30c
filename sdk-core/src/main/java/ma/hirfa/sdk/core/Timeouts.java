package ma.hirfa.sdk.core;

import java.time.Duration;

/**
 * The four timeouts of {@link ClientOptions}, held as one immutable value by the options and by
 * their builder. Each {@code with} method validates its value under the field name the builder's
 * setter has always reported; {@link #checkWhole()} checks them together at {@code build()}.
 */
record Timeouts(Duration connect, Duration read, Duration write, Duration call) {
  /** Connect 10 s, read 30 s, write 30 s, the whole call 60 s. */
  static final Timeouts DEFAULTS =
      new Timeouts(
          Duration.ofSeconds(10),
          Duration.ofSeconds(30),
          Duration.ofSeconds(30),
          Duration.ofSeconds(60));

  Timeouts withConnect(Duration timeout) {
    return new Timeouts(Durations.positive("connectTimeout", timeout), read, write, call);
  }

  Timeouts withRead(Duration timeout) {
    return new Timeouts(connect, Durations.positive("readTimeout", timeout), write, call);
  }

  Timeouts withWrite(Duration timeout) {
    return new Timeouts(connect, read, Durations.positive("writeTimeout", timeout), call);
  }

  Timeouts withCall(Duration timeout) {
    return new Timeouts(connect, read, write, Durations.positive("callTimeout", timeout));
  }

  /** Checked at {@code build()}, not per setter, so the setters may come in any order. */
  void checkWhole() {
    if (call.compareTo(connect) < 0) {
      throw new ValidationException(
          "callTimeout", "must be at least connectTimeout (" + connect + ") but was " + call);
    }
  }

  /** The part of {@link ClientOptions#toString()} these settings print. */
  @Override
  public String toString() {
    return "connectTimeout="
        + connect
        + ", readTimeout="
        + read
        + ", writeTimeout="
        + write
        + ", callTimeout="
        + call;
  }
}
