package ma.hirfa.sdk.core;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Validation of {@link Duration} settings, naming the field in the error. */
final class Durations {
  private Durations() {}

  static Duration positive(String field, @Nullable Duration value) {
    if (value == null) {
      throw new ValidationException(field, "must not be null");
    }
    if (value.isNegative() || value.isZero()) {
      throw new ValidationException(field, "must be positive but was " + value);
    }
    if (value.compareTo(Duration.ofDays(1)) > 0) {
      throw new ValidationException(field, "must be at most one day but was " + value);
    }
    return value;
  }

  static Duration nonNegative(String field, @Nullable Duration value) {
    if (value == null) {
      throw new ValidationException(field, "must not be null");
    }
    if (value.isNegative()) {
      throw new ValidationException(field, "must not be negative but was " + value);
    }
    if (value.compareTo(Duration.ofDays(1)) > 0) {
      throw new ValidationException(field, "must be at most one day but was " + value);
    }
    return value;
  }
}
