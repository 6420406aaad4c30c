package ma.hirfa.sdk.core.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/**
 * The {@code toString()} of the SDK's model and params records: what a record's own {@code
 * toString()} would print ({@code Payment[id=pay_1, amount=1250.00 MAD, ...]}), passed through
 * {@link Redactor#redact}, so a phone number in a description, a card number pasted into metadata
 * or a RIB in a free-text field never reaches a log line through a model. Nested models print
 * through their own (redacted) {@code toString()}.
 */
public final class ModelStrings {
  private ModelStrings() {}

  /** Each record type's accessors, looked up once. */
  private static final ClassValue<Method[]> ACCESSORS =
      new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
          RecordComponent[] components = type.getRecordComponents();
          Method[] out = new Method[components.length];
          for (int i = 0; i < components.length; i++) {
            out[i] = components[i].getAccessor();
          }
          return out;
        }
      };

  /** {@code record}'s components as {@code Name[a=..., b=...]}, redacted. */
  public static String of(Record record) {
    Class<?> type = record.getClass();
    Method[] accessors = ACCESSORS.get(type);
    StringBuilder sb = new StringBuilder(64).append(type.getSimpleName()).append('[');
    for (int i = 0; i < accessors.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(accessors[i].getName()).append('=');
      try {
        sb.append(accessors[i].invoke(record));
      } catch (IllegalAccessException | InvocationTargetException e) {
        sb.append('?'); // a component that cannot be read is not printed
      }
    }
    return Redactor.redact(sb.append(']').toString());
  }
}
