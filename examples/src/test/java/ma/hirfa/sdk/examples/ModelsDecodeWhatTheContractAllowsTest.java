package ma.hirfa.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.squareup.moshi.JsonDataException;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import ma.hirfa.sdk.core.internal.json.Json;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 15's first point, for every member of every response model: a member the model makes
 * optional (which {@link ModelsAgreeWithTheContractTest} holds to the contract) may be missing and
 * the model still decodes; a required one missing is a decoding error naming it, never a 0, a false
 * or a null slipped through. So a payout without {@code destination.last4}, an order line or an
 * artisan destination without what the contract leaves out, decode; a line without its {@code
 * quantity} fails.
 */
class ModelsDecodeWhatTheContractAllowsTest {
  private final Json json = new Json();

  /** One member of one record, reached from a response model. */
  record Member(Type model, Class<?> record, RecordComponent component) {
    @Override
    public String toString() {
      return ((model instanceof Class<?> c) ? c.getSimpleName() : model.getTypeName())
          + ": "
          + record.getSimpleName()
          + "."
          + component.getName();
    }
  }

  static Stream<Member> members() {
    List<Member> out = new ArrayList<>();
    for (Type model : ModelEnumsKeepTheirRawValueTest.responseModels().toList()) {
      Set<Class<?>> records = new LinkedHashSet<>();
      collect(model, records);
      for (Class<?> r : records) {
        for (RecordComponent c : r.getRecordComponents()) {
          out.add(new Member(model, r, c));
        }
      }
    }
    return out.stream();
  }

  static Stream<Member> optionalMembers() {
    return members().filter(m -> !required(m.component()));
  }

  static Stream<Member> requiredMembers() {
    return members().filter(m -> required(m.component()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optionalMembers")
  void anOptionalMemberMayBeMissing(Member m) throws IOException {
    Object decoded = decodeWithout(m);

    assertThat(decoded).isNotNull();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requiredMembers")
  void aRequiredMemberMissingIsADecodingErrorNamingIt(Member m) {
    String name = ModelJson.snakeCase(wireName(m));

    Throwable thrown = catchThrowable(() -> decodeWithout(m));

    assertThat(thrown)
        .as("%s missing", m)
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("'" + name + "'");
  }

  private Object decodeWithout(Member m) throws IOException {
    Object sample =
        ModelJson.sample(
            m.model(),
            method -> ModelJson.knownWireValues(method).get(0),
            (record, component) ->
                record == m.record() && component.getName().equals(m.component().getName()));
    String body = new String(json.encode(sample), StandardCharsets.UTF_8);
    return Objects.requireNonNull(json.adapter(m.model()).fromJson(body));
  }

  /** As the record adapter reads it: nullable, a collection or a map may be missing. */
  private static boolean required(RecordComponent c) {
    Class<?> t = c.getType();
    if (Collection.class.isAssignableFrom(t) || Map.class.isAssignableFrom(t)) {
      return false;
    }
    for (Annotation a : c.getAnnotatedType().getAnnotations()) {
      if (a.annotationType() == Nullable.class) {
        return false;
      }
    }
    return true;
  }

  private static String wireName(Member m) {
    var derived = ModelJson.derivedAccessor(m.record(), m.component());
    return derived != null ? derived.getName() : m.component().getName();
  }

  private static void collect(Type type, Set<Class<?>> records) {
    if (type instanceof ParameterizedType p) {
      for (Type arg : p.getActualTypeArguments()) {
        collect(arg, records);
      }
      collect(p.getRawType(), records);
      return;
    }
    if (!(type instanceof Class<?> raw) || !raw.isRecord() || !records.add(raw)) {
      return;
    }
    for (RecordComponent c : raw.getRecordComponents()) {
      collect(c.getGenericType(), records);
    }
  }
}
