package ma.hirfa.sdk.testkit.marketplace;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import ma.hirfa.sdk.testkit.server.Exchange;
import ma.hirfa.sdk.testkit.server.Json;
import ma.hirfa.sdk.testkit.server.Pages;
import org.jspecify.annotations.Nullable;

/**
 * Pages of a list kept in catalog order (products, artisans): from the position in the cursor, the
 * first {@code limit} items that exist and match, then the position to continue from.
 */
final class PositionPages {
  private PositionPages() {}

  /** Renders one JSON object of the list. */
  interface ItemWriter<T> {
    void write(JsonGenerator g, T item) throws IOException;
  }

  static <T> Exchange.Response page(
      Exchange e,
      int total,
      IntFunction<@Nullable T> at,
      Predicate<T> filter,
      ItemWriter<T> writer) {
    int limit = Pages.limit(e);
    List<T> page = new ArrayList<>(limit);
    int next = -1;
    for (int pos = Json.decodeCursor(e.queryParam("cursor"), "pos"); pos < total; pos++) {
      T item = at.apply(pos);
      if (item == null || !filter.test(item)) {
        continue;
      }
      if (page.size() == limit) {
        next = pos;
        break;
      }
      page.add(item);
    }
    int cursor = next;
    return Json.json(
        200,
        Json.bytes(
            g -> {
              g.writeStartObject();
              g.writeArrayFieldStart("data");
              for (T item : page) {
                writer.write(g, item);
              }
              g.writeEndArray();
              Json.writeCursor(
                  g, cursor < 0 ? null : Json.encodeCursor("pos", cursor), cursor >= 0);
              g.writeEndObject();
            }));
  }
}
