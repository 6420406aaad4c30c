package ma.hirfa.sdk.core;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a cursor-paginated list: {@code {"data": [...], "next_cursor": "...", "has_more":
 * true}}. To walk every page lazily, use the service's {@code listAutoPaging} or an {@link
 * AutoPager}.
 *
 * @param data the items of this page, in order; never null
 * @param nextCursor the cursor of the next page, or null on the last page
 * @param hasMore true when another page follows
 * @param <T> the item type
 */
public record Page<T>(List<T> data, @Nullable String nextCursor, boolean hasMore) {
  public Page {
    data = data == null ? List.of() : List.copyOf(data);
    if (hasMore && nextCursor == null) {
      throw new ResponseDecodingException(
          "page has_more is true but next_cursor is missing", null, null);
    }
  }
}
