package ma.hirfa.sdk.payments.cmi;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ma.hirfa.sdk.core.Money;
import org.jspecify.annotations.Nullable;

/**
 * Handles the gateway's server-to-server callback: recomputes the ver3 hash over the posted fields
 * (HTML entities decoded, {@code HASH} and {@code encoding} excluded), compares it in constant
 * time, re-checks the amount against the order, and produces the answer the gateway expects:
 *
 * <ul>
 *   <li>{@code ACTION=POSTAUTH}: paid, capture now (or {@code APPROVED} without auto-capture);
 *   <li>{@code APPROVED}: acknowledged but not paid ({@code ProcReturnCode} other than {@code 00}),
 *       or a repeated success for an order already paid;
 *   <li>{@code FAILURE}: a technical error (bad hash, amount mismatch, missing fields).
 * </ul>
 *
 * <p>The same {@code oid} may receive failures before a success, and the gateway may repeat a
 * callback: {@link #handle} calls {@code onPaid} at most once per order id. Keep one instance for
 * the application (its memory of paid orders is in-process; persist {@code onPaid} idempotently).
 */
public final class CmiCallback {
  /** What a callback meant and what to answer. */
  public record Result(
      String orderId, boolean paid, boolean firstPayment, String answer, String reason) {}

  private static final Pattern ENTITY =
      Pattern.compile("&(#x[0-9a-fA-F]+|#\\d+|amp|lt|gt|quot|apos);");

  private final String storeKey;
  private final boolean autoCapture;
  private final Set<String> paidOrders = ConcurrentHashMap.newKeySet();

  public CmiCallback(String storeKey, boolean autoCapture) {
    this.storeKey = Objects.requireNonNull(storeKey, "storeKey == null");
    this.autoCapture = autoCapture;
  }

  /**
   * Verifies a callback for an order of {@code expectedAmount}; on the first success for its {@code
   * oid}, calls {@code onPaid} with the order id.
   */
  public Result handle(Map<String, String> posted, Money expectedAmount, Consumer<String> onPaid) {
    Objects.requireNonNull(posted, "posted == null");
    Map<String, String> fields = new LinkedHashMap<>();
    posted.forEach((k, v) -> fields.put(k, decodeEntities(v == null ? "" : v)));
    String oid = value(fields, "oid");
    String hash = value(fields, "HASH");
    if (oid == null || hash == null) {
      return new Result(oid == null ? "" : oid, false, false, "FAILURE", "missing oid or HASH");
    }
    byte[] expected = CmiHash.ver3(fields, storeKey).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, hash.getBytes(StandardCharsets.US_ASCII))) {
      return new Result(oid, false, false, "FAILURE", "hash mismatch");
    }
    String amount = value(fields, "amount");
    if (amount == null || !sameAmount(amount, expectedAmount)) {
      return new Result(oid, false, false, "FAILURE", "amount does not match the order");
    }
    if (!"00".equals(value(fields, "ProcReturnCode"))) {
      return new Result(
          oid,
          false,
          false,
          "APPROVED",
          "not paid: ProcReturnCode " + value(fields, "ProcReturnCode"));
    }
    boolean first = paidOrders.add(oid);
    if (first) {
      onPaid.accept(oid);
    }
    String answer = autoCapture && first ? "ACTION=POSTAUTH" : "APPROVED";
    return new Result(oid, true, first, answer, first ? "paid" : "already paid");
  }

  private static boolean sameAmount(String posted, Money expected) {
    try {
      return new BigDecimal(posted.trim()).compareTo(expected.toBigDecimal()) == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static @Nullable String value(Map<String, String> fields, String name) {
    for (Map.Entry<String, String> e : fields.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  static String decodeEntities(String s) {
    if (s.indexOf('&') < 0) {
      return s;
    }
    Matcher m = ENTITY.matcher(s);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String e = m.group(1);
      String r =
          switch (e) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            default ->
                new String(
                    Character.toChars(
                        e.startsWith("#x")
                            ? Integer.parseInt(e.substring(2), 16)
                            : Integer.parseInt(e.substring(1))));
          };
      m.appendReplacement(sb, Matcher.quoteReplacement(r));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
