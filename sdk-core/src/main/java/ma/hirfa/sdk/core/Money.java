package ma.hirfa.sdk.core;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import java.util.regex.Pattern;
import ma.hirfa.sdk.core.internal.Redactor;

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
 * compare by amount and currency; {@link #compareTo} refuses to compare two currencies.
 */
public final class Money implements Comparable<Money> {
  private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,18}(\\.\\d{1,18})?");

  private final long amountMinor;
  private final Currency currency;

  private Money(long amountMinor, Currency currency) {
    this.amountMinor = amountMinor;
    this.currency = currency;
  }

  /** {@code amountMinor} minor units of the currency with ISO code {@code currencyCode}. */
  public static Money ofMinor(long amountMinor, String currencyCode) {
    return new Money(amountMinor, currency(currencyCode));
  }

  /** {@code amountMinor} minor units of {@code currency}. */
  public static Money ofMinor(long amountMinor, Currency currency) {
    Objects.requireNonNull(currency, "currency == null");
    return new Money(amountMinor, checkFractionDigits(currency));
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

  public Currency currency() {
    return currency;
  }

  /** The ISO 4217 code, like {@code MAD}. */
  public String currencyCode() {
    return currency.getCurrencyCode();
  }

  /**
   * Formats the amount with the JDK's CLDR data for {@code locale}: {@code fr-MA} gives {@code
   * 1.234,50 MAD}, {@code en-US} {@code MAD1,234.50}, {@code ar-MA} the Arabic currency sign {@code
   * د.م.} (its position and bidi marks follow the JDK's CLDR version).
   */
  public String format(java.util.Locale locale) {
    java.util.Objects.requireNonNull(locale, "locale == null");
    java.text.NumberFormat f = java.text.NumberFormat.getCurrencyInstance(locale);
    f.setCurrency(currency);
    f.setMinimumFractionDigits(Math.max(currency.getDefaultFractionDigits(), 0));
    f.setMaximumFractionDigits(Math.max(currency.getDefaultFractionDigits(), 0));
    return f.format(toBigDecimal());
  }

  /** The amount in major units with the currency's scale, like {@code 150.00}. */
  public BigDecimal toBigDecimal() {
    return BigDecimal.valueOf(amountMinor, currency.getDefaultFractionDigits());
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
      return new Money(Math.addExact(amountMinor, other.amountMinor), currency);
    } catch (ArithmeticException e) {
      throw new ValidationException("amount", "sum overflows");
    }
  }

  public Money minus(Money other) {
    sameCurrency(other);
    try {
      return new Money(Math.subtractExact(amountMinor, other.amountMinor), currency);
    } catch (ArithmeticException e) {
      throw new ValidationException("amount", "difference overflows");
    }
  }

  public Money negate() {
    if (amountMinor == Long.MIN_VALUE) {
      throw new ValidationException("amount", "negation overflows");
    }
    return new Money(-amountMinor, currency);
  }

  /** Orders amounts of the same currency; amounts of different currencies are not comparable. */
  @Override
  public int compareTo(Money other) {
    sameCurrency(other);
    return Long.compare(amountMinor, other.amountMinor);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Money m && amountMinor == m.amountMinor && currency.equals(m.currency);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(amountMinor) * 31 + currency.hashCode();
  }

  /** Like {@code 150.00 MAD}. */
  @Override
  public String toString() {
    return toBigDecimal().toPlainString() + " " + currency.getCurrencyCode();
  }

  private void sameCurrency(Money other) {
    Objects.requireNonNull(other, "other == null");
    if (!currency.equals(other.currency)) {
      throw new ValidationException(
          "currency",
          "cannot combine " + currency.getCurrencyCode() + " and " + other.currencyCode());
    }
  }

  private static final Currency MAD = Currency.getInstance("MAD");
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Currency USD = Currency.getInstance("USD");

  private static Currency currency(String code) {
    // The platform's three currencies without a lookup: every decoded amount comes through here.
    if ("MAD".equals(code)) {
      return MAD;
    }
    if ("EUR".equals(code)) {
      return EUR;
    }
    if ("USD".equals(code)) {
      return USD;
    }
    if (code == null || code.length() != 3 || !isUpperAscii(code)) {
      throw new ValidationException(
          "currency",
          "must be an upper-case ISO 4217 code like MAD but was " + Redactor.quote(code));
    }
    try {
      return checkFractionDigits(Currency.getInstance(code));
    } catch (IllegalArgumentException e) {
      throw new ValidationException("currency", "unknown ISO 4217 code '" + code + "'");
    }
  }

  private static boolean isUpperAscii(String code) {
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
