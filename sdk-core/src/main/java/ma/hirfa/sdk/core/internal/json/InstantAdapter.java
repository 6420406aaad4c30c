package ma.hirfa.sdk.core.internal.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * RFC 3339 timestamps. The API always sends UTC with a {@code Z} and up to nine fraction digits;
 * that shape is parsed by hand because {@link Instant#parse} costs about a fifth of decoding a
 * catalog page. Any other valid RFC 3339 form (an offset, a lower-case {@code t} or {@code z})
 * falls back to the JDK parser.
 */
final class InstantAdapter extends JsonAdapter<Instant> {

  @Override
  public Instant fromJson(JsonReader reader) throws IOException {
    String s = reader.nextString();
    Instant fast = parseUtc(s);
    if (fast != null) {
      return fast;
    }
    try {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(
          s.toUpperCase(Locale.ROOT), Instant::from);
    } catch (DateTimeParseException e) {
      throw new JsonDataException("expected an RFC 3339 timestamp at " + reader.getPath(), e);
    }
  }

  @Override
  public void toJson(JsonWriter writer, @Nullable Instant value) throws IOException {
    writer.value(value == null ? null : value.toString());
  }

  /** Parses {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, or returns null for any other shape. */
  static @Nullable Instant parseUtc(String s) {
    int len = s.length();
    if (len < 20
        || s.charAt(len - 1) != 'Z'
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || s.charAt(10) != 'T'
        || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 7);
    int day = digits(s, 8, 10);
    int hour = digits(s, 11, 13);
    int minute = digits(s, 14, 16);
    int second = digits(s, 17, 19);
    if ((year | month | day | hour | minute | second) < 0
        || hour > 23
        || minute > 59
        || second > 59) {
      return null;
    }
    int nanos = 0;
    if (len > 20) {
      int fractionDigits = len - 21;
      if (s.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
        return null;
      }
      int fraction = digits(s, 20, len - 1);
      if (fraction < 0) {
        return null;
      }
      nanos = fraction;
      for (int i = fractionDigits; i < 9; i++) {
        nanos *= 10;
      }
    } else if (s.charAt(19) != 'Z') {
      return null;
    }
    try {
      long epochDay = LocalDate.of(year, month, day).toEpochDay();
      return Instant.ofEpochSecond(
          epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static int digits(String s, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
