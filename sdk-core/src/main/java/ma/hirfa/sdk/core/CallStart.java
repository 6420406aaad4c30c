package ma.hirfa.sdk.core;

import org.jspecify.annotations.Nullable;

/**
 * A call about to make its first attempt, reported to {@link CallListener#callStarted}. Carries no
 * secret and no personal data.
 *
 * @param invocationId the id shared by every attempt of the call, and by its later events
 * @param operation the contract's {@code operationId}, like {@code createPayment}
 * @param method the HTTP method
 * @param urlTemplate the path template, like {@code /v1/payments/{id}}
 * @param serverAddress the API's host name
 * @param idempotencyKey the key every attempt carries, if any
 * @param maxAttempts the attempts the call may make (polls of a key in use aside)
 */
public record CallStart(
    String invocationId,
    String operation,
    String method,
    String urlTemplate,
    String serverAddress,
    @Nullable String idempotencyKey,
    int maxAttempts) {}
