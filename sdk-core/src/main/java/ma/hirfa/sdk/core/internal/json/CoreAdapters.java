package ma.hirfa.sdk.core.internal.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import ma.hirfa.sdk.core.LocalizedText;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.core.WireEnum;
import org.jspecify.annotations.Nullable;

/**
 * Moshi adapters for the SDK's value types: {@link Money}, {@link LocalizedText}, RFC 3339
 * instants, ISO dates and {@link WireEnum} enums.
 *
 * <p>Values are decoded as the API sent them ({@link Money#fromWire}, {@link
 * LocalizedText#fromWire}): a currency this runtime does not know or a language key that is not a
 * well-formed tag is kept raw, so one such value never makes a whole page, export line or event
 * unreadable. Only what breaks the contract's own rules (a fractional amount, a currency that is
 * not three capitals, a text object without any language) is refused.
 */
final class CoreAdapters implements JsonAdapter.Factory {
  private static final JsonReader.Options MONEY_NAMES =
      JsonReader.Options.of("amount_minor", "currency");

  @Override
  public @Nullable JsonAdapter<?> create(
      Type type, Set<? extends Annotation> annotations, Moshi moshi) {
    if (!annotations.isEmpty()) {
      return null;
    }
    Class<?> raw = Types.getRawType(type);
    if (raw == Money.class) {
      return new MoneyAdapter().nullSafe();
    }
    if (raw == Instant.class) {
      return new InstantAdapter().nullSafe();
    }
    if (raw == LocalDate.class) {
      return new LocalDateAdapter().nullSafe();
    }
    if (raw == LocalizedText.class) {
      return new LocalizedTextAdapter(
              moshi.adapter(Types.newParameterizedType(Map.class, String.class, String.class)))
          .nullSafe();
    }
    if (raw.isEnum() && WireEnum.class.isAssignableFrom(raw)) {
      return new WireEnumAdapter<>(raw).nullSafe();
    }
    return null;
  }

  /** {@code {"amount_minor": 15000, "currency": "MAD"}}, refusing fractional or quoted amounts. */
  private static final class MoneyAdapter extends JsonAdapter<Money> {
    @Override
    public Money fromJson(JsonReader reader) throws IOException {
      long amount = 0;
      String currency = null;
      boolean hasAmount = false;
      reader.beginObject();
      while (reader.hasNext()) {
        switch (reader.selectName(MONEY_NAMES)) {
          case 0 -> {
            if (reader.peek() != JsonReader.Token.NUMBER) {
              throw new JsonDataException(
                  "amount_minor must be an integer number at " + reader.getPath());
            }
            String digits = reader.nextString();
            if (!isInteger(digits)) {
              throw new JsonDataException(
                  "amount_minor must be an integer number of minor units at " + reader.getPath());
            }
            try {
              amount = Long.parseLong(digits);
            } catch (NumberFormatException e) {
              throw new JsonDataException("amount_minor out of range at " + reader.getPath(), e);
            }
            hasAmount = true;
          }
          case 1 -> currency = reader.nextString();
          default -> {
            reader.skipName();
            reader.skipValue();
          }
        }
      }
      reader.endObject();
      if (!hasAmount || currency == null) {
        throw new JsonDataException("money needs amount_minor and currency at " + reader.getPath());
      }
      try {
        return Money.fromWire(amount, currency);
      } catch (ValidationException e) {
        throw new JsonDataException(e.getMessage() + " at " + reader.getPath(), e);
      }
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable Money value) throws IOException {
      if (value == null) {
        writer.nullValue();
        return;
      }
      writer.beginObject();
      writer.name("amount_minor").value(value.amountMinor());
      writer.name("currency").value(value.currencyCode());
      writer.endObject();
    }

    private static boolean isInteger(String s) {
      int start = s.startsWith("-") ? 1 : 0;
      if (s.length() == start) {
        return false;
      }
      for (int i = start; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c < '0' || c > '9') {
          return false;
        }
      }
      return true;
    }
  }

  private static final class LocalDateAdapter extends JsonAdapter<LocalDate> {
    @Override
    public LocalDate fromJson(JsonReader reader) throws IOException {
      String s = reader.nextString();
      try {
        return LocalDate.parse(s);
      } catch (DateTimeParseException e) {
        throw new JsonDataException("expected an ISO date at " + reader.getPath(), e);
      }
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable LocalDate value) throws IOException {
      writer.value(value == null ? null : value.toString());
    }
  }

  /** A JSON object of language tag to text; normalised to NFC by {@link LocalizedText}. */
  private static final class LocalizedTextAdapter extends JsonAdapter<LocalizedText> {
    /** The platform's languages, matched without allocating a name string for each. */
    private static final String[] TAGS = {"ar", "fr", "en", "es", "zgh", "ary"};

    private static final JsonReader.Options TAG_OPTIONS = JsonReader.Options.of(TAGS);

    /** Moshi's map adapter, which writes the tags in order (see SortedMapAdapterFactory). */
    private final JsonAdapter<Map<String, String>> writer;

    LocalizedTextAdapter(JsonAdapter<Map<String, String>> writer) {
      this.writer = writer;
    }

    @Override
    public LocalizedText fromJson(JsonReader reader) throws IOException {
      Map<String, String> values = new LinkedHashMap<>(8);
      reader.beginObject();
      while (reader.hasNext()) {
        int known = reader.selectName(TAG_OPTIONS);
        String tag = known >= 0 ? TAGS[known] : reader.nextName();
        if (reader.peek() == JsonReader.Token.NULL) {
          reader.skipValue();
          continue;
        }
        values.put(tag, reader.nextString());
      }
      reader.endObject();
      try {
        return LocalizedText.fromWire(values);
      } catch (ValidationException e) {
        throw new JsonDataException(e.getMessage() + " at " + reader.getPath(), e);
      }
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable LocalizedText value) throws IOException {
      if (value == null) {
        writer.nullValue();
        return;
      }
      this.writer.toJson(writer, value.asMap());
    }
  }

  /** Maps wire values to constants; an unknown value becomes the {@code UNKNOWN} constant. */
  private static final class WireEnumAdapter<E> extends JsonAdapter<E> {
    private final Map<String, E> byWire = new HashMap<>();
    private final @Nullable E unknown;
    private final String typeName;

    @SuppressWarnings("unchecked")
    WireEnumAdapter(Class<?> type) {
      E unknownConstant = null;
      for (Object constant : type.getEnumConstants()) {
        byWire.put(((WireEnum) constant).wireValue(), (E) constant);
        if (((Enum<?>) constant).name().equals("UNKNOWN")) {
          unknownConstant = (E) constant;
        }
      }
      this.unknown = unknownConstant;
      this.typeName = type.getSimpleName();
    }

    E parse(String raw, JsonReader reader) {
      E value = byWire.get(raw);
      if (value != null) {
        return value;
      }
      if (unknown == null) {
        throw new JsonDataException(
            "unexpected " + typeName + " value '" + raw + "' at " + reader.getPath());
      }
      return unknown;
    }

    @Override
    public E fromJson(JsonReader reader) throws IOException {
      return parse(reader.nextString(), reader);
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable E value) throws IOException {
      writer.value(value == null ? null : ((WireEnum) value).wireValue());
    }
  }
}
