package ma.hirfa.sdk.payments;

import java.util.List;

/** The outcome of {@link Reconciliation#reconcile}: the lines that matched and every mismatch. */
public record ReconciliationReport(
    String settlementId, int matchedLines, List<Reconciliation.Mismatch> mismatches) {
  public ReconciliationReport {
    mismatches = List.copyOf(mismatches);
  }

  /** True when every line matched and the totals add up. */
  public boolean balanced() {
    return mismatches.isEmpty();
  }
}
