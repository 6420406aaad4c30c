package ma.hirfa.sdk.kafka;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ma.hirfa.sdk.testkit.CatalogView;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * What a compacted topic keeps of the catalog records: the last value per key, a tombstone removing
 * the key. Values as digests of a product's identity and content, to compare with the catalog.
 */
final class CompactedView {
  final Map<String, Long> live = new HashMap<>();

  void apply(String key, Long digestOrNullForTombstone) {
    if (digestOrNullForTombstone == null) {
      live.remove(key);
    } else {
      live.put(key, digestOrNullForTombstone);
    }
  }

  void applyAll(List<SourceRecord> records) {
    for (SourceRecord r : records) {
      apply((String) r.key(), r.value() == null ? null : digest((Struct) r.value()));
    }
  }

  @SuppressWarnings("unchecked")
  static long digest(Struct v) {
    Map<String, String> description = (Map<String, String>) v.get("description");
    return CatalogView.digest(
        v.getString("id"),
        v.getInt64("version"),
        v.getString("sku"),
        v.getString("status"),
        v.getInt64("price_amount_minor"),
        v.getInt32("stock"),
        (Map<String, String>) v.get("title"),
        description == null ? Map.of() : description);
  }

  @SuppressWarnings("unchecked")
  static long digest(Map<String, Object> json) {
    Map<String, String> description = (Map<String, String>) json.get("description");
    return CatalogView.digest(
        (String) json.get("id"),
        ((Number) json.get("version")).longValue(),
        (String) json.get("sku"),
        (String) json.get("status"),
        ((Number) json.get("price_amount_minor")).longValue(),
        ((Number) json.get("stock")).intValue(),
        (Map<String, String>) json.get("title"),
        description == null ? Map.of() : description);
  }
}
