package ma.hirfa.sdk.testkit.marketplace;

import java.util.LinkedHashMap;
import ma.hirfa.sdk.testkit.server.Exchange;
import ma.hirfa.sdk.testkit.server.Problems;

/**
 * The export ({@code exportProducts}), rendered 64 products at a time as the client reads: the
 * cursor is taken before the first product, so every change made while it streams is also in the
 * feed after it. {@code CatalogFaults} can cut it, drop its headers or respell its closing line.
 */
final class ProductExport {
  private ProductExport() {}

  static Exchange.Response export(Exchange e, ProductStore store, CatalogMisbehaviour faults) {
    String cursor;
    int total;
    int start = 0;
    int count;
    String after = e.queryParam("after");
    synchronized (store.lock) {
      cursor = store.feed().cursorNow();
      total = store.positions();
      if (after != null) {
        int pos = store.position(after);
        if (pos < 0) {
          throw new Exchange.ApiError(
              Problems.invalid(
                  new Problems.FieldErrors()
                      .add("after", "unknown_product", "the last product id the export gave you")));
        }
        start = pos + 1;
      }
      count = store.liveFrom(start);
    }
    int from = start;
    CatalogMisbehaviour.ExportPlan plan = faults.nextExport();
    Exchange.Response r =
        new Exchange.Response(
            200,
            new LinkedHashMap<>(),
            null,
            "application/x-ndjson",
            () -> new ExportBody(store::atPosition, from, total, cursor, plan));
    if (!plan.omitHeaders()) {
      r.header("Export-Cursor", cursor).header("Export-Product-Count", Integer.toString(count));
    }
    return r;
  }
}
