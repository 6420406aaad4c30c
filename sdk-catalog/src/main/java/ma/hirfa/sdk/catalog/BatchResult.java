package ma.hirfa.sdk.catalog;

import java.util.List;
import ma.hirfa.sdk.core.FieldError;
import ma.hirfa.sdk.core.internal.json.ModelStrings;
import org.jspecify.annotations.Nullable;

/**
 * What a batch upsert did, one {@link Item} per input in order: each item succeeds or fails on its
 * own, so a batch with invalid items applies the others.
 */
public record BatchResult(List<Item> results) {
  public BatchResult {
    results = List.copyOf(results);
  }

  /** The items that failed, with their field errors. */
  public List<Item> failed() {
    return results.stream().filter(i -> i.status() == BatchItemStatus.FAILED).toList();
  }

  /**
   * The items created, updated or found unchanged, and those with a status newer than this SDK (see
   * {@link Item#statusAsString()}): everything but the failures.
   */
  public List<Item> applied() {
    return results.stream().filter(i -> i.status() != BatchItemStatus.FAILED).toList();
  }

  /**
   * One input's outcome.
   *
   * @param index its position in the batch
   * @param statusAsString what happened, as the API sent it; {@link #status()} is its {@link
   *     BatchItemStatus}
   * @param productId the product created or updated; null when it failed
   */
  public record Item(
      int index,
      String sku,
      String statusAsString,
      @Nullable String productId,
      List<FieldError> errors) {

    /** What happened; {@link BatchItemStatus#UNKNOWN} for a value newer than this SDK. */
    public BatchItemStatus status() {
      return BatchItemStatus.fromWire(statusAsString);
    }

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
