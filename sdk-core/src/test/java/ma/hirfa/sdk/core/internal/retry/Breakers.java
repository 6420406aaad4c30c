package ma.hirfa.sdk.core.internal.retry;

import java.util.Objects;

/** For the call engine's tests in other packages: what only this package may do to a breaker. */
public final class Breakers {
  private Breakers() {}

  /** Opens the breaker of {@code resilience} (creating it first), as failing calls would. */
  public static void open(Resilience resilience) {
    Objects.requireNonNull(resilience.breaker()).transitionToOpenState();
  }
}
