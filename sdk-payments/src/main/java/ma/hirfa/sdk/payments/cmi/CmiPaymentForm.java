package ma.hirfa.sdk.payments.cmi;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * The signed fields a merchant's page auto-POSTs to the CMI gateway ({@code .../fim/est3Dgate}).
 *
 * <pre>{@code
 * Map<String, String> fields = CmiPaymentForm.builder()
 *     .clientId("600000000")
 *     .amount(Money.parse("150.00", "MAD"))
 *     .orderId("ORD-0001")
 *     .okUrl("https://shop.example/ok").failUrl("https://shop.example/fail")
 *     .shopUrl("https://shop.example").callbackUrl("https://shop.example/cb")
 *     .language(Locale.forLanguageTag("es"))     // CMI shows ar, fr or en: es becomes fr
 *     .email("buyer@example.com").billToName("Fatima Zahra")
 *     .build(storeKey);
 * }</pre>
 */
public final class CmiPaymentForm {
  private CmiPaymentForm() {}

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The hosted page speaks only ar, fr and en: Arabic stays, English stays, anything else is fr.
   */
  static String cmiLanguage(Locale locale) {
    String language = locale.getLanguage();
    return language.equals("ar") || language.equals("en") ? language : "fr";
  }

  /** Builds the form fields; each setter is checked in {@link #build(String)}. */
  public static final class Builder {
    private @Nullable String clientId;
    private @Nullable Money amount;
    private @Nullable String orderId;
    private @Nullable String okUrl;
    private @Nullable String failUrl;
    private @Nullable String shopUrl;
    private @Nullable String callbackUrl;
    private Locale language = Locale.FRENCH;
    private @Nullable String email;
    private @Nullable String billToName;
    private @Nullable String random;

    private Builder() {}

    public Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    /** In MAD (currency 504), sent with a dot and two decimals. */
    public Builder amount(Money amount) {
      this.amount = amount;
      return this;
    }

    /** Unique per attempt ({@code oid}). */
    public Builder orderId(String orderId) {
      this.orderId = orderId;
      return this;
    }

    public Builder okUrl(String okUrl) {
      this.okUrl = okUrl;
      return this;
    }

    public Builder failUrl(String failUrl) {
      this.failUrl = failUrl;
      return this;
    }

    public Builder shopUrl(String shopUrl) {
      this.shopUrl = shopUrl;
      return this;
    }

    public Builder callbackUrl(String callbackUrl) {
      this.callbackUrl = callbackUrl;
      return this;
    }

    public Builder language(Locale language) {
      this.language = Objects.requireNonNull(language, "language == null");
      return this;
    }

    public Builder email(String email) {
      this.email = email;
      return this;
    }

    public Builder billToName(String billToName) {
      this.billToName = billToName;
      return this;
    }

    /** The {@code rnd} value; default: the current time in milliseconds. */
    public Builder random(String random) {
      this.random = random;
      return this;
    }

    /** The form fields, {@code HASH} included, in a stable order. */
    public Map<String, String> build(String storeKey) {
      if (storeKey == null || storeKey.isBlank()) {
        throw new ValidationException("storeKey", "must not be empty");
      }
      Money a = required("amount", amount);
      if (!a.currencyCode().equals("MAD")) {
        throw new ValidationException("amount.currency", "the CMI page is in MAD (504)");
      }
      if (!a.isPositive()) {
        throw new ValidationException("amount", "must be positive");
      }
      Map<String, String> f = new LinkedHashMap<>();
      f.put("clientid", matching("clientId", clientId, CLIENT_ID, "must be the store's digits"));
      f.put("storetype", "3D_PAY_HOSTING");
      f.put("TranType", "PreAuth");
      f.put("amount", a.toBigDecimal().toPlainString());
      f.put("currency", "504");
      f.put(
          "oid", matching("orderId", orderId, ORDER_ID, "must be 1 to 128 characters, no spaces"));
      f.put("okUrl", https("okUrl", okUrl));
      f.put("failUrl", https("failUrl", failUrl));
      f.put("shopurl", https("shopUrl", shopUrl));
      f.put("callbackUrl", https("callbackUrl", callbackUrl));
      f.put("lang", cmiLanguage(language));
      f.put("rnd", random != null ? random : Long.toString(System.currentTimeMillis()));
      f.put("hashAlgorithm", "ver3");
      f.put("encoding", "UTF-8");
      f.put("email", matching("email", email, EMAIL, "must be an e-mail address"));
      f.put("BillToName", required("billToName", billToName));
      f.put("HASH", CmiHash.ver3(f, storeKey));
      return f;
    }

    // What CmiCallback checks on the way back: a form it would refuse is refused here first.
    private static final Pattern CLIENT_ID = Pattern.compile("\\d{1,20}");
    private static final Pattern ORDER_ID = Pattern.compile("[^\\s\\p{Cntrl}]{1,128}");
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+");

    private static String matching(
        String field, @Nullable String value, Pattern pattern, String rule) {
      String v = required(field, value);
      if (!pattern.matcher(v).matches()) {
        throw new ValidationException(field, rule);
      }
      return v;
    }

    private static <T> T required(String field, @Nullable T value) {
      if (value == null || (value instanceof String s && s.isBlank())) {
        throw new ValidationException(field, "is required");
      }
      return value;
    }

    private static String https(String field, @Nullable String url) {
      String u = required(field, url);
      try {
        URI uri = new URI(u);
        if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
          throw new ValidationException(field, "must be an absolute https URL");
        }
      } catch (URISyntaxException e) {
        throw new ValidationException(field, "is not a valid URL");
      }
      return u;
    }
  }
}
