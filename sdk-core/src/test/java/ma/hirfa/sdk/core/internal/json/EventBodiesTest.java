package ma.hirfa.sdk.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import ma.hirfa.sdk.core.ResponseDecodingException;
import ma.hirfa.sdk.core.webhooks.DuplicateKeyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** E3 for ambiguous bodies: a key written twice in any object of a signed event is refused. */
class EventBodiesTest {
  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theTypeIsReadFromAnOrdinaryBody() {
    assertThat(
            EventBodies.typeOf(
                utf8(
                    "{\"id\":\"evt_1\",\"data\":{\"object\":{\"type\":\"inner\"}},"
                        + "\"type\":\"payment.succeeded\",\"items\":[{\"a\":1},{\"a\":2}]}")))
        .isEqualTo("payment.succeeded");
  }

  @Test
  void aTypeWrittenTwiceIsRefusedNamingIt() {
    byte[] body =
        utf8("{\"type\":\"payment.succeeded\",\"id\":\"evt_1\",\"type\":\"payment.failed\"}");

    assertThatThrownBy(() -> EventBodies.typeOf(body))
        .isInstanceOfSatisfying(
            DuplicateKeyException.class,
            e -> {
              assertThat(e.key()).isEqualTo("type");
              assertThat(e.path()).isEqualTo("$.type");
              assertThat(e).hasMessageContaining("\"type\"");
            });
  }

  @Test
  void aFieldWrittenTwiceDeepInsideTheObjectIsRefused() {
    byte[] body =
        utf8(
            "{\"type\":\"payment.succeeded\",\"data\":{\"object\":"
                + "{\"status\":\"succeeded\",\"id\":\"pay_1\",\"status\":\"failed\"}}}");

    assertThatThrownBy(() -> EventBodies.typeOf(body))
        .isInstanceOfSatisfying(
            DuplicateKeyException.class,
            e -> assertThat(e.path()).isEqualTo("$.data.object.status"));
  }

  @Test
  void aKeyRepeatedInsideAnArrayElementIsRefused() {
    byte[] body = utf8("{\"type\":\"t\",\"lines\":[{\"a\":1},{\"a\":1,\"b\":2,\"a\":3}]}");

    assertThatThrownBy(() -> EventBodies.typeOf(body))
        .isInstanceOfSatisfying(
            DuplicateKeyException.class, e -> assertThat(e.path()).isEqualTo("$.lines[1].a"));
  }

  @Test
  void theValueNeverAppearsInTheMessage() {
    byte[] body = utf8("{\"type\":\"t\",\"phone\":\"0612345678\",\"phone\":\"0699999999\"}");

    assertThatThrownBy(() -> EventBodies.typeOf(body))
        .isInstanceOf(DuplicateKeyException.class)
        .message()
        .doesNotContain("0612345678")
        .doesNotContain("0699999999");
  }

  @Test
  void aBodyThatIsNotOneObjectWithATypeIsADecodingError() {
    for (String s : new String[] {"[]", "{}", "{\"type\":1}", "{\"type\":\"t\"", "\"t\""}) {
      assertThatThrownBy(() -> EventBodies.typeOf(utf8(s)))
          .as(s)
          .isInstanceOf(ResponseDecodingException.class)
          .isNotInstanceOf(DuplicateKeyException.class);
    }
  }

  /**
   * Seeded random documents: without a repeated key the type is read; with one key of one object
   * written again (before or after, at any depth) the body is refused naming that key and path.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void aRepeatedKeyAnywhereIsRefusedAndNothingElseIs(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int round = 0; round < 300; round++) {
      long shape = random.nextLong();
      Doc clean = new Doc(new SplittableRandom(shape), -1);
      clean.root();
      assertThat(EventBodies.typeOf(utf8(clean.out.toString()))).isEqualTo("evt.type");

      // The same document up to the chosen object, which gets one of its keys again.
      Doc dirty = new Doc(new SplittableRandom(shape), random.nextInt(clean.objects));
      dirty.root();
      String text = dirty.out.toString();
      assertThatThrownBy(() -> EventBodies.typeOf(utf8(text)))
          .as(text)
          .isInstanceOfSatisfying(
              DuplicateKeyException.class,
              e -> {
                assertThat(e.key()).isEqualTo(dirty.repeatedKey);
                assertThat(e.path()).isEqualTo(dirty.repeatedPath);
              });
    }
  }

  /** A random nested document; object number {@code repeatIn} (pre-order) gets a key twice. */
  private static final class Doc {
    final SplittableRandom random;
    final int repeatIn;
    final StringBuilder out = new StringBuilder();
    int objects;
    String repeatedKey = "";
    String repeatedPath = "";

    Doc(SplittableRandom random, int repeatIn) {
      this.random = random;
      this.repeatIn = repeatIn;
    }

    void root() {
      int index = objects++;
      out.append("{\"type\":\"evt.type\"");
      members(index, "$", 1 + random.nextInt(4), 0, true);
    }

    void object(String path, int depth) {
      int index = objects++;
      out.append('{');
      members(index, path, random.nextInt(4) + 1, depth, false);
    }

    void members(int index, String path, int n, int depth, boolean started) {
      boolean first = !started;
      String[] keys = new String[n];
      for (int i = 0; i < n; i++) {
        keys[i] = "k" + i + (random.nextBoolean() ? "" : "ⵣ");
        if (!first) {
          out.append(',');
        }
        first = false;
        out.append('"').append(keys[i]).append("\":");
        value(path + "." + keys[i], depth + 1);
      }
      if (index == repeatIn) {
        String key = started && random.nextInt(4) == 0 ? "type" : keys[random.nextInt(n)];
        repeatedKey = key;
        repeatedPath = path + "." + key;
        out.append(",\"").append(key).append("\":");
        out.append(key.equals("type") ? "\"other.type\"" : "\"other\"");
      }
      out.append('}');
    }

    void value(String path, int depth) {
      int kind = depth > 4 ? random.nextInt(3) : random.nextInt(5);
      switch (kind) {
        case 0 -> out.append('"').append("v").append(random.nextInt(100)).append('"');
        case 1 -> out.append(random.nextInt(1000));
        case 2 -> out.append("null");
        case 3 -> object(path, depth);
        default -> {
          out.append('[');
          int n = random.nextInt(3);
          for (int i = 0; i < n; i++) {
            if (i > 0) {
              out.append(',');
            }
            value(path + "[" + i + "]", depth + 1);
          }
          out.append(']');
        }
      }
    }
  }
}
