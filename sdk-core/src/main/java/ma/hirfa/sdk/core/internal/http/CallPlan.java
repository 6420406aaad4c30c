package ma.hirfa.sdk.core.internal.http;

import java.time.Duration;
import java.time.Instant;
import ma.hirfa.sdk.core.RequestOptions;
import ma.hirfa.sdk.core.internal.retry.RetryDecider;
import org.jspecify.annotations.Nullable;

/**
 * What is fixed for a call before its first attempt: its identifiers (the idempotency key is minted
 * here, once, and never again: every attempt sends the same key), its deadline, its attempts, and
 * the stages that build its requests and report its events.
 *
 * @param wholeCallTimeout whether each attempt's OkHttp call timeout runs to the deadline, body
 *     reading included: always, except for a stream whose caller set no deadline of its own
 */
record CallPlan(
    @Nullable String idempotencyKey,
    boolean repeatable,
    Instant deadline,
    boolean wholeCallTimeout,
    int maxAttempts,
    RequestFactory requests,
    CallEvents events) {

  static CallPlan of(ClientRuntime rt, ApiRequest request, boolean streaming) {
    RequestOptions ro = request.options();
    String invocationId = rt.options.idGenerator().newId();
    String supplied = ro.idempotencyKey();
    String key =
        supplied != null
            ? supplied
            : request.wantsIdempotencyKey() ? rt.options.idGenerator().newId() : null;
    Duration timeout = ro.timeout() != null ? ro.timeout() : rt.options.callTimeout();
    int maxAttempts =
        ro.maxAttempts() > 0 ? ro.maxAttempts() : rt.options.retryPolicy().maxAttempts();
    return new CallPlan(
        key,
        RetryDecider.repeatable(request.method(), key),
        rt.options.clock().instant().plus(timeout),
        // A stream may outlive the client's callTimeout (an export takes minutes); a deadline the
        // caller set on the call itself holds for the whole stream.
        !streaming || ro.timeout() != null,
        maxAttempts,
        new RequestFactory(rt, request, invocationId, key),
        new CallEvents(invocationId, request, key, maxAttempts, rt.options.listeners()));
  }
}
