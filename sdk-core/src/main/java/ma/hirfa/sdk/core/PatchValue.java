package ma.hirfa.sdk.core;

import java.util.NoSuchElementException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A field of a JSON merge-patch update (RFC 7396), where "leave unchanged" and "clear" differ:
 *
 * <ul>
 *   <li>{@link #absent()}: the field is not sent and keeps its value;
 *   <li>{@link #clear()}: the field is sent as {@code null} and removed;
 *   <li>{@link #of(Object)}: the field is sent with the new value.
 * </ul>
 *
 * @param <T> the field's type
 */
public final class PatchValue<T> {
  private static final PatchValue<?> ABSENT = new PatchValue<>(State.ABSENT, null);
  private static final PatchValue<?> CLEAR = new PatchValue<>(State.CLEAR, null);

  private enum State {
    ABSENT,
    CLEAR,
    VALUE
  }

  private final State state;
  private final @Nullable T value;

  private PatchValue(State state, @Nullable T value) {
    this.state = state;
    this.value = value;
  }

  @SuppressWarnings("unchecked")
  public static <T> PatchValue<T> absent() {
    return (PatchValue<T>) ABSENT;
  }

  @SuppressWarnings("unchecked")
  public static <T> PatchValue<T> clear() {
    return (PatchValue<T>) CLEAR;
  }

  public static <T> PatchValue<T> of(T value) {
    return new PatchValue<>(State.VALUE, Objects.requireNonNull(value, "value == null"));
  }

  /** True when the field is left out of the patch. */
  public boolean isAbsent() {
    return state == State.ABSENT;
  }

  /** True when the field is sent as {@code null}. */
  public boolean isClear() {
    return state == State.CLEAR;
  }

  public boolean isPresent() {
    return state == State.VALUE;
  }

  /** The new value; throws when the field is absent or cleared. */
  public T value() {
    if (value == null) {
      throw new NoSuchElementException("PatchValue is " + state);
    }
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PatchValue<?> p && state == p.state && Objects.equals(value, p.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(state, value);
  }

  @Override
  public String toString() {
    return state == State.VALUE ? "PatchValue[" + value + "]" : "PatchValue." + state;
  }
}
