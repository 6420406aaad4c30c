package ma.hirfa.sdk.core.internal.json;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import ma.hirfa.sdk.core.internal.log.Redactor;

/**
 * The {@code toString()} of the SDK's model and params records: what a record's own {@code
 * toString()} would print ({@code Payment[id=pay_1, amount=1250.00 MAD, ...]}), passed through
 * {@link Redactor#redact}, so a phone number in a description, a card number pasted into metadata
 * or a RIB in a free-text field never reaches a log line through a model. Nested models print
 * through their own (redacted) {@code toString()}. A component {@code statusAsString} (an enum's
 * raw value, see {@link RecordAdapterFactory}) prints as {@code status}, as the API names it.
 */
public final class ModelStrings {
  private ModelStrings() {}

  /** One component: its accessor and the name it prints under. */
  private record Component(Method accessor, String name) {}

  /** Each record type's components, looked up once. */
  private static final ClassValue<Component[]> COMPONENTS =
      new ClassValue<>() {
        @Override
        protected Component[] computeValue(Class<?> type) {
          RecordComponent[] components = type.getRecordComponents();
          Component[] out = new Component[components.length];
          for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            String suffix = RecordAdapterFactory.AS_STRING;
            if (components[i].getType() == String.class
                && name.endsWith(suffix)
                && name.length() > suffix.length()) {
              name = name.substring(0, name.length() - suffix.length());
            }
            out[i] = new Component(components[i].getAccessor(), name);
          }
          return out;
        }
      };

  /** {@code record}'s components as {@code Name[a=..., b=...]}, redacted. */
  public static String of(Record record) {
    Class<?> type = record.getClass();
    Component[] components = COMPONENTS.get(type);
    StringBuilder sb = new StringBuilder(64).append(type.getSimpleName()).append('[');
    for (int i = 0; i < components.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(components[i].name()).append('=');
      try {
        sb.append(components[i].accessor().invoke(record));
      } catch (IllegalAccessException | InvocationTargetException e) {
        sb.append('?'); // a component that cannot be read is not printed
      }
    }
    return Redactor.redact(sb.append(']').toString());
  }
}
