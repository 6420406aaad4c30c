package ma.hirfa.sdk.core;

import java.text.Normalizer;
import java.util.Collections;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A text in several languages, keyed by BCP-47 tag ({@code ar}, {@code fr}, {@code en}, {@code es},
 * {@code zgh} for Tamazight in Tifinagh, {@code ary} for Darija...). Values are stored in Unicode
 * NFC, so texts typed on different keyboards compare equal.
 *
 * <pre>{@code
 * LocalizedText title = LocalizedText.builder()
 *     .put("ar", "زربية أمازيغية")
 *     .put("fr", "Tapis amazigh")
 *     .build();
 * title.resolve(Locale.forLanguageTag("es"));   // "Tapis amazigh": no es, falls back to fr
 * }</pre>
 *
 * <p>{@link #resolve} falls back along: the requested tag, its language alone ({@code fr-MA} →
 * {@code fr}), then {@code fr}, {@code ar}, {@code en}, then the first language present. A
 * LocalizedText always has at least one language.
 */
public final class LocalizedText {
  private static final List<String> FALLBACK = List.of("fr", "ar", "en");

  private final Map<String, String> values;

  private LocalizedText(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /** Copies a map of BCP-47 tag to text; fails on an empty map, a bad tag or a blank text. */
  public static LocalizedText of(Map<String, String> values) {
    Objects.requireNonNull(values, "values == null");
    Builder b = builder();
    values.forEach(b::put);
    return b.build();
  }

  /**
   * A text as the API sent it, never refused for a detail: a key that is a well-formed tag is
   * canonicalised as {@link Builder#put} does, any other key (like {@code fr_FR!}) is kept as sent
   * and reached only through {@link #asMap()}, {@link #languages()} or the last step of {@link
   * #resolve}; texts are kept as sent (in NFC), blank ones included. How the SDK decodes localized
   * text, so that one malformed label never makes a product unreadable. For your own input use
   * {@link #of(Map)} or {@link #builder()}, which check every tag and text.
   *
   * @throws ValidationException if {@code values} is empty (the contract requires one language)
   */
  public static LocalizedText fromWire(Map<String, String> values) {
    Objects.requireNonNull(values, "values == null");
    if (values.isEmpty()) {
      throw new ValidationException("localizedText", "must have at least one language");
    }
    Map<String, String> out = new LinkedHashMap<>(values.size() * 2);
    for (Map.Entry<String, String> e : values.entrySet()) {
      String key = Objects.requireNonNull(e.getKey(), "a language tag is null");
      String text = Objects.requireNonNull(e.getValue(), "a text is null");
      String tag;
      try {
        tag = canonicalTag(key);
      } catch (ValidationException malformed) {
        tag = key;
      }
      out.put(tag, nfc(text));
    }
    return new LocalizedText(out);
  }

  /** A text in one language. */
  public static LocalizedText of(String languageTag, String text) {
    return builder().put(languageTag, text).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The text for exactly this tag, or null. */
  public @Nullable String get(String languageTag) {
    return values.get(canonicalTag(languageTag));
  }

  /** The best text for {@code locale} along the fallback chain; never null. */
  public String resolve(Locale locale) {
    Objects.requireNonNull(locale, "locale == null");
    return resolve(locale.toLanguageTag());
  }

  /** The best text for the BCP-47 {@code languageTag} along the fallback chain; never null. */
  public String resolve(String languageTag) {
    String tag = canonicalTag(languageTag);
    String exact = values.get(tag);
    if (exact != null) {
      return exact;
    }
    int dash = tag.indexOf('-');
    if (dash > 0) {
      String language = values.get(tag.substring(0, dash));
      if (language != null) {
        return language;
      }
    }
    for (String fallback : FALLBACK) {
      String text = values.get(fallback);
      if (text != null) {
        return text;
      }
    }
    return values.values().iterator().next();
  }

  /** The language tags present, in insertion order. */
  public Set<String> languages() {
    return values.keySet();
  }

  /** An unmodifiable view: tag to NFC text. */
  public Map<String, String> asMap() {
    return values;
  }

  /** True when Arabic or French is present, as the Marketplace API requires for products. */
  public boolean hasArabicOrFrench() {
    return values.containsKey("ar") || values.containsKey("fr");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LocalizedText t && values.equals(t.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.toString();
  }

  static String canonicalTag(String languageTag) {
    Objects.requireNonNull(languageTag, "languageTag == null");
    if (isPlainLanguage(languageTag)) {
      return languageTag; // ar, fr, en, es, zgh, ary: already canonical, the common case
    }
    try {
      Locale locale = new Locale.Builder().setLanguageTag(languageTag.replace('_', '-')).build();
      String tag = locale.toLanguageTag();
      if (tag.equals("und")) {
        throw new ValidationException(
            "localizedText", "missing language in tag '" + languageTag + "'");
      }
      return tag;
    } catch (IllformedLocaleException e) {
      throw new ValidationException(
          "localizedText", "'" + languageTag + "' is not a well-formed BCP-47 language tag");
    }
  }

  /** Two or three lower-case ASCII letters: a bare language subtag, canonical as it is. */
  private static boolean isPlainLanguage(String tag) {
    int n = tag.length();
    if (n < 2 || n > 3) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = tag.charAt(i);
      if (c < 'a' || c > 'z') {
        return false;
      }
    }
    return !tag.equals("und");
  }

  /** Builds a {@link LocalizedText}. */
  public static final class Builder {
    private Map<String, String> values = new LinkedHashMap<>();
    private boolean built;

    private Builder() {}

    /** Adds (or replaces) the text for a language; the text is normalised to NFC. */
    public Builder put(String languageTag, String text) {
      String tag = canonicalTag(languageTag);
      if (text == null || text.isBlank()) {
        throw new ValidationException("localizedText." + tag, "must not be blank");
      }
      if (built) { // the last build() took the map: copy before changing it
        values = new LinkedHashMap<>(values);
        built = false;
      }
      values.put(tag, nfc(text));
      return this;
    }

    public LocalizedText build() {
      if (values.isEmpty()) {
        throw new ValidationException("localizedText", "must have at least one language");
      }
      // The map is handed over, not copied; a later put() copies it first.
      built = true;
      return new LocalizedText(values);
    }
  }

  /**
   * NFC without the normaliser's work for text below U+0300 (ASCII, Latin-1, Latin Extended: no
   * combining marks there, so already NFC), which most French, English and Spanish text is.
   */
  static String nfc(String text) {
    for (int i = 0, n = text.length(); i < n; i++) {
      if (text.charAt(i) >= 0x300) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
      }
    }
    return text;
  }
}
