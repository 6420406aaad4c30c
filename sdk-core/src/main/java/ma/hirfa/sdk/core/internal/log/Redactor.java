package ma.hirfa.sdk.core.internal.log;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets and personal data from text that may reach a log line, an exception message or a
 * {@code toString()}: bearer tokens, API keys, webhook secrets and keys, card numbers (only the
 * last four digits are kept), CVV, RIB, IBAN, ICE and phone numbers.
 *
 * <h2>Values, not words</h2>
 *
 * It is applied to <em>values</em> that come from outside the SDK (a server's problem document, an
 * echoed request, an I/O error, a caller's input quoted back), at the point where they are inserted
 * into a message. The SDK's own words are never passed through it: a rule that masks {@code secret:
 * xyz} in a server's body would otherwise turn the SDK's {@code EMPTY_SECRET: no secret was given}
 * into nonsense. Named fields are therefore masked only in structured forms ({@code "cvc":"123"},
 * {@code \"cvc\":\"123\"} inside a JSON string, {@code cvc=123}), never in prose.
 *
 * <p>Within values it errs on the side of masking: any run of nine or more digits (spaces, dots and
 * dashes between them allowed) is masked, because RIBs, IBANs, card and phone numbers all are such
 * runs. {@link #scrubSecrets} is the narrow net applied to every exception message as a last line
 * of defence: keys, bearer tokens and Luhn-valid card numbers only.
 */
public final class Redactor {
  private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[^\\s,;\"'\\\\]+");

  /** Key prefixes anywhere, even glued to a preceding word ({@code xsk_live_...}). */
  private static final Pattern KEYS =
      Pattern.compile("((?:sk|pk|rk)_(?:test|live)_|whsec_|whpk_|whsk_)[A-Za-z0-9+/=_-]+");

  private static final String NAMES =
      "[A-Za-z0-9_-]*?(?:cvv2?|cvc2?|cvn|security_code|secret|password|passwd|api_?key"
          + "|store_?key|access_token|refresh_token|token|pin)";

  /** {@code "name": "value"} or {@code "name": 123}, the quotes possibly JSON-escaped. */
  private static final Pattern NAMED_JSON =
      Pattern.compile("(?i)(\\\\?\"" + NAMES + "\\\\?\"\\s*:\\s*(?:\\\\?\")?)[^\"\\\\,}\\s]*");

  /** {@code name=value} as in a query string or a form. */
  private static final Pattern NAMED_FORM =
      Pattern.compile("(?i)((?<![A-Za-z0-9])" + NAMES + "=)[^&\\s\"',;}]*");

  /**
   * Nine or more digits with up to two separators between them (space, dot, dash, parentheses):
   * RIBs, IBANs, card and phone numbers however they are written, {@code (06) 12 34 56 78}
   * included.
   */
  private static final Pattern DIGIT_RUN =
      Pattern.compile("(?<![0-9])[+(]?\\d(?:[ .()-]{0,2}\\d){8,}(?![0-9])");

  /** An amount: digits, then one decimal point and two or three digits. Never masked. */
  private static final Pattern AMOUNT = Pattern.compile("[+(]?\\d+\\.\\d{2,3}");

  private static final Pattern CARD_RUN =
      Pattern.compile("(?<![0-9])\\d(?:[ -]?\\d){12,18}(?![0-9])");

  /** The longest value kept from one short untrusted field (a title, a code, a field name). */
  static final int SHORT_LIMIT = 200;

  /** The longest request id kept from a server. */
  static final int ID_LIMIT = 128;

  private Redactor() {}

  /** Masks a secret for a {@code toString()}: keeps the prefix that says what it is. */
  public static String maskSecret(String secret) {
    Matcher m = KEYS.matcher(secret);
    if (m.lookingAt()) {
      return m.group(1) + "****";
    }
    return "****";
  }

  /** Returns the untrusted value {@code text} with every secret and personal number masked. */
  public static String redact(String text) {
    if (text.isEmpty()) {
      return text;
    }
    String out = BEARER.matcher(text).replaceAll("$1[REDACTED]");
    out = KEYS.matcher(out).replaceAll("$1[REDACTED]");
    out = NAMED_JSON.matcher(out).replaceAll("$1[REDACTED]");
    out = NAMED_FORM.matcher(out).replaceAll("$1[REDACTED]");
    Matcher digits = DIGIT_RUN.matcher(out);
    if (!digits.find()) {
      return out;
    }
    StringBuilder sb = new StringBuilder(out.length());
    do {
      String run = digits.group();
      digits.appendReplacement(
          sb, Matcher.quoteReplacement(AMOUNT.matcher(run).matches() ? run : maskDigits(run)));
    } while (digits.find());
    digits.appendTail(sb);
    return sb.toString();
  }

  /** {@link #redact} of a value cut to {@value #SHORT_LIMIT} characters first. */
  public static String redactShort(String text) {
    return redact(cut(text, SHORT_LIMIT));
  }

  /**
   * A request id or other identifier sent by a server, made safe to print: control characters
   * dropped, cut to {@value #ID_LIMIT} characters, redacted (a proxy may echo the request's key in
   * it).
   */
  public static String untrustedId(String id) {
    if (id.length() <= ID_LIMIT && isPlainId(id)) {
      return id; // what redact() would return unchanged, with one regex pass instead of eight
    }
    StringBuilder sb = new StringBuilder(Math.min(id.length(), ID_LIMIT));
    for (int i = 0; i < id.length() && sb.length() < ID_LIMIT; i++) {
      char c = id.charAt(i);
      if (c >= 0x20 && c != 0x7F) {
        sb.append(c);
      }
    }
    return redact(sb.toString());
  }

  /**
   * Whether {@link #redact} would return {@code id} unchanged, decided in one pass over its
   * characters and one key search (every call reads a request id): only letters, digits, {@code _},
   * {@code -} and {@code .}, so no bearer token, JSON or form pair can be in it; no key prefix; and
   * no run of nine digits even with separators between them. Conservative: when in doubt, false.
   */
  static boolean isPlainId(String id) {
    int digits = 0;
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c >= '0' && c <= '9') {
        if (++digits >= 9) {
          return false;
        }
      } else if (c == '-' || c == '.') {
        // a separator inside a digit run does not end it
      } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_') {
        digits = 0;
      } else {
        return false;
      }
    }
    return !KEYS.matcher(id).find(); // the same key patterns as redact(), not a copy of them
  }

  /** Quotes a caller's refused input in a validation message: redacted, cut, in quotes. */
  public static String quote(@org.jspecify.annotations.Nullable Object value) {
    return value == null ? "null" : "'" + redact(cut(String.valueOf(value), 64)) + "'";
  }

  /**
   * The last line of defence applied to every exception message: API keys, bearer tokens and card
   * numbers (runs of 13 to 19 digits that pass the Luhn check) only, so that the SDK's own words
   * and numbers stay as written.
   */
  public static String scrubSecrets(String text) {
    String out = BEARER.matcher(text).replaceAll("$1[REDACTED]");
    out = KEYS.matcher(out).replaceAll("$1[REDACTED]");
    Matcher cards = CARD_RUN.matcher(out);
    StringBuilder sb = null;
    while (cards.find()) {
      String digits = cards.group().replaceAll("[^0-9]", "");
      if (luhn(digits)) {
        if (sb == null) {
          sb = new StringBuilder(out.length());
        }
        cards.appendReplacement(sb, Matcher.quoteReplacement(maskDigits(cards.group())));
      }
    }
    if (sb == null) {
      return out;
    }
    cards.appendTail(sb);
    return sb.toString();
  }

  /** {@code text} cut to {@code limit} characters, saying how long it was. */
  public static String cut(String text, int limit) {
    return text.length() <= limit
        ? text
        : text.substring(0, limit) + "... (" + text.length() + " chars)";
  }

  private static boolean luhn(String digits) {
    int sum = 0;
    for (int i = digits.length() - 1, n = 0; i >= 0; i--, n++) {
      int d = digits.charAt(i) - '0';
      if ((n & 1) == 1) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
    }
    return sum % 10 == 0;
  }

  private static String maskDigits(String run) {
    String digits = run.replaceAll("[^0-9]", "");
    // 13 to 19 digits may be a card number: keep the last four, as PCI DSS allows at most.
    if (digits.length() >= 13 && digits.length() <= 19 && !run.startsWith("+")) {
      return "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 4);
    }
    return "[REDACTED]";
  }
}
