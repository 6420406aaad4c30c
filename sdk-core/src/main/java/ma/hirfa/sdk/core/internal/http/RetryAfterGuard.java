package ma.hirfa.sdk.core.internal.http;

import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Keeps OkHttp from re-sending on its own. OkHttp re-sends a request answered {@code 503} with
 * {@code Retry-After: 0} (any method, unkeyed too, invisible to attempts, logs and the budget), and
 * its parser throws on a {@code Retry-After} too large for an {@code int}. This network interceptor
 * moves the header out of its sight on the statuses it acts on (408 and 503), which leaves every
 * re-send to the SDK; {@link ResponseReader#retryAfter} reads it from where it was moved.
 */
final class RetryAfterGuard {
  /** Where {@code Retry-After} is moved on the statuses OkHttp would act on. */
  static final String MOVED_RETRY_AFTER = "Hirfa-Retry-After";

  static final Interceptor INSTANCE =
      chain -> {
        Response response = chain.proceed(chain.request());
        int code = response.code();
        String retryAfter = response.header("Retry-After");
        if (retryAfter == null || (code != 503 && code != 408)) {
          return response;
        }
        return response
            .newBuilder()
            .removeHeader("Retry-After")
            .header(MOVED_RETRY_AFTER, retryAfter)
            .build();
      };

  private RetryAfterGuard() {}
}
