package ma.hirfa.sdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 17's friendly refusals of a client's settings: a base URL that already ends in {@code /v1}
 * (every call would go to {@code /v1/v1/...}) is refused with the URL to use instead, and an API
 * key carrying whitespace (a newline kept from a file or an environment variable) with a hint to
 * remove it, never quoting the key.
 */
class FriendlyRefusalsTest {
  static final long SEED = Long.getLong("params.seed", 20261129L);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://api.hirfa.ma/v1",
        "https://api.hirfa.ma/v1/",
        "https://api.hirfa.ma/V1",
        "https://gateway.bank.example:8443/hirfa/v1",
        "http://127.0.0.1:8080/v1/"
      })
  void aBaseUrlEndingInV1IsRefusedWithTheRootToUse(String url) {
    String root = url.replaceFirst("(?i)/v1/?$", "/");

    assertThatThrownBy(() -> ClientOptions.builder().apiKey("sk_test_abcdefgh12").baseUrl(url))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo("baseUrl");
              assertThat(e.getMessage()).contains("without /v1").endsWith("use " + root);
            });
    assertThat(ClientOptions.builder().apiKey("sk_test_abcdefgh12").baseUrl(root).build().baseUrl())
        .hasToString(root);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://api.hirfa.ma/v10",
        "https://api.hirfa.ma/v1x/",
        "https://api.hirfa.ma/hirfav1"
      })
  void aRootThatOnlyLooksLikeV1IsKept(String url) {
    assertThat(ClientOptions.builder().apiKey("sk_test_abcdefgh12").baseUrl(url).build().baseUrl())
        .isNotNull();
  }

  static Stream<Long> seeds() {
    SplittableRandom random = new SplittableRandom(SEED);
    return Stream.generate(random::nextLong).limit(100);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void aKeyWithWhitespaceIsRefusedWithAHintAndNeverQuoted(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    String key = key(random);
    String space = List.of("\n", "\r\n", " ", "\t", "\u00a0", "\u2003").get(random.nextInt(6));
    String typed =
        switch (random.nextInt(3)) {
          case 0 -> key + space; // a trailing newline read from a file
          case 1 -> space + key;
          default -> {
            int at = 8 + random.nextInt(key.length() - 8);
            yield key.substring(0, at) + space + key.substring(at);
          }
        };

    assertThatThrownBy(() -> ClientOptions.builder().apiKey(typed))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo("apiKey");
              assertThat(e.getMessage()).contains("remove the whitespace");
              assertThat(e.getMessage()).doesNotContain(key.substring(8));
            });
    assertThat(ClientOptions.builder().apiKey(key).build()).isNotNull();
  }

  @Test
  void aMalformedKeyWithoutWhitespaceKeepsItsOwnReason() {
    assertThatThrownBy(() -> ClientOptions.builder().apiKey("pk_test_abcdefgh12"))
        .hasMessageContaining("must look like sk_test_")
        .hasMessageNotContaining("whitespace");
  }

  private static String key(SplittableRandom random) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder b = new StringBuilder(random.nextBoolean() ? "sk_test_" : "sk_live_");
    int n = 8 + random.nextInt(40);
    for (int i = 0; i < n; i++) {
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return b.toString();
  }
}
