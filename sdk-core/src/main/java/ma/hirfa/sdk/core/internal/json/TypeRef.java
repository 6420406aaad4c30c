package ma.hirfa.sdk.core.internal.json;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * A type with its generic arguments, captured by an anonymous subclass: {@code new
 * TypeRef<Page<Payment>>() {}}. Lets the runtime decode generic responses without unchecked casts
 * at every call site.
 */
public abstract class TypeRef<T> {
  private final Type type;

  protected TypeRef() {
    Type superclass = getClass().getGenericSuperclass();
    if (!(superclass instanceof ParameterizedType p)) {
      throw new IllegalStateException("TypeRef needs a type argument");
    }
    this.type = p.getActualTypeArguments()[0];
  }

  private TypeRef(Type type) {
    this.type = Objects.requireNonNull(type, "type == null");
  }

  public static <T> TypeRef<T> of(Class<T> type) {
    return new TypeRef<T>(type) {};
  }

  public Type type() {
    return type;
  }

  @Override
  public String toString() {
    return type.getTypeName();
  }
}
