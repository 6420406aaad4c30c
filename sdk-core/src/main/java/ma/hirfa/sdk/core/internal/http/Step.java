package ma.hirfa.sdk.core.internal.http;

import java.util.Objects;
import ma.hirfa.sdk.core.HirfaException;
import org.jspecify.annotations.Nullable;

/**
 * What a call does after an attempt: return a value, fail with an error, retry after a delay, or
 * nothing at all when the call already ended (its deadline or a cancellation came first).
 */
record Step<T>(@Nullable T value, @Nullable HirfaException error, long delayMillis) {
  private static final Step<?> IGNORED = new Step<>(null, null, -2);

  @SuppressWarnings("unchecked")
  static <T> Step<T> ignored() {
    return (Step<T>) IGNORED;
  }

  static <T> Step<T> value(@Nullable T value) {
    return new Step<>(value, null, -1);
  }

  static <T> Step<T> retry(long delayMillis) {
    return new Step<>(null, null, delayMillis);
  }

  static <T> Step<T> error(HirfaException error) {
    return new Step<>(null, error, -1);
  }

  boolean isIgnored() {
    return delayMillis == -2;
  }

  boolean isRetry() {
    return delayMillis >= 0;
  }

  /** The value of a successful call; decoders never return null. */
  T valueOrThrow() {
    return Objects.requireNonNull(value, "decoded value");
  }
}
