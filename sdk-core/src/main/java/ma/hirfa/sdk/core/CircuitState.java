package ma.hirfa.sdk.core;

/** The state of a client's circuit breaker; see {@link CircuitBreakerPolicy}. */
public enum CircuitState {
  /** Calls go through. */
  CLOSED,
  /** Calls fail at once with {@link CircuitOpenException}. */
  OPEN,
  /** A few trial calls go through; their outcome closes or reopens the breaker. */
  HALF_OPEN,
  /** The client has no breaker ({@link CircuitBreakerPolicy#disabled()}). */
  DISABLED
}
