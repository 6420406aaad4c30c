package ma.hirfa.sdk.kafka;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
    return digest(
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
    return digest(
        (String) json.get("id"),
        ((Number) json.get("version")).longValue(),
        (String) json.get("sku"),
        (String) json.get("status"),
        ((Number) json.get("price_amount_minor")).longValue(),
        ((Number) json.get("stock")).intValue(),
        (Map<String, String>) json.get("title"),
        description == null ? Map.of() : description);
  }

  /** The first 8 bytes of SHA-256 over the id, version, SKU, status, price, stock and texts. */
  static long digest(
      String id,
      long version,
      String sku,
      String status,
      long priceMinor,
      int stock,
      Map<String, String> title,
      Map<String, String> description) {
    StringBuilder s =
        new StringBuilder()
            .append(id)
            .append('\n')
            .append(version)
            .append('\n')
            .append(sku)
            .append('\n')
            .append(status)
            .append('\n')
            .append(priceMinor)
            .append('\n')
            .append(stock);
    new TreeMap<>(title).forEach((k, v) -> s.append("\nt:").append(k).append('=').append(v));
    new TreeMap<>(description).forEach((k, v) -> s.append("\nd:").append(k).append('=').append(v));
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(s.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return ByteBuffer.wrap(hash).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
