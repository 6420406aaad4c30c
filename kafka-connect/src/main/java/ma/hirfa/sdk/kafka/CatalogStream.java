package ma.hirfa.sdk.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import ma.hirfa.sdk.catalog.ChangePage;
import ma.hirfa.sdk.catalog.Product;
import ma.hirfa.sdk.catalog.ProductChange;
import ma.hirfa.sdk.catalog.ProductExport;
import ma.hirfa.sdk.catalog.ProductService;
import ma.hirfa.sdk.core.ConnectionException;
import ma.hirfa.sdk.core.HirfaException;
import ma.hirfa.sdk.core.NotFoundException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.source.SourceRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog as a stream of source records: the export first, then the change feed, with the
 * position in each record's source offset, so a restarted or rebalanced task resumes where the last
 * committed record left it.
 *
 * <p>Offsets. An export record carries {@code {phase: export, cursor: <the feed position taken when
 * the export opened>, after: <its product id>}}: a resumed task continues with {@code
 * exportAfter(after)}, then follows the feed from {@code cursor}, so no change made during the
 * export is lost. A feed record carries {@code {phase: feed, cursor}}: the cursor its page started
 * from, except the page's last record, which carries the page's next cursor. A task stopped in the
 * middle of a page reads the whole page again: at least once, in order, so the compacted topic ends
 * with each product's last change.
 *
 * <p>Threads. One thread at a time reads and changes the stream: the task's poll, or its stop once
 * no poll runs ({@link HirfaSourceTask} hands it over under a lock). {@link #requestStop} is the
 * one call made from another thread: the export batch in progress ends after the product in hand.
 */
final class CatalogStream {
  static final Map<String, String> PARTITION = Map.of("stream", "catalog");
  private static final Logger log = LoggerFactory.getLogger(CatalogStream.class);

  private final ProductService products;
  private final String topic;
  private final int pageSize;
  private final int batchSize;
  private String phase = "export";
  private @Nullable String cursor;
  private @Nullable String after;
  private @Nullable ProductExport export;
  private @Nullable Iterator<Product> exported;
  private int cuts;
  private volatile boolean stopRequested;

  CatalogStream(
      ProductService products,
      String topic,
      int pageSize,
      int batchSize,
      @Nullable Map<String, Object> offset) {
    this.products = products;
    this.topic = topic;
    this.pageSize = pageSize;
    this.batchSize = batchSize;
    if (offset != null) {
      this.phase = String.valueOf(offset.getOrDefault("phase", "export"));
      this.cursor = (String) offset.get("cursor");
      this.after = (String) offset.get("after");
      if (cursor == null) {
        // An export that never had a position cannot be resumed without losing changes.
        phase = "export";
        after = null;
      }
      log.info("Hirfa catalog: resuming {} at cursor={} after={}", phase, cursor, after);
    }
  }

  /**
   * Asks the batch being read to end after the product in hand, from any thread; the export stays
   * open for its reader to close ({@link #closeExport}).
   */
  void requestStop() {
    stopRequested = true;
  }

  /** True once the export is done and the stream follows the feed. */
  boolean following() {
    return phase.equals("feed");
  }

  /**
   * The next records: up to a batch of the export, or one page of the feed. An empty list while
   * following means the feed had nothing new: the caller waits before asking again.
   */
  List<SourceRecord> next() {
    try {
      return following() ? page() : exportBatch();
    } catch (ConnectionException e) {
      // A cut stream or an outage beyond the client's retries: Connect calls poll again.
      closeExport();
      throw new RetriableException("the Hirfa API could not be read: " + e.getMessage(), e);
    } catch (HirfaException e) {
      closeExport();
      if (following() && (e.status() == 410 || "invalid_cursor".equals(e.code()))) {
        log.warn(
            "Hirfa catalog: the feed refused cursor {} ({}); exporting the catalog again."
                + " Products deleted while the connector was stopped stay in the topic.",
            cursor,
            e.code());
        phase = "export";
        cursor = null;
        after = null;
        return List.of();
      }
      throw e;
    }
  }

  private List<SourceRecord> exportBatch() {
    if (exported == null) {
      ProductExport opened = after == null ? products.export() : products.exportAfter(after);
      export = opened;
      if (cursor == null) {
        cursor = opened.exportCursor(); // the feed starts here; later changes come from it
      }
      exported = opened.iterator();
      log.info("Hirfa catalog: export opened after={} (cut {} times so far)", after, cuts);
    }
    Iterator<Product> it = exported;
    List<SourceRecord> out = new ArrayList<>(Math.min(batchSize, 1024));
    try {
      while (out.size() < batchSize && !stopRequested && it.hasNext()) {
        Product p = it.next();
        after = p.id();
        out.add(upsert(p, offset("export", cursor, after)));
      }
    } catch (ConnectionException e) {
      cuts++;
      closeExport(); // resumed after the last product handed over, on the next poll
      if (!out.isEmpty()) {
        return out;
      }
      throw e;
    }
    if (!stopRequested && !it.hasNext()) { // stopped: the next task resumes after the last one
      ProductExport done = export;
      if (cursor == null && done != null) {
        cursor = done.exportCursor();
      }
      closeExport();
      if (cursor == null) {
        throw new IllegalStateException("the export ended without a feed cursor");
      }
      phase = "feed";
      after = null;
      log.info("Hirfa catalog: export complete; following the change feed");
    }
    return out;
  }

  private List<SourceRecord> page() {
    String from = cursor;
    if (from == null) {
      throw new IllegalStateException("following without a cursor");
    }
    ChangePage page = products.changes(from, pageSize);
    List<SourceRecord> out = new ArrayList<>(page.data().size());
    List<ProductChange> changes = page.data();
    boolean moved = !page.nextCursor().equals(from);
    for (int i = 0; moved && i < changes.size(); i++) {
      ProductChange c = changes.get(i);
      Map<String, Object> offset =
          offset("feed", i == changes.size() - 1 ? page.nextCursor() : from, null);
      if (c.isDelete()) {
        out.add(
            new SourceRecord(
                PARTITION, offset, topic, null, ProductRecords.KEY, c.productId(), null, null));
        continue;
      }
      Product p = c.product();
      if (p == null) {
        p = read(c.productId()); // a thin change: the product as it is now
        if (p == null) {
          continue; // deleted since: its deletion follows in the feed
        }
      }
      out.add(upsert(p, offset));
    }
    cursor = page.nextCursor();
    return out;
  }

  private @Nullable Product read(String id) {
    try {
      return products.get(id);
    } catch (NotFoundException gone) {
      return null;
    }
  }

  private SourceRecord upsert(Product p, Map<String, Object> offset) {
    return new SourceRecord(
        PARTITION,
        offset,
        topic,
        null,
        ProductRecords.KEY,
        p.id(),
        ProductRecords.VALUE,
        ProductRecords.value(p));
  }

  private static Map<String, Object> offset(
      String phase, @Nullable String cursor, @Nullable String after) {
    Map<String, Object> o = new HashMap<>();
    o.put("phase", phase);
    o.put("cursor", cursor);
    o.put("after", after);
    return o;
  }

  /** Closes the open export, if any; on the stream's thread (see the class comment). */
  void closeExport() {
    ProductExport e = export;
    export = null;
    exported = null;
    if (e != null) {
      e.close();
    }
  }
}
