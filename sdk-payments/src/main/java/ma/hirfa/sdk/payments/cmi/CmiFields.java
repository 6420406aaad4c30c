package ma.hirfa.sdk.payments.cmi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import ma.hirfa.sdk.core.internal.log.Redactor;
import org.jspecify.annotations.Nullable;

/**
 * The field rules of a callback, applied before and after its hash: entity decoding, trimming, the
 * names a callback may and must carry, and the values the fixed fields must hold. Why names at all:
 * the ver3 hash covers the values in name order, never the names, so anyone holding one genuine
 * callback can rename its fields freely as long as the order of the values stays the same. These
 * rules leave such a renaming no room to put another value under {@code oid}, {@code amount} or
 * {@code ProcReturnCode} (see {@link CmiCallback}).
 */
final class CmiFields {
  private CmiFields() {}

  /**
   * The fields {@link CmiPaymentForm} posts, which the gateway echoes in every callback: all must
   * be present. Required because their number and names pin where each value sits in the hashed
   * order: a renaming has to keep every one of them, under its own checked value.
   */
  static final List<String> FORM =
      List.of(
          "clientid",
          "storetype",
          "TranType",
          "amount",
          "currency",
          "oid",
          "okUrl",
          "failUrl",
          "shopurl",
          "callbackUrl",
          "lang",
          "rnd",
          "hashAlgorithm",
          "email",
          "BillToName");

  /** What the gateway adds and the answer depends on; required as well. */
  static final List<String> RESULT = List.of("ProcReturnCode", "HASH");

  /**
   * Names a callback may carry besides: {@code encoding} (not hashed), the optional display fields
   * of the form, and the result fields the CMI (Nestpay) gateway documents for 3D_PAY_HOSTING
   * callbacks. None of them sorts between {@code oid} and {@code okUrl}, so nothing can be renamed
   * into the place right after {@code oid}.
   */
  static final List<String> OPTIONAL =
      List.of(
          "encoding",
          "amountCur",
          "symbolCur",
          "Response",
          "AuthCode",
          "HostRefNum",
          "TransId",
          "TRANID",
          "ReturnOid",
          "ErrMsg",
          "ErrCode",
          "clientIp",
          "maskedCreditCard",
          "MaskedPan",
          "EXTRA.TRXDATE",
          "EXTRA.CARDBRAND",
          "EXTRA.CARDISSUER",
          "EXTRA.HOSTMSG",
          "acqStan",
          "mdStatus",
          "mdErrorMsg",
          "md",
          "cavv",
          "eci",
          "xid",
          "txstatus",
          "PAResSyntaxOK",
          "PAResVerified",
          "version",
          "merchantID",
          "digest",
          "HASHPARAMS",
          "HASHPARAMSVAL",
          "iReqCode",
          "iReqDetail",
          "vendorCode",
          "sID",
          "Ecom_Payment_Card_ExpDate_Month",
          "Ecom_Payment_Card_ExpDate_Year",
          "callbackCall",
          "payResults.dsId",
          "protocol",
          "SettleId");

  private static final Pattern DIGITS = Pattern.compile("\\d{1,20}");
  private static final Pattern DECIMAL = Pattern.compile("\\d{1,15}(\\.\\d{1,2})?");
  private static final Pattern RETURN_CODE = Pattern.compile("\\d{2}");

  /** A callback refused before anything else: the reason, never a posted value. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    private final String reason;

    Refused(String reason) {
      super(reason, null, false, false);
      this.reason = reason;
    }

    String reason() {
      return reason;
    }
  }

  /**
   * Decodes HTML entities and trims every value, and checks the names: each known (in any case),
   * none twice ignoring case, every required one present. Returns the fields under their canonical
   * names, in the posted order.
   */
  static Map<String, String> normalise(Map<String, String> posted, Set<String> extraNames)
      throws Refused {
    Map<String, String> canonical = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String n : FORM) {
      canonical.put(n, n);
    }
    for (String n : RESULT) {
      canonical.put(n, n);
    }
    for (String n : OPTIONAL) {
      canonical.put(n, n);
    }
    for (String n : extraNames) {
      canonical.putIfAbsent(n, n);
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : posted.entrySet()) {
      String name = e.getKey();
      String value = e.getValue();
      if (name == null || value == null) {
        throw new Refused("a field without a name or a value");
      }
      String known = canonical.get(name);
      if (known == null) {
        throw new Refused("unexpected field " + shorten(name));
      }
      if (out.containsKey(known)) {
        throw new Refused("field " + known + " appears twice");
      }
      out.put(known, decodeEntities(value, known).trim());
    }
    for (String n : FORM) {
      if (!out.containsKey(n)) {
        throw new Refused("missing field " + n);
      }
    }
    for (String n : RESULT) {
      if (!out.containsKey(n)) {
        throw new Refused("missing field " + n);
      }
    }
    return out;
  }

  /**
   * The fixed and typed fields hold what a callback for a {@link CmiPaymentForm} holds. Checked
   * after the hash: a renamed callback that still hashes right has some of these under the wrong
   * name, and this is where it shows.
   */
  static void checkShapes(Map<String, String> f) throws Refused {
    expect(f, "storetype", "3D_PAY_HOSTING".equals(f.get("storetype")));
    expect(f, "TranType", "PreAuth".equals(f.get("TranType")));
    expect(f, "currency", "504".equals(f.get("currency")));
    expect(f, "hashAlgorithm", "ver3".equalsIgnoreCase(f.get("hashAlgorithm")));
    expect(f, "lang", Set.of("ar", "fr", "en").contains(f.get("lang")));
    expect(f, "clientid", DIGITS.matcher(value(f, "clientid")).matches());
    expect(f, "amount", DECIMAL.matcher(value(f, "amount")).matches());
    expect(f, "ProcReturnCode", RETURN_CODE.matcher(value(f, "ProcReturnCode")).matches());
    expect(f, "email", value(f, "email").contains("@"));
    String oid = value(f, "oid");
    expect(f, "oid", !oid.isEmpty() && oid.length() <= 128 && oid.chars().noneMatch(c -> c < 32));
    for (String url : List.of("okUrl", "failUrl", "shopurl", "callbackUrl")) {
      expect(f, url, value(f, url).toLowerCase(Locale.ROOT).startsWith("https://"));
    }
  }

  private static String value(Map<String, String> f, String name) {
    String v = f.get(name);
    return v == null ? "" : v;
  }

  private static void expect(Map<String, String> f, String name, boolean ok) throws Refused {
    if (!ok) {
      throw new Refused("field " + name + " does not hold what a callback of this store holds");
    }
  }

  /**
   * Decodes {@code &amp; &lt; &gt; &quot; &apos;} and numeric entities. A numeric entity that is
   * not a Unicode scalar value (above U+10FFFF, a surrogate, too many digits) is refused: decoded
   * leniently it would become '?' in UTF-8, and two different callbacks would hash alike.
   */
  static String decodeEntities(String s, String field) throws Refused {
    int amp = s.indexOf('&');
    if (amp < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    int i = 0;
    while (amp >= 0) {
      sb.append(s, i, amp);
      int semi = s.indexOf(';', amp);
      String decoded = semi < 0 || semi - amp > 12 ? null : entity(s.substring(amp + 1, semi));
      if (decoded == null) {
        if (semi > amp + 1 && s.charAt(amp + 1) == '#') {
          throw new Refused("malformed character reference in field " + field);
        }
        sb.append('&');
        i = amp + 1;
      } else {
        sb.append(decoded);
        i = semi + 1;
      }
      amp = s.indexOf('&', i);
    }
    return sb.append(s, i, s.length()).toString();
  }

  /** The text of one entity name, or null if it is not one. */
  private static @Nullable String entity(String name) {
    switch (name) {
      case "amp":
        return "&";
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "quot":
        return "\"";
      case "apos":
        return "'";
      default:
        break;
    }
    if (name.length() < 2 || name.charAt(0) != '#') {
      return null;
    }
    boolean hex = name.charAt(1) == 'x' || name.charAt(1) == 'X';
    String digits = name.substring(hex ? 2 : 1);
    if (digits.isEmpty() || digits.length() > 8) {
      return null;
    }
    int codePoint;
    try {
      codePoint = Integer.parseInt(digits, hex ? 16 : 10);
    } catch (NumberFormatException e) {
      return null;
    }
    if (codePoint > Character.MAX_CODE_POINT
        || (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE)) {
      return null;
    }
    return new String(Character.toChars(codePoint));
  }

  /** A posted name for a reason: short, printable, with any long digit run masked. */
  private static String shorten(String s) {
    String t = s.length() <= 40 ? s : s.substring(0, 40) + "…";
    StringBuilder sb = new StringBuilder();
    t.codePoints().forEach(c -> sb.appendCodePoint(c < 32 ? '?' : c));
    return Redactor.redact(sb.toString());
  }
}
