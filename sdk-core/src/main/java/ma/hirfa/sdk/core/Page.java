package ma.hirfa.sdk.core;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a cursor-paginated list: {@code {"data": [...], "next_cursor": "...", "has_more":
 * true}}. To walk every page lazily, use the service's {@code listAutoPaging} or an {@link
 * AutoPager}.
 *
 * <p>A page without a {@code next_cursor} is the last one that can be read: {@link #hasMore()} is
 * false for it, even if the API said {@code has_more: true} (the contract allows that pair, but
 * without a cursor no next page can be asked for, and a loop on {@code hasMore()} that passed a
 * null cursor would read the first page again forever). Its items are kept.
 *
 * @param data the items of this page, in order; never null
 * @param nextCursor the cursor of the next page, or null on the last page
 * @param hasMore true when another page follows, which implies a {@code nextCursor}
 * @param <T> the item type
 */
public record Page<T>(List<T> data, @Nullable String nextCursor, boolean hasMore) {
  public Page {
    data = data == null ? List.of() : List.copyOf(data);
    hasMore = hasMore && nextCursor != null;
  }
}
