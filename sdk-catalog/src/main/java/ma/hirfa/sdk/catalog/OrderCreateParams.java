package ma.hirfa.sdk.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.core.internal.json.ModelStrings;
import ma.hirfa.sdk.core.internal.log.Redactor;
import org.jspecify.annotations.Nullable;

/**
 * An order to take. Stock is reserved when it is created; pay it with the payments client using the
 * order's id as {@code order_reference} and the order's MAD total.
 *
 * <pre>{@code
 * OrderCreateParams.builder()
 *     .buyer(new OrderCreateParams.Buyer("Jane Roe", "jane@example.com", null))
 *     .line("prd_S000002", 1)
 *     .shipping(new OrderCreateParams.Shipping("US", "1 Main St, Springfield"))
 *     .displayIn(quote)                       // a MAD → USD FxQuote
 *     .build();
 * }</pre>
 */
public record OrderCreateParams(
    Buyer buyer,
    List<LineInput> lines,
    Shipping shipping,
    @Nullable String displayCurrency,
    @Nullable String fxQuoteId) {
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  public OrderCreateParams {
    Objects.requireNonNull(buyer, "buyer");
    Objects.requireNonNull(shipping, "shipping");
    lines = List.copyOf(lines);
    if (lines.isEmpty()) {
      throw new ValidationException("lines", "must hold at least one line");
    }
    if ((displayCurrency == null) != (fxQuoteId == null)) {
      throw new ValidationException(
          "fx_quote_id", "a display currency needs the FX quote it comes from, and back");
    }
    if (fxQuoteId != null) {
      CatalogChecks.id("fx_quote_id", "fxq", fxQuoteId);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The buyer; {@link #toString()} masks the email and phone. */
  public record Buyer(String name, String email, @Nullable String phone) {
    public Buyer {
      CatalogChecks.text("buyer.name", name, 200);
      if (email == null || !EMAIL.matcher(email).matches()) {
        throw new ValidationException("buyer.email", "must be an email address");
      }
    }

    @Override
    public String toString() {
      return Redactor.redact(
          "Buyer{name=" + name + ", email=***, phone=" + (phone == null ? "null" : "***") + "}");
    }
  }

  /** A product and a quantity (1 or more). */
  public record LineInput(String productId, int quantity) {
    public LineInput {
      CatalogChecks.id("lines.product_id", "prd", productId);
      if (quantity < 1) {
        throw new ValidationException("lines.quantity", "must be 1 or more but was " + quantity);
      }
    }

    @Override
    public String toString() {
      return ModelStrings.of(this);
    }
  }

  /** Where to ship: an ISO 3166-1 alpha-2 country and the address. */
  public record Shipping(String country, String address) {
    public Shipping {
      if (country == null || !COUNTRY.matcher(country).matches()) {
        throw new ValidationException("shipping.country", "must be a country code like US");
      }
      CatalogChecks.text("shipping.address", address, 500);
    }

    @Override
    public String toString() {
      return ModelStrings.of(this);
    }
  }

  /** Builds {@link OrderCreateParams}. */
  public static final class Builder {
    private @Nullable Buyer buyer;
    private final List<LineInput> lines = new ArrayList<>();
    private @Nullable Shipping shipping;
    private @Nullable String displayCurrency;
    private @Nullable String fxQuoteId;

    private Builder() {}

    public Builder buyer(Buyer buyer) {
      this.buyer = buyer;
      return this;
    }

    public Builder line(String productId, int quantity) {
      lines.add(new LineInput(productId, quantity));
      return this;
    }

    public Builder shipping(Shipping shipping) {
      this.shipping = shipping;
      return this;
    }

    /** Shows the total in the quote's target currency too; the quote must be from MAD. */
    public Builder displayIn(FxQuote quote) {
      CatalogChecks.required("quote", quote);
      if (!quote.from().equals("MAD")) {
        throw new ValidationException("fx_quote_id", "must be a quote from MAD");
      }
      this.displayCurrency = quote.to();
      this.fxQuoteId = quote.id();
      return this;
    }

    public OrderCreateParams build() {
      return new OrderCreateParams(
          CatalogChecks.required("buyer", buyer),
          lines,
          CatalogChecks.required("shipping", shipping),
          displayCurrency,
          fxQuoteId);
    }
  }

  @Override
  public String toString() {
    return ModelStrings.of(this);
  }
}
