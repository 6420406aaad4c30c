package ma.hirfa.sdk.payments;

import java.util.List;
import ma.hirfa.sdk.core.internal.json.ModelStrings;

/**
 * The outcome of {@link Reconciliation#reconcile}: the lines that matched and every mismatch.
 *
 * @param matchedLines lines that matched the bank's record in every respect
 * @param mismatches the first {@link Reconciliation#MAX_LISTED} mismatches, in the order found
 * @param unlistedMismatches how many more were found and not listed
 */
public record ReconciliationReport(
    String settlementId,
    int matchedLines,
    List<Reconciliation.Mismatch> mismatches,
    int unlistedMismatches) {
  public ReconciliationReport {
    mismatches = List.copyOf(mismatches);
  }

  /** True when every line matched and the totals add up. */
  public boolean balanced() {
    return mismatches.isEmpty() && unlistedMismatches == 0;
  }

  @Override
  public String toString() {
    return ModelStrings.of(this);
  }
}
