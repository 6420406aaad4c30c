package ma.hirfa.sdk.core;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a client knows about the API's health, without making a call: its circuit breaker's state,
 * its retry budget, and how its last call ended. For health checks and dashboards (the Spring Boot
 * starter's health contributor and the Micrometer binding read it).
 *
 * @param api the API the client calls, like {@code payments}
 * @param circuit the circuit breaker's state
 * @param retryTokens retry tokens left in the budget
 * @param lastCallAt when the last call ended, or null before the first
 * @param lastFailure the simple name of the exception the last call ended with, or null when it
 *     succeeded (or there was none)
 */
public record ClientHealth(
    String api,
    CircuitState circuit,
    long retryTokens,
    @Nullable Instant lastCallAt,
    @Nullable String lastFailure) {}
