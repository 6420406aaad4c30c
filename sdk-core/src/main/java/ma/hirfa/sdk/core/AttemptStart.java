package ma.hirfa.sdk.core;

/**
 * An attempt about to be sent, reported to {@link CallListener#attemptStarted}.
 *
 * @param invocationId the id shared by every attempt of the call
 * @param operation the contract's {@code operationId}, like {@code createPayment}
 * @param attempt 1 for the first attempt
 */
public record AttemptStart(String invocationId, String operation, int attempt) {}
