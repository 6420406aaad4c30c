package ma.hirfa.sdk.examples.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import ma.hirfa.sdk.examples.conformance.SchemaInstances.Variant;

/**
 * String values of a contract schema: an enum's values (and, for an open enum, one it does not
 * list), the boundaries of each {@code format}, strings matching a {@code pattern}, and free text
 * at its shortest and longest, in several scripts.
 */
final class Strings {
  /** RFC 3339 timestamps a {@code date-time} allows: every offset form, case and precision. */
  static final List<String> DATE_TIMES =
      List.of(
          "2026-11-29T09:00:00Z",
          "2026-11-29T09:00:00.5Z",
          "2026-11-29T09:00:00.123456789Z",
          "2026-11-29T10:00:00+01:00",
          "2026-11-28T23:00:00-10:00",
          "2026-11-29T09:00:00+14:00",
          "2026-11-29t09:00:00z",
          "1970-01-01T00:00:00Z");

  static final String DATE_TIME_MIN = "0001-01-01T00:00:00Z";
  static final String DATE_TIME_MAX = "9999-12-31T23:59:59.999999999Z";
  static final List<String> URIS =
      List.of("https://example.com/", "urn:hirfa:x", "https://example.com/a%20b?q=1&r=%D8%B2#f");
  private static final String TEXT =
      "Tapis amazigh زربية ⵜⴰⴳⵍⵉⵎⵜ 🧶 «guillemets» \"quoted\" \\ tab\t";

  private Strings() {}

  static String of(JsonNode s, Variant variant, SplittableRandom random, int choice) {
    JsonNode open = s.get("x-extensible-enum");
    if (open != null) {
      if (variant == Variant.UNKNOWN_ENUMS
          || (variant == Variant.RANDOM && random.nextInt(5) == 0)) {
        return SchemaInstances.UNKNOWN_ENUM;
      }
      return pick(open, variant, choice);
    }
    if (s.has("enum")) {
      return pick(s.get("enum"), variant, choice);
    }
    int minLength = s.path("minLength").asInt(0);
    int maxLength = s.path("maxLength").asInt(Integer.MAX_VALUE);
    String format = s.path("format").asText("");
    if (s.has("pattern")) {
      PatternStrings.Pick pick =
          switch (variant) {
            case MIN -> PatternStrings.Pick.MIN;
            case MAX -> PatternStrings.Pick.MAX;
            case RANDOM -> PatternStrings.Pick.RANDOM;
            default -> PatternStrings.Pick.RANDOM;
          };
      long seed = variant == Variant.RANDOM ? random.nextLong() : choice;
      return PatternStrings.sample(
          s.get("pattern").asText(), pick, new SplittableRandom(seed), Math.min(maxLength, 255));
    }
    switch (format) {
      case "date-time":
        return variant == Variant.MIN
            ? DATE_TIME_MIN
            : variant == Variant.MAX
                ? DATE_TIME_MAX
                : DATE_TIMES.get(index(variant, random, choice, DATE_TIMES.size()));
      case "date":
        return variant == Variant.MIN
            ? "0001-01-01"
            : variant == Variant.MAX
                ? "9999-12-31"
                : LocalDate.ofEpochDay(20_000 + index(variant, random, choice, 40_000)).toString();
      case "uri":
        return variant == Variant.MAX
            ? "https://example.com/" + "p/".repeat(200) + "?q=1#f"
            : URIS.get(variant == Variant.MIN ? 1 : index(variant, random, choice, URIS.size()));
      case "email":
        return variant == Variant.MIN ? "a@b.ma" : "amina.el-idrissi+shop@example.co.ma";
      case "":
        break;
      default:
        throw new IllegalStateException("no strings for format " + format + ": " + s);
    }
    return switch (variant) {
      case MIN -> "a".repeat(minLength);
      case MAX -> fit(TEXT.repeat(20), minLength, Math.min(maxLength, 2000));
      case RANDOM -> fit(TEXT.substring(random.nextInt(TEXT.length() / 2)), minLength, maxLength);
      default -> fit("text " + choice, minLength, maxLength);
    };
  }

  private static String pick(JsonNode values, Variant variant, int choice) {
    int n = values.size();
    int i = variant == Variant.MIN ? 0 : variant == Variant.MAX ? n - 1 : Math.floorMod(choice, n);
    return values.get(i).asText();
  }

  private static int index(Variant variant, SplittableRandom random, int choice, int n) {
    return variant == Variant.RANDOM ? random.nextInt(n) : Math.floorMod(choice, n);
  }

  /** {@code s} cut to {@code max} code points (never inside a pair), padded to {@code min}. */
  private static String fit(String s, int min, int max) {
    String out = s;
    if (out.codePointCount(0, out.length()) > max) {
      out = out.substring(0, out.offsetByCodePoints(0, max));
    }
    return out.length() < min ? out + "a".repeat(min - out.length()) : out;
  }
}
