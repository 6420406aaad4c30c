package ma.hirfa.sdk.core.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets and personal data from text that may reach a log line, an exception message or a
 * {@code toString()}: bearer tokens, API keys, webhook secrets and keys, card numbers (only the
 * last four digits are kept), CVV, RIB, IBAN, ICE and phone numbers.
 *
 * <p>It errs on the side of masking: any run of nine or more digits (spaces, dots and dashes
 * between them allowed) is masked, because RIBs, IBANs, card and phone numbers all are such runs
 * and a log line is never worth leaking one. Identifiers the SDK mints itself (idempotency keys,
 * request ids) are appended to messages after redaction, so they stay readable.
 */
public final class Redactor {
  private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[^\\s,;\"']+");
  private static final Pattern KEYS =
      Pattern.compile("\\b((?:sk|pk|rk)_(?:test|live)_|whsec_|whpk_|whsk_)[A-Za-z0-9+/=_-]+");
  private static final Pattern NAMED =
      Pattern.compile(
          "(?i)(\"?(?:cvv2?|cvc2?|cvn|security_code|card_security_code|secret|password|api_key"
              + "|apikey|store_key|storekey)\"?\\s*[:=]\\s*\"?)[^\",&\\s}]*");
  private static final Pattern DIGIT_RUN =
      Pattern.compile("(?<![0-9])\\+?\\d(?:[ .-]?\\d){8,}(?![0-9])");

  private Redactor() {}

  /** Masks a secret for a {@code toString()}: keeps the prefix that says what it is. */
  public static String maskSecret(String secret) {
    Matcher m = KEYS.matcher(secret);
    if (m.lookingAt()) {
      return m.group(1) + "****";
    }
    return "****";
  }

  /** Returns {@code text} with every secret and personal number masked. */
  public static String redact(String text) {
    if (text.isEmpty()) {
      return text;
    }
    String out = BEARER.matcher(text).replaceAll("$1[REDACTED]");
    out = KEYS.matcher(out).replaceAll("$1[REDACTED]");
    out = NAMED.matcher(out).replaceAll("$1[REDACTED]");
    Matcher digits = DIGIT_RUN.matcher(out);
    if (!digits.find()) {
      return out;
    }
    StringBuilder sb = new StringBuilder(out.length());
    do {
      digits.appendReplacement(sb, Matcher.quoteReplacement(maskDigits(digits.group())));
    } while (digits.find());
    digits.appendTail(sb);
    return sb.toString();
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
