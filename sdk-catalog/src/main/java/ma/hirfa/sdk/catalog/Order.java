package ma.hirfa.sdk.catalog;

import java.time.Instant;
import java.util.List;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.internal.json.ModelStrings;
import org.jspecify.annotations.Nullable;

/**
 * An order: its lines, the total in MAD (what is charged and settled), the total in the buyer's
 * display currency when an FX quote was used, and the payments that paid it.
 *
 * @param statusAsString the status as the API sent it; {@link #status()} is its {@link OrderStatus}
 */
public record Order(
    String id,
    String statusAsString,
    List<Line> lines,
    Money total,
    @Nullable Money displayTotal,
    List<String> paymentIds,
    @Nullable String trackingNumber,
    Instant createdAt) {

  /** The status; {@link OrderStatus#UNKNOWN} for a value newer than this SDK. */
  public OrderStatus status() {
    return OrderStatus.fromWire(statusAsString);
  }

  /** A line: a product, a quantity and the unit price when ordered. */
  public record Line(String productId, int quantity, Money unitPrice) {
    @Override
    public String toString() {
      return ModelStrings.of(this);
    }
  }

  @Override
  public String toString() {
    return ModelStrings.of(this);
  }
}
