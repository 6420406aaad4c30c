package ma.hirfa.sdk.payments.cmi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ma.hirfa.sdk.core.Money;

/**
 * Genuine gateway callbacks for tests: the fields {@link CmiPaymentForm} posted for an order, the
 * gateway's result fields, and a HASH computed here with docs/domain.md's rule written out again
 * (names without digits, so a plain case-insensitive sort is PHP's natural order).
 */
final class Callbacks {
  static final String STORE_KEY = "TEST|KEY\\1";

  private Callbacks() {}

  /** The form's fields for an order, as the merchant posted them (no HASH). */
  static Map<String, String> form(String oid, String amount, String billToName, String email) {
    Map<String, String> f =
        new LinkedHashMap<>(
            CmiPaymentForm.builder()
                .clientId("600000000")
                .amount(Money.parse(amount, "MAD"))
                .orderId(oid)
                .okUrl("https://shop.example/ok")
                .failUrl("https://shop.example/fail")
                .shopUrl("https://shop.example")
                .callbackUrl("https://shop.example/cb")
                .email(email)
                .billToName(billToName)
                .random("1700000000000")
                .build(STORE_KEY));
    f.remove("HASH");
    return f;
  }

  /** A genuine callback: the form, {@code ProcReturnCode}, the result fields, and the HASH. */
  static Map<String, String> genuine(
      Map<String, String> form, String procReturnCode, Map<String, String> results) {
    Map<String, String> f = new LinkedHashMap<>(form);
    f.put("ProcReturnCode", procReturnCode);
    f.putAll(results);
    f.put("HASH", hash(f));
    return f;
  }

  static Map<String, String> paid(String oid, String amount) {
    return genuine(
        form(oid, amount, "Fatima Zahra", "buyer@example.com"),
        "00",
        Map.of("Response", "Approved", "AuthCode", "123456"));
  }

  /** docs/domain.md's ver3 over (already decoded) values, written independently of CmiHash. */
  static String hash(Map<String, String> fields) {
    List<String> names = new ArrayList<>(fields.keySet());
    names.sort((x, y) -> x.toLowerCase(Locale.ROOT).compareTo(y.toLowerCase(Locale.ROOT)));
    StringBuilder plain = new StringBuilder();
    for (String name : names) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals("hash") || lower.equals("encoding")) {
        continue;
      }
      plain.append(escape(fields.get(name).trim())).append('|');
    }
    plain.append(escape(STORE_KEY));
    try {
      return Base64.getEncoder()
          .encodeToString(
              MessageDigest.getInstance("SHA-512")
                  .digest(plain.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("|", "\\|");
  }
}
