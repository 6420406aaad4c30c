package ma.hirfa.sdk.spring;

import java.util.function.Supplier;
import ma.hirfa.sdk.core.ClientHealth;

/**
 * One client's health, as the starter registers it for each client bean: read by the health
 * contributor and the circuit gauge, never by making a call.
 *
 * @param api the client's API, {@code payments} or {@code catalog}
 * @param health the client's {@code health()}
 */
public record HirfaHealthSource(String api, Supplier<ClientHealth> health) {}
