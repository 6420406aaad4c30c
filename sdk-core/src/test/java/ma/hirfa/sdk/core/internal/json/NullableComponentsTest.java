package ma.hirfa.sdk.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import ma.hirfa.sdk.core.AppInfo;
import ma.hirfa.sdk.core.AttemptEvent;
import ma.hirfa.sdk.core.AttemptStart;
import ma.hirfa.sdk.core.CallDiagnostics;
import ma.hirfa.sdk.core.CallEvent;
import ma.hirfa.sdk.core.CallStart;
import ma.hirfa.sdk.core.FieldError;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.Page;
import ma.hirfa.sdk.core.Problem;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The class-file reader must say of every record component what reflection says ({@code
 * getAnnotatedType().getAnnotations()} holding an annotation named {@code Nullable}), or decline.
 */
class NullableComponentsTest {
  @Target(ElementType.TYPE_USE)
  @Retention(RetentionPolicy.RUNTIME)
  @interface Nullable2 {}

  /** Another library's {@code Nullable}: the name is what counts. */
  @Target(ElementType.TYPE_USE)
  @Retention(RetentionPolicy.RUNTIME)
  @interface Tagged {
    String value();

    int[] numbers() default {1, 2};

    Class<?> kind() default String.class;

    RetentionPolicy policy() default RetentionPolicy.RUNTIME;

    Retention nested() default @Retention(RetentionPolicy.CLASS);
  }

  record Plain(@Nullable String a, String b, int c, @Nullable Integer d, long e, double f) {
    static final long BIG = 12_345_678_901L;
    static final double PI = 3.141_592_653_589;

    double sum() {
      return BIG + PI + c;
    }
  }

  record Nested(
      List<@Nullable String> items,
      String @Nullable [] maybeArray,
      @Nullable String[] arrayOfMaybe,
      @Nullable Deep deep,
      Map<String, @Nullable Integer> map) {
    static final class Deep {}
  }

  record Generic<T>(@Nullable T maybe, T surely, @Tagged("x") @Nullable T both) {}

  record Annotated(
      @Tagged(
              value = "v",
              numbers = {3},
              kind = int.class,
              policy = RetentionPolicy.SOURCE,
              nested = @Retention(RetentionPolicy.SOURCE))
          String tagged,
      @Tagged("w") @Nullable String taggedAndNullable,
      @Nullable2 String otherName) {}

  /** An annotation named Nullable nested in another type. */
  static final class Other {
    @Target(ElementType.TYPE_USE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface Nullable {}
  }

  record NestedName(@Other.Nullable String a, String b) {}

  record WithOwner(Map.@Nullable Entry<String, String> entry, @Nullable String after) {}

  static Stream<Class<?>> records() {
    return Stream.of(
        Plain.class,
        Nested.class,
        Generic.class,
        Annotated.class,
        NestedName.class,
        Page.class,
        Problem.class,
        FieldError.class,
        CallDiagnostics.class,
        CallEvent.class,
        CallStart.class,
        AttemptEvent.class,
        AttemptStart.class,
        AppInfo.class);
  }

  @ParameterizedTest
  @MethodSource("records")
  void theReaderSaysWhatReflectionSays(Class<?> record) {
    boolean[] read = NullableComponents.of(record);
    assertThat(read).as("read from the class file").isNotNull();
    assertThat(read).isEqualTo(reflection(record));
  }

  @Test
  void aClassThatIsNotARecordHasNoAnswer() {
    assertThat(NullableComponents.of(Money.class)).isNull();
  }

  @Test
  void aParameterizedTypeWithAnOwnerIsLeftToReflection() {
    assertThat(NullableComponents.of(WithOwner.class)).isNull();
  }

  @Test
  void theTopLevelAnnotationCountsAndNotOneInsideTheType() {
    assertThat(NullableComponents.of(Nested.class))
        .containsExactly(false, true, false, true, false);
    assertThat(NullableComponents.of(Plain.class))
        .containsExactly(true, false, false, true, false, false);
    assertThat(NullableComponents.of(NestedName.class)).containsExactly(true, false);
  }

  private static boolean[] reflection(Class<?> record) {
    RecordComponent[] components = record.getRecordComponents();
    boolean[] nullable = new boolean[components.length];
    for (int i = 0; i < components.length; i++) {
      nullable[i] =
          Arrays.stream(components[i].getAnnotatedType().getAnnotations())
              .anyMatch(a -> a.annotationType().getSimpleName().equals("Nullable"));
    }
    return nullable;
  }
}
