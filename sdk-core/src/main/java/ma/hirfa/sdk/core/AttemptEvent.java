package ma.hirfa.sdk.core;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One finished attempt of a call, reported to {@link CallListener#attemptFinished}. Carries no
 * secret and no personal data: the path has no query string.
 *
 * @param invocationId the id shared by every attempt of the logical call
 * @param operation the contract's {@code operationId}, like {@code createPayment}
 * @param method the HTTP method
 * @param urlTemplate the path template, like {@code /v1/payments/{id}}: bounded, for metric tags
 * @param path the request path, without query
 * @param attempt 1 for the first attempt
 * @param status the HTTP status, or 0 when no response arrived
 * @param requestId the response's {@code Request-Id}, if any
 * @param idempotencyKey the call's idempotency key, if any
 * @param duration how long the attempt took
 * @param failure the simple name of the exception the attempt ended with, or null when it got a
 *     response
 * @param retryIn the back-off before the next attempt, or null when the call will not be retried
 * @param stopReason why a failed attempt was not retried when it could have been, like {@code retry
 *     budget exhausted} or {@code attempts exhausted}; null when it is retried, succeeded, or its
 *     failure is final (a 400, say)
 */
public record AttemptEvent(
    String invocationId,
    String operation,
    String method,
    String urlTemplate,
    String path,
    int attempt,
    int status,
    @Nullable String requestId,
    @Nullable String idempotencyKey,
    Duration duration,
    @Nullable String failure,
    @Nullable Duration retryIn,
    @Nullable String stopReason) {}
