package ma.hirfa.sdk.core.internal.http;

import java.time.Instant;
import ma.hirfa.sdk.core.CallDiagnostics;
import ma.hirfa.sdk.core.internal.log.Redactor;
import ma.hirfa.sdk.core.internal.retry.Outcome;
import ma.hirfa.sdk.core.internal.retry.RetryDecider;
import org.jspecify.annotations.Nullable;

/**
 * What one call has been through so far, kept across its attempts: how many attempts and polls it
 * made, whether any of them may have been sent, the last status, request id and outcome, and the
 * retry tokens it spent. Every exception of the call is described from it ({@link #diagnostics}),
 * so that it tells the truth about the whole call, not only about its last attempt.
 *
 * <p>Not thread-safe: its {@link CallState} reads and changes it under its own lock.
 */
final class CallHistory {
  private final ApiRequest request;
  private final CallPlan plan;

  /** Attempts started; 0 before the first. */
  int attempt;

  /** Retries that were polls of a key in use: they count against the deadline, not maxAttempts. */
  int polls;

  /** The last status an attempt received; 0 before any. */
  int lastStatus;

  /** Whether any attempt may have reached the API. */
  boolean mayHaveBeenSent;

  /** The last request id a server gave, made safe to print. */
  @Nullable String requestId;

  /** The last attempt's outcome. */
  @Nullable Outcome last;

  /** Retry tokens spent, refunded to the retry budget if the call succeeds. */
  int tokensSpent;

  CallHistory(ApiRequest request, CallPlan plan) {
    this.request = request;
    this.plan = plan;
  }

  /** Adds what an attempt's outcome says about the whole call: sent, status, request id. */
  void attempted(Outcome o) {
    mayHaveBeenSent |= o.mayHaveBeenSent;
    if (o.status != 0) {
      lastStatus = o.status;
    }
    String rid = o.requestId();
    if (rid != null) {
      requestId = Redactor.untrustedId(rid);
    }
  }

  /** A retry was planned: a poll of a key in use, or an ordinary retry that spent a token. */
  void retrying(boolean poll) {
    if (poll) {
      polls++;
    } else {
      tokensSpent++;
    }
  }

  /** What the retry decider needs to know about the call, at {@code now}. */
  RetryDecider.CallSoFar soFar(Instant now) {
    return new RetryDecider.CallSoFar(
        attempt, polls, plan.maxAttempts(), plan.repeatable(), now, plan.deadline());
  }

  /** The call as it stands: sticky across attempts, as every exception must describe it. */
  CallDiagnostics diagnostics() {
    Outcome o = last;
    return new CallDiagnostics(
        request.method(),
        request.path(),
        lastStatus,
        o == null ? null : o.problemCode(),
        requestId,
        plan.idempotencyKey(),
        attempt,
        mayHaveBeenSent);
  }
}
