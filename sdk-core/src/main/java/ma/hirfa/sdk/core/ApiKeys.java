package ma.hirfa.sdk.core;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Validation of API keys. Messages never contain the key. */
final class ApiKeys {
  private static final Pattern FORMAT = Pattern.compile("sk_(test|live)_[A-Za-z0-9]{8,200}");

  private ApiKeys() {}

  static String validate(String field, @Nullable String apiKey) {
    if (apiKey == null || apiKey.isBlank()) {
      throw new ValidationException(field, "must not be empty");
    }
    if (isSpace(apiKey.charAt(0)) || isSpace(apiKey.charAt(apiKey.length() - 1))) {
      throw new ValidationException(
          field,
          "starts or ends with whitespace (often a newline kept from a file or an environment"
              + " variable): remove the whitespace (the value is not shown)");
    }
    if (apiKey.chars().anyMatch(ApiKeys::isSpace)) {
      throw new ValidationException(
          field, "contains whitespace: remove the whitespace (the value is not shown)");
    }
    if (!FORMAT.matcher(apiKey).matches()) {
      throw new ValidationException(
          field,
          "must look like sk_test_... or sk_live_... followed by 8 or more letters or digits"
              + " (the value is not shown)");
    }
    return apiKey;
  }

  /**
   * Whitespace as a key pasted from a file, a terminal or a web page may carry it: line breaks and
   * tabs, and the no-break spaces {@link Character#isWhitespace} leaves out.
   */
  private static boolean isSpace(int c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }
}
