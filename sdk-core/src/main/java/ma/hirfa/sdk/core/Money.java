package ma.hirfa.sdk.core;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import ma.hirfa.sdk.core.internal.log.Redactor;
import org.jspecify.annotations.Nullable;

/**
 * An amount of money: a whole number of minor units (centimes for MAD) and an ISO 4217 currency.
 * There is no floating point anywhere: amounts are built from a {@code long} of minor units or from
 * a decimal string or {@link BigDecimal} whose scale fits the currency.
 *
 * <pre>{@code
 * Money price = Money.ofMinor(15_000, "MAD");        // 150.00 MAD
 * Money same  = Money.parse("150.00", "MAD");
 * Money fee   = Money.parse("7.50", "MAD");
 * Money net   = price.minus(fee);                    // 142.50 MAD
 * Money.parse("1.005", "MAD");                       // ValidationException: MAD has 2 decimals
 * }</pre>
 *
 * <p>On the wire: {@code {"amount_minor": 15000, "currency": "MAD"}}. Instances are immutable and
 * compare by amount and currency code; {@link #compareTo} refuses to compare two currencies.
 *
 * <h2>A currency this Java runtime does not know</h2>
 *
 * The API may send any three capital letters as a currency (ISO 4217 adds codes; an older JDK lacks
 * them). Such an amount is decoded, never refused, by {@link #fromWire}: its {@link #amountMinor()}
 * and {@link #currencyCode()} are as sent, {@link #currency()} is empty, and what needs the
 * currency's decimals ({@link #toBigDecimal()}, {@link #format}) throws a {@link
 * ValidationException}. The factories for your own amounts ({@link #ofMinor(long, String)}, {@link
 * #parse}...) accept only currencies the runtime knows, so a typo is caught before it is sent.
 */
public final class Money implements Comparable<Money> {
  private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,18}(\\.\\d{1,18})?");

  private final long amountMinor;
  private final String currencyCode;

  /** Null when this runtime does not know the code, or it has no minor units (like XAU). */
  private final @Nullable Currency currency;

  private Money(long amountMinor, String currencyCode, @Nullable Currency currency) {
    this.amountMinor = amountMinor;
    this.currencyCode = currencyCode;
    this.currency = currency;
  }

  private Money(long amountMinor, Currency currency) {
    this(amountMinor, currency.getCurrencyCode(), currency);
  }

  /**
   * {@code amountMinor} minor units of the currency with ISO code {@code currencyCode}.
   *
   * @throws ValidationException if the code is not three capital letters, or not a currency with
   *     minor units that this Java runtime knows
   */
  public static Money ofMinor(long amountMinor, String currencyCode) {
    return new Money(amountMinor, currency(currencyCode));
  }

  /** {@code amountMinor} minor units of {@code currency}. */
  public static Money ofMinor(long amountMinor, Currency currency) {
    Objects.requireNonNull(currency, "currency == null");
    return new Money(amountMinor, checkFractionDigits(currency));
  }

  /**
   * An amount as the API sent it: {@code currencyCode} may be any three capital letters, including
   * a code this Java runtime does not know (then {@link #currency()} is empty). How the SDK decodes
   * money, so that one amount in a new currency never makes a page, an export line or an event
   * unreadable.
   *
   * @throws ValidationException if the code is not three capital letters (the contract's rule)
   */
  public static Money fromWire(long amountMinor, String currencyCode) {
    Currency known = knownCurrency(currencyCode);
    if (known != null) {
      return new Money(amountMinor, known);
    }
    if (!isCode(currencyCode)) {
      throw malformed(currencyCode);
    }
    return new Money(amountMinor, currencyCode, null);
  }

  /**
   * Parses a plain decimal like {@code "1234.50"}: digits, an optional minus sign, a dot and at
   * most as many decimals as the currency has (2 for MAD, EUR and USD). No exponent, no grouping.
   */
  public static Money parse(String amount, String currencyCode) {
    Objects.requireNonNull(amount, "amount == null");
    if (!DECIMAL.matcher(amount).matches()) {
      throw new ValidationException(
          "amount", "must be a plain decimal like 1234.50 but was " + Redactor.quote(amount));
    }
    return ofMajor(new BigDecimal(amount), currencyCode);
  }

  /** Converts a major-unit amount; fails when it has more decimals than the currency allows. */
  public static Money ofMajor(BigDecimal amount, String currencyCode) {
    Objects.requireNonNull(amount, "amount == null");
    Currency currency = currency(currencyCode);
    int digits = currency.getDefaultFractionDigits();
    BigDecimal stripped = amount.stripTrailingZeros();
    if (stripped.scale() > digits) {
      throw new ValidationException(
          "amount",
          currency.getCurrencyCode()
              + " has "
              + digits
              + " decimals but the amount had "
              + stripped.scale());
    }
    try {
      return new Money(amount.movePointRight(digits).longValueExact(), currency);
    } catch (ArithmeticException e) {
      throw new ValidationException("amount", "is too large");
    }
  }

  /** Zero in the given currency. */
  public static Money zero(String currencyCode) {
    return ofMinor(0, currencyCode);
  }

  public long amountMinor() {
    return amountMinor;
  }

  /**
   * The currency, or empty when this Java runtime does not know {@link #currencyCode()} (see {@link
   * #fromWire}).
   */
  public Optional<Currency> currency() {
    return Optional.ofNullable(currency);
  }

  /** The ISO 4217 code, like {@code MAD}, as sent: always present. */
  public String currencyCode() {
    return currencyCode;
  }

  /**
   * Formats the amount with the JDK's CLDR data for {@code locale}: {@code fr-MA} gives {@code
   * 1.234,50 MAD}, {@code en-US} {@code MAD1,234.50}, {@code ar-MA} the Arabic currency sign {@code
   * د.م.} (its position and bidi marks follow the JDK's CLDR version).
   *
   * @throws ValidationException if this runtime does not know the currency
   */
  public String format(Locale locale) {
    Objects.requireNonNull(locale, "locale == null");
    Currency known = knownCurrency();
    NumberFormat f = NumberFormat.getCurrencyInstance(locale);
    f.setCurrency(known);
    f.setMinimumFractionDigits(known.getDefaultFractionDigits());
    f.setMaximumFractionDigits(known.getDefaultFractionDigits());
    return f.format(toBigDecimal());
  }

  /**
   * The amount in major units with the currency's scale, like {@code 150.00}.
   *
   * @throws ValidationException if this runtime does not know the currency: its decimals, and so
   *     the major units, are unknown
   */
  public BigDecimal toBigDecimal() {
    return BigDecimal.valueOf(amountMinor, knownCurrency().getDefaultFractionDigits());
  }

  /** A copy with another amount in the same currency, known or not. */
  public Money withAmountMinor(long amountMinor) {
    return new Money(amountMinor, currencyCode, currency);
  }

  public boolean isPositive() {
    return amountMinor > 0;
  }

  public boolean isZero() {
    return amountMinor == 0;
  }

  public boolean isNegative() {
    return amountMinor < 0;
  }

  public Money plus(Money other) {
    sameCurrency(other);
    try {
      return withAmountMinor(Math.addExact(amountMinor, other.amountMinor));
    } catch (ArithmeticException e) {
      throw new ValidationException("amount", "sum overflows");
    }
  }

  public Money minus(Money other) {
    sameCurrency(other);
    try {
      return withAmountMinor(Math.subtractExact(amountMinor, other.amountMinor));
    } catch (ArithmeticException e) {
      throw new ValidationException("amount", "difference overflows");
    }
  }

  public Money negate() {
    if (amountMinor == Long.MIN_VALUE) {
      throw new ValidationException("amount", "negation overflows");
    }
    return withAmountMinor(-amountMinor);
  }

  /** Orders amounts of the same currency; amounts of different currencies are not comparable. */
  @Override
  public int compareTo(Money other) {
    sameCurrency(other);
    return Long.compare(amountMinor, other.amountMinor);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Money m
        && amountMinor == m.amountMinor
        && currencyCode.equals(m.currencyCode);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(amountMinor) * 31 + currencyCode.hashCode();
  }

  /**
   * Like {@code 150.00 MAD}; {@code 15000 minor units of XYZ} for a currency this runtime does not
   * know.
   */
  @Override
  public String toString() {
    if (currency == null) {
      return amountMinor + " minor units of " + currencyCode;
    }
    return toBigDecimal().toPlainString() + " " + currencyCode;
  }

  private void sameCurrency(Money other) {
    Objects.requireNonNull(other, "other == null");
    if (!currencyCode.equals(other.currencyCode)) {
      throw new ValidationException(
          "currency", "cannot combine " + currencyCode + " and " + other.currencyCode);
    }
  }

  private Currency knownCurrency() {
    if (currency == null) {
      throw new ValidationException(
          "currency",
          currencyCode
              + " is a currency this Java runtime does not know: its decimals are unknown (the"
              + " amount is "
              + amountMinor
              + " minor units)");
    }
    return currency;
  }

  private static final Currency MAD = Currency.getInstance("MAD");
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Currency USD = Currency.getInstance("USD");

  private static Currency currency(String code) {
    Currency known = knownCurrency(code);
    if (known != null) {
      return known;
    }
    if (!isCode(code)) {
      throw malformed(code);
    }
    throw new ValidationException(
        "currency", "'" + code + "' is not an ISO 4217 currency with minor units");
  }

  /**
   * The currency with this code if this runtime knows it and it has minor units, else null. The
   * platform's three currencies are matched without a lookup: every decoded amount comes here.
   */
  private static @Nullable Currency knownCurrency(@Nullable String code) {
    if ("MAD".equals(code)) {
      return MAD;
    }
    if ("EUR".equals(code)) {
      return EUR;
    }
    if ("USD".equals(code)) {
      return USD;
    }
    if (!isCode(code)) {
      return null;
    }
    try {
      Currency c = Currency.getInstance(code);
      return c.getDefaultFractionDigits() < 0 ? null : c;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static ValidationException malformed(@Nullable String code) {
    return new ValidationException(
        "currency", "must be an upper-case ISO 4217 code like MAD but was " + Redactor.quote(code));
  }

  /** Three upper-case ASCII letters: the shape of an ISO 4217 code, and the contract's rule. */
  private static boolean isCode(@Nullable String code) {
    if (code == null || code.length() != 3) {
      return false;
    }
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c < 'A' || c > 'Z') {
        return false;
      }
    }
    return true;
  }

  private static Currency checkFractionDigits(Currency currency) {
    if (currency.getDefaultFractionDigits() < 0) {
      throw new ValidationException(
          "currency", currency.getCurrencyCode() + " is not a currency with minor units");
    }
    return currency;
  }
}
