package ma.hirfa.sdk.catalog;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.internal.json.ModelStrings;

/**
 * A MAD price shown in a buyer's currency, with the quote it was converted with.
 *
 * <pre>{@code
 * DisplayPrice p = quote.display(product.price());
 * p.format(Locale.forLanguageTag("es-ES"));   // "116,37 €"
 * p.disclosure();                             // "1 MAD = 0.092421 EUR, quoted 2026-11-29 09:00 UTC"
 * }</pre>
 */
public record DisplayPrice(Money price, Money display, FxQuote quote) {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** The display amount, formatted with CLDR for {@code locale}. */
  public String format(Locale locale) {
    return display.format(locale);
  }

  /** The rate and its time, to show next to a converted price. */
  public String disclosure() {
    return "1 "
        + quote.from()
        + " = "
        + quote.rate()
        + " "
        + quote.to()
        + ", quoted "
        + WHEN.format(quote.quotedAt())
        + (quote.sample() ? " (sample rate)" : "");
  }

  @Override
  public String toString() {
    return ModelStrings.of(this);
  }
}
