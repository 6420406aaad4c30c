package ma.hirfa.sdk.testkit.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * Cursor pagination over a list kept in creation order, newest first on the wire. The cursor names
 * the creation sequence number to continue below, so objects created during a walk never shift it.
 */
public final class Pages {
  private Pages() {}

  public static int limit(Exchange e) {
    String raw = e.queryParam("limit");
    if (raw == null) {
      return 20;
    }
    try {
      int limit = Integer.parseInt(raw);
      if (limit >= 1 && limit <= 100) {
        return limit;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new Exchange.ApiError(
        Problems.invalid(
            new Problems.FieldErrors()
                .add("limit", "out_of_range", "limit must be between 1 and 100")));
  }

  public static <T> ObjectNode page(
      Exchange e,
      List<T> oldestFirst,
      ToLongFunction<T> seq,
      Predicate<T> filter,
      Function<T, ObjectNode> render) {
    int limit = limit(e);
    long below = decode(e.queryParam("cursor"));
    ObjectNode out = Exchange.JSON.createObjectNode();
    ArrayNode data = out.putArray("data");
    long last = Long.MAX_VALUE;
    boolean more = false;
    for (int i = oldestFirst.size() - 1; i >= 0; i--) {
      T item = oldestFirst.get(i);
      if (seq.applyAsLong(item) >= below || !filter.test(item)) {
        continue;
      }
      if (data.size() == limit) {
        more = true;
        break;
      }
      data.add(render.apply(item));
      last = seq.applyAsLong(item);
    }
    if (more) {
      out.put("next_cursor", encode(last));
    } else {
      out.putNull("next_cursor");
    }
    out.put("has_more", more);
    return out;
  }

  public static String encode(long seq) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("seq:" + seq).getBytes(StandardCharsets.US_ASCII));
  }

  private static long decode(@Nullable String cursor) {
    if (cursor == null) {
      return Long.MAX_VALUE;
    }
    try {
      String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
      if (s.startsWith("seq:")) {
        return Long.parseLong(s.substring(4));
      }
    } catch (IllegalArgumentException ignored) {
      // reported below
    }
    throw new Exchange.ApiError(
        Problems.invalid(
            new Problems.FieldErrors()
                .add("cursor", "invalid_cursor", "pass next_cursor unchanged")));
  }
}
