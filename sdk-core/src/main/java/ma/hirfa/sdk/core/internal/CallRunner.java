package ma.hirfa.sdk.core.internal;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import ma.hirfa.sdk.core.AttemptEvent;
import ma.hirfa.sdk.core.CallDiagnostics;
import ma.hirfa.sdk.core.CallEvent;
import ma.hirfa.sdk.core.CallTimeoutException;
import ma.hirfa.sdk.core.CircuitOpenException;
import ma.hirfa.sdk.core.ClientOptions;
import ma.hirfa.sdk.core.HirfaException;
import ma.hirfa.sdk.core.Problem;
import ma.hirfa.sdk.core.RequestOptions;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * Runs one logical call: mints its identifiers once, then makes attempts until one succeeds, a
 * failure is not worth retrying, or the attempts, the budget or the deadline run out. The sync and
 * async paths share every decision ({@link #prepareAttempt} and {@link #afterAttempt}).
 *
 * <p>The idempotency key is minted here, before the first attempt, and never again: every attempt
 * of the call sends the same key, which is what lets the API answer a retry of a POST whose
 * response was lost with the original result instead of a second payment.
 */
final class CallRunner {
  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
  private static final MediaType MERGE_PATCH_TYPE =
      MediaType.get("application/merge-patch+json; charset=utf-8");
  private static final byte[] EMPTY = new byte[0];

  private final ClientRuntime rt;
  private final ClientOptions options;
  private final ApiRequest request;
  private final String invocationId;
  private final @Nullable String idempotencyKey;

  /** Safe to repeat after the request may have been sent: idempotent method or keyed request. */
  private final boolean repeatable;

  private final Instant deadline;
  private final int maxAttempts;

  /** Null when the call has one attempt: nothing to decide, so no Resilience4j context. */
  private final Retry.@Nullable AsyncContext<Outcome> retryContext;

  private final long startNanos = System.nanoTime();
  private final HttpUrl url;
  private final byte[] body;

  /** A streaming call hands its successful response over open, and has no overall deadline. */
  private final boolean streaming;

  private int attempt;
  private boolean lastMayHaveBeenSent;
  private @Nullable HirfaException lastError;

  CallRunner(ClientRuntime rt, ApiRequest request) {
    this(rt, request, false);
  }

  CallRunner(ClientRuntime rt, ApiRequest request, boolean streaming) {
    this.streaming = streaming;
    this.rt = rt;
    this.options = rt.options;
    this.request = request;
    RequestOptions ro = request.options();
    this.invocationId = options.idGenerator().newId();
    String suppliedKey = ro.idempotencyKey();
    this.idempotencyKey =
        suppliedKey != null
            ? suppliedKey
            : request.wantsIdempotencyKey() ? options.idGenerator().newId() : null;
    this.repeatable = isIdempotentMethod(request.method()) || idempotencyKey != null;
    Duration timeout = ro.timeout() != null ? ro.timeout() : options.callTimeout();
    this.deadline = options.clock().instant().plus(timeout);
    this.maxAttempts =
        ro.maxAttempts() > 0 ? ro.maxAttempts() : options.retryPolicy().maxAttempts();
    this.retryContext =
        maxAttempts > 1 ? rt.resilience.retry(maxAttempts).<Outcome>asyncContext() : null;
    HttpUrl.Builder u = rt.baseUrl.newBuilder();
    for (String segment : request.segments()) {
      u.addPathSegment(segment);
    }
    for (String[] q : request.query()) {
      u.addQueryParameter(q[0], q[1]);
    }
    this.url = u.build();
    // Encoded once: every attempt sends the same bytes, as the idempotency contract requires.
    Object payload = request.body();
    this.body = payload == null ? EMPTY : rt.json.encode(payload);
  }

  private static boolean isIdempotentMethod(String method) {
    return switch (method) {
      case "GET", "HEAD", "PUT", "DELETE", "OPTIONS" -> true;
      default -> false;
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Synchronous path

  ApiResponse runSync() {
    try (CallLog.Scope mdc = CallLog.mdc(invocationId, idempotencyKey, 1)) {
      while (true) {
        Call call = newCall(prepareAttempt());
        mdc.attempt(attempt);
        Step step = afterAttempt(executeSync(call));
        if (step.response != null) {
          return step.response;
        }
        if (step.error != null) {
          throw step.error;
        }
        try {
          options.sleeper().sleep(Duration.ofMillis(step.delayMillis));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw finish(
              new CallTimeoutException(
                  "interrupted while waiting to retry",
                  diagnostics(0, null, null),
                  lastMayHaveBeenSent,
                  e));
        }
      }
    }
  }

  private Outcome executeSync(Call call) {
    long t0 = System.nanoTime();
    Response response;
    try {
      response = call.execute();
    } catch (IOException e) {
      return failure(call, e, t0);
    }
    if (streaming && response.isSuccessful()) {
      return Outcome.stream(response, System.nanoTime() - t0);
    }
    try (response) {
      return read(response, t0);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Asynchronous path: the same decisions, driven by OkHttp callbacks; never blocks a thread.

  <T> CompletableFuture<T> runAsync(Function<ApiResponse, T> mapper) {
    CallFuture<T> future = new CallFuture<>();
    attemptAsync(future, mapper);
    return future;
  }

  private <T> void attemptAsync(CallFuture<T> future, Function<ApiResponse, T> mapper) {
    if (future.isDone()) {
      return;
    }
    Call call;
    try {
      call = newCall(prepareAttempt());
    } catch (HirfaException e) {
      future.completeExceptionally(e);
      return;
    }
    future.attach(call);
    long t0 = System.nanoTime();
    call.enqueue(
        new Callback() {
          @Override
          public void onFailure(Call c, IOException e) {
            if (future.isCancelled()) {
              releasePermission();
              return;
            }
            handleAsync(future, mapper, failure(c, e, t0));
          }

          @Override
          public void onResponse(Call c, Response response) {
            Outcome outcome;
            try (response) {
              outcome = read(response, t0);
            }
            handleAsync(future, mapper, outcome);
          }
        });
  }

  private <T> void handleAsync(
      CallFuture<T> future, Function<ApiResponse, T> mapper, Outcome outcome) {
    Step step;
    CallLog.Scope mdc = CallLog.mdc(invocationId, idempotencyKey, attempt);
    try {
      step = afterAttempt(outcome);
    } catch (RuntimeException e) {
      future.completeExceptionally(e);
      return;
    } finally {
      mdc.close();
    }
    if (step.response != null) {
      try {
        future.complete(mapper.apply(step.response));
      } catch (RuntimeException e) {
        future.completeExceptionally(e);
      }
    } else if (step.error != null) {
      future.completeExceptionally(step.error);
    } else {
      var unused =
          options
              .sleeper()
              .delay(Duration.ofMillis(step.delayMillis))
              .whenComplete(
                  (ignored, error) -> {
                    if (error != null) {
                      future.completeExceptionally(error);
                    } else {
                      attemptAsync(future, mapper);
                    }
                  });
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Shared decisions

  /** Checks the deadline and the breaker, then builds the next attempt's request. */
  private Request prepareAttempt() {
    attempt++;
    Duration remaining = Duration.between(options.clock().instant(), deadline);
    if (remaining.isNegative() || remaining.isZero()) {
      throw finish(
          new CallTimeoutException(
              "the call's deadline expired before attempt " + attempt,
              diagnostics(0, null, null),
              lastMayHaveBeenSent,
              lastError));
    }
    CircuitBreaker breaker = rt.resilience.breaker;
    if (breaker != null && !breaker.tryAcquirePermission()) {
      throw finish(
          new CircuitOpenException(
              "circuit breaker '"
                  + breaker.getName()
                  + "' is "
                  + breaker.getState()
                  + " and does not permit further calls",
              diagnostics(0, null, null),
              lastError));
    }
    // addHeader on a fresh builder: header() would first scan for a value to replace.
    Request.Builder b =
        new Request.Builder()
            .url(url)
            .addHeader("Authorization", "Bearer " + apiKey())
            .addHeader("Hirfa-Version", options.apiVersion())
            .addHeader("User-Agent", options.userAgent())
            .addHeader("Accept", "application/json, application/problem+json")
            .addHeader("Hirfa-Invocation-Id", invocationId)
            .addHeader("Hirfa-Attempt", Integer.toString(attempt))
            .tag(AttemptTracker.State.class, new AttemptTracker.State())
            .tag(Remaining.class, new Remaining(remaining));
    if (idempotencyKey != null) {
      b.addHeader("Idempotency-Key", idempotencyKey);
    }
    request.options().headers().forEach(b::header);
    request.headers().forEach(b::header);
    RequestBody requestBody =
        request.body() != null
            ? RequestBody.create(
                body, request.method().equals("PATCH") ? MERGE_PATCH_TYPE : JSON_TYPE)
            : emptyBodyFor(request.method());
    b.method(request.method(), requestBody);
    Request built = b.build();
    CallLog.traceRequest(request.method(), url.toString(), built.headers(), body);
    return built;
  }

  private String apiKey() {
    String override = request.options().apiKey();
    return override != null ? override : options.apiKey();
  }

  private static @Nullable RequestBody emptyBodyFor(String method) {
    return method.equals("POST") || method.equals("PUT") || method.equals("PATCH")
        ? RequestBody.create(EMPTY, null)
        : null;
  }

  private Call newCall(Request r) {
    Call call = rt.http.newCall(r);
    Remaining remaining = r.tag(Remaining.class);
    // A stream may outlive the deadline: only the read timeout guards it once headers arrived.
    if (remaining != null && !streaming) {
      // The attempt may use what is left of the call's deadline, and no more.
      call.timeout().timeout(remaining.duration.toNanos(), TimeUnit.NANOSECONDS);
    }
    return call;
  }

  /** Reads the whole response (bounded by maxResponseBytes) while the connection is open. */
  private Outcome read(Response response, long t0) {
    int status = response.code();
    Headers headers = response.headers();
    try {
      ResponseBody rb = response.body();
      long limit = options.maxResponseBytes();
      if (rb.contentLength() > limit) {
        return Outcome.tooLarge(status, headers, System.nanoTime() - t0);
      }
      BufferedSource source = rb.source();
      Buffer buffer = new Buffer();
      while (source.read(buffer, 8_192) != -1) {
        if (buffer.size() > limit) {
          return Outcome.tooLarge(status, headers, System.nanoTime() - t0);
        }
      }
      byte[] bytes = buffer.readByteArray();
      CallLog.traceResponse(status, headers, bytes);
      return Outcome.response(
          status,
          headers,
          bytes,
          System.nanoTime() - t0,
          Backoff.parseRetryAfter(headers.get("Retry-After"), options.clock()));
    } catch (IOException e) {
      // Status and headers arrived, so the API processed the request; the body was cut.
      return Outcome.failure(e, true, isDeadline(e), System.nanoTime() - t0);
    }
  }

  private Outcome failure(Call call, IOException e, long t0) {
    AttemptTracker.State state = call.request().tag(AttemptTracker.State.class);
    boolean sent = state == null || state.mayHaveBeenSent;
    return Outcome.failure(e, sent, isDeadline(e), System.nanoTime() - t0);
  }

  /** OkHttp's call timeout (our deadline) fails with a bare "timeout"; a read timeout does not. */
  private static boolean isDeadline(IOException e) {
    return e instanceof InterruptedIOException
        && !(e instanceof SocketTimeoutException)
        && "timeout".equals(e.getMessage());
  }

  /** Records the attempt, then decides: return the response, fail, or retry after a delay. */
  private Step afterAttempt(Outcome o) {
    recordInBreaker(o);
    lastMayHaveBeenSent |= o.mayHaveBeenSent;
    if (o.isSuccess()) {
      rt.resilience.budget.onSuccess();
      if (retryContext != null) {
        retryContext.onComplete();
      }
      if (CallLog.debugEnabled() || !options.listeners().isEmpty()) {
        AttemptEvent e = attemptEvent(o, null, null, null);
        CallLog.attempt(e, maxAttempts, "");
        CallLog.notifyAttempt(options.listeners(), e);
      }
      notifyCall(o.status, null);
      byte[] bytes = o.body == null ? EMPTY : o.body;
      return new Step(
          new ApiResponse(
              o.status,
              o.headers == null ? Headers.of() : o.headers,
              bytes,
              o.header("Request-Id"),
              idempotencyKey,
              attempt,
              o.open),
          null,
          -1);
    }
    Problem problem = o.failure == null ? ErrorMapper.parseProblem(o, rt.json) : null;
    o.problemCode = problem == null ? null : problem.code();
    long delay = -1;
    // Why the call ends after this attempt; null while a retry is planned.
    @Nullable String stop;
    if (!o.retryable()) {
      stop = "";
    } else if (!repeatable && o.mayHaveBeenSent) {
      // A non-idempotent call without a key may already have been applied: repeating it could
      // create a second object. Only a failure that proves nothing was sent is retried.
      stop = "; not retried: no idempotency key and the request may have been sent";
    } else {
      delay = retryContext == null ? -1 : retryContext.onResult(o);
      if (delay < 0) {
        stop = "; attempts exhausted";
      } else if (options.clock().instant().plusMillis(delay).isAfter(deadline)) {
        stop = "; not retried: the deadline would pass during the back-off";
      } else if (!rt.resilience.budget.tryAcquire()) {
        // Checked last, so a token is spent only on a retry that will happen.
        stop = "; not retried: retry budget exhausted";
      } else {
        stop = null;
      }
    }
    HirfaException error =
        ErrorMapper.toException(o, problem, diagnostics(o.status, problem, o.header("Request-Id")));
    AttemptEvent e =
        attemptEvent(o, problem, error, stop == null ? Duration.ofMillis(delay) : null);
    CallLog.attempt(e, maxAttempts, stop == null ? "; retrying in " + delay + " ms" : stop);
    CallLog.notifyAttempt(options.listeners(), e);
    if (stop != null) {
      if (!stop.isEmpty()) {
        error.addSuppressed(new StopReason(stop.substring(2)));
      }
      notifyCall(o.status, error);
      return new Step(null, error, -1);
    }
    lastError = error;
    return new Step(null, null, delay);
  }

  private void recordInBreaker(Outcome o) {
    CircuitBreaker breaker = rt.resilience.breaker;
    if (breaker == null) {
      return;
    }
    if (o.countsAgainstBreaker()) {
      breaker.onError(o.durationNanos, TimeUnit.NANOSECONDS, new StopReason("attempt failed"));
    } else {
      breaker.onSuccess(o.durationNanos, TimeUnit.NANOSECONDS);
    }
  }

  private void releasePermission() {
    CircuitBreaker breaker = rt.resilience.breaker;
    if (breaker != null) {
      breaker.releasePermission();
    }
  }

  private HirfaException finish(HirfaException e) {
    notifyCall(0, e);
    return e;
  }

  private CallDiagnostics diagnostics(
      int status, @Nullable Problem problem, @Nullable String requestId) {
    String rid = requestId != null ? requestId : problem == null ? null : problem.requestId();
    return new CallDiagnostics(
        request.method(),
        request.path(),
        status,
        problem == null ? null : problem.code(),
        rid,
        idempotencyKey,
        attempt);
  }

  private AttemptEvent attemptEvent(
      Outcome o,
      @Nullable Problem problem,
      @Nullable HirfaException error,
      @Nullable Duration retryIn) {
    String rid = o.header("Request-Id");
    return new AttemptEvent(
        invocationId,
        request.method(),
        request.path(),
        attempt,
        o.status,
        rid != null ? rid : problem == null ? null : problem.requestId(),
        idempotencyKey,
        Duration.ofNanos(o.durationNanos),
        error == null ? null : error.getClass().getSimpleName(),
        retryIn);
  }

  private void notifyCall(int status, @Nullable HirfaException error) {
    if (options.listeners().isEmpty()) {
      return;
    }
    CallLog.notifyCall(
        options.listeners(),
        new CallEvent(
            invocationId,
            request.method(),
            request.path(),
            attempt,
            status,
            Duration.ofNanos(System.nanoTime() - startNanos),
            error == null ? null : error.getClass().getSimpleName()));
  }

  /** The decision after an attempt: exactly one of response, error, or a delay before retrying. */
  private record Step(
      @Nullable ApiResponse response, @Nullable HirfaException error, long delayMillis) {}

  /** The time an attempt may take, attached to its request. */
  private record Remaining(Duration duration) {}

  /** Says, on an exception, why the SDK stopped retrying; carries no stack trace. */
  static final class StopReason extends Exception {
    private static final long serialVersionUID = 1L;

    StopReason(String reason) {
      super(reason.toLowerCase(Locale.ROOT), null, false, false);
    }
  }
}
