package ma.hirfa.sdk.payments.cmi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The CMI "ver3" hash of a hosted-page form or a callback:
 *
 * <ol>
 *   <li>take every field, sorted by name case-insensitively in natural order (PHP {@code
 *       natcasesort}: {@code field2} before {@code field10});
 *   <li>skip the names whose lower case is {@code hash} or {@code encoding};
 *   <li>for each, trim the value, escape {@code \} as {@code \\} then {@code |} as {@code \|}, and
 *       append it followed by {@code |};
 *   <li>append the escaped store key (no trailing {@code |});
 *   <li>the hash is the base64 of the SHA-512 of that text in UTF-8.
 * </ol>
 */
public final class CmiHash {
  private CmiHash() {}

  /** The base64 ver3 hash of {@code fields} with {@code storeKey}. */
  public static String ver3(Map<String, String> fields, String storeKey) {
    return Base64.getEncoder().encodeToString(digest(plaintext(fields, storeKey)));
  }

  static String plaintext(Map<String, String> fields, String storeKey) {
    Objects.requireNonNull(fields, "fields == null");
    Objects.requireNonNull(storeKey, "storeKey == null");
    List<String> names = new ArrayList<>(fields.keySet());
    names.sort(NATURAL_CASE_INSENSITIVE);
    StringBuilder sb = new StringBuilder();
    for (String name : names) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals("hash") || lower.equals("encoding")) {
        continue;
      }
      String value = fields.get(name);
      sb.append(escape(value == null ? "" : value.trim())).append('|');
    }
    return sb.append(escape(storeKey)).toString(); // the key is not trimmed: the gateway does not
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("|", "\\|");
  }

  private static byte[] digest(String plaintext) {
    try {
      return MessageDigest.getInstance("SHA-512")
          .digest(plaintext.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-512 is required of every Java runtime", e);
    }
  }

  /** PHP's natcasesort order: runs of digits compare as numbers, letters ignore case. */
  static final Comparator<String> NATURAL_CASE_INSENSITIVE =
      (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
          char ca = a.charAt(i);
          char cb = b.charAt(j);
          if (Character.isDigit(ca) && Character.isDigit(cb)) {
            int si = i;
            int sj = j;
            while (i < a.length() && Character.isDigit(a.charAt(i))) {
              i++;
            }
            while (j < b.length() && Character.isDigit(b.charAt(j))) {
              j++;
            }
            String na = a.substring(si, i).replaceFirst("^0+(?=.)", "");
            String nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
            int byLength = Integer.compare(na.length(), nb.length());
            if (byLength != 0) {
              return byLength;
            }
            int byDigits = na.compareTo(nb);
            if (byDigits != 0) {
              return byDigits;
            }
          } else {
            int c = Character.compare(Character.toLowerCase(ca), Character.toLowerCase(cb));
            if (c != 0) {
              return c;
            }
            i++;
            j++;
          }
        }
        return Integer.compare(a.length() - i, b.length() - j);
      };
}
