package ma.hirfa.sdk.core;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A finished logical call, reported to {@link CallListener#callFinished}: its outcome after every
 * retry.
 *
 * @param invocationId the id shared by every attempt of the call
 * @param operation the contract's {@code operationId}, like {@code createPayment}
 * @param method the HTTP method
 * @param urlTemplate the path template, like {@code /v1/payments/{id}}: bounded, for metric tags
 * @param path the request path, without query
 * @param attempts the number of attempts made
 * @param status the last HTTP status, or 0 when no response arrived
 * @param duration from the first attempt's start to the outcome, back-off included
 * @param failure the simple name of the exception thrown to the caller, or null on success
 */
public record CallEvent(
    String invocationId,
    String operation,
    String method,
    String urlTemplate,
    String path,
    int attempts,
    int status,
    Duration duration,
    @Nullable String failure) {

  public boolean succeeded() {
    return failure == null;
  }
}
