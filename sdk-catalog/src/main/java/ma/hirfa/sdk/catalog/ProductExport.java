package ma.hirfa.sdk.catalog;

import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import ma.hirfa.sdk.core.CallTimeoutException;
import ma.hirfa.sdk.core.ConnectionException;
import ma.hirfa.sdk.core.RequestOptions;
import ma.hirfa.sdk.core.ResponseDecodingException;
import ma.hirfa.sdk.core.internal.http.NdjsonReader;
import ma.hirfa.sdk.core.internal.json.NdjsonLine;
import ma.hirfa.sdk.core.internal.json.TypeRef;
import org.jspecify.annotations.Nullable;

/**
 * The whole catalog as it streams in: one {@link Product} at a time, decoded from NDJSON as you
 * iterate, so memory stays flat however many products there are (200,000 products pass in a 64 MB
 * heap). Close it (try-with-resources) to release the connection.
 *
 * <pre>{@code
 * try (ProductExport export = catalog.products().export().onProgress(bar::update)) {
 *   String cursor = export.exportCursor();  // save it now: the change feed starts here
 *   export.stream().forEach(shop::upsert);
 * }
 * }</pre>
 *
 * <p><b>Bounds.</b> A line longer than {@code ClientOptions.maxResponseBytes} ends the export with
 * a {@link ResponseDecodingException} naming the limit; a line that does not arrive complete within
 * {@code ClientOptions.readTimeout} (a server dripping bytes) ends it with a {@link
 * ConnectionException}; with {@link RequestOptions#timeout()} set, the whole export (your work
 * between products included) ends at that deadline with a {@link CallTimeoutException}.
 *
 * <p><b>Cuts.</b> The export ends with the line {@code {"export_cursor": "..."}} (any JSON
 * spelling; the final newline may be missing). A stream that ends without it was cut: iterating
 * throws a {@link ConnectionException}. Resume with {@link ProductService#exportAfter(String)} from
 * {@link #lastProductId()}, and keep the {@link #exportCursor()} of the first attempt, which the
 * API sends as the {@code Export-Cursor} header before the first product. {@link CatalogSync} does
 * all this for you.
 */
public final class ProductExport implements AutoCloseable, Iterable<Product> {
  private static final TypeRef<Product> PRODUCT = TypeRef.of(Product.class);
  private static final String CURSOR = "export_cursor";
  private static final long REPORT_EVERY_NANOS = 200_000_000L;

  private final NdjsonReader reader;
  private final long started = System.nanoTime();
  private final @Nullable String headerCursor;
  private final OptionalLong total;
  private Consumer<ExportProgress> listener = p -> {};
  private @Nullable String finalCursor;
  private @Nullable String lastProductId;
  private @Nullable Product next;
  private long products;
  private long lastReport = started;
  private boolean done;
  private boolean iterated;

  ProductExport(NdjsonReader reader) {
    this.reader = reader;
    String cursor = reader.header("Export-Cursor");
    this.headerCursor = cursor == null || cursor.isBlank() ? null : cursor;
    this.total = parseCount(reader.header("Export-Product-Count"));
  }

  /**
   * Calls {@code listener} with the progress about five times a second and once at the end, on the
   * iterating thread. Returns this export.
   */
  public ProductExport onProgress(Consumer<ExportProgress> listener) {
    this.listener = CatalogChecks.required("listener", listener);
    return this;
  }

  /** The products, in catalog order; an export can be iterated once. */
  @Override
  public Iterator<Product> iterator() {
    if (iterated) {
      throw new IllegalStateException("an export can be iterated once; start another export");
    }
    iterated = true;
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return advance();
      }

      @Override
      public Product next() {
        if (!advance()) {
          throw new NoSuchElementException();
        }
        Product p = Objects.requireNonNull(ProductExport.this.next);
        ProductExport.this.next = null;
        return p;
      }
    };
  }

  /** The products as a sequential stream; closing the stream closes the export. */
  public Stream<Product> stream() {
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(
                iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(this::close);
  }

  /**
   * The change-feed cursor of this export: follow {@code changes(cursor)} from it to see every
   * change made since the export began. Known from the start (the {@code Export-Cursor} header the
   * contract requires); from a server that omits the header, known only once the stream is
   * complete, and null before then.
   */
  public @Nullable String exportCursor() {
    return headerCursor != null ? headerCursor : finalCursor;
  }

  /** The {@code Export-Cursor} header: the feed position known before the first product. */
  @Nullable String headerCursor() {
    return headerCursor;
  }

  /** The id of the last product received, to resume a cut export from; null before the first. */
  public @Nullable String lastProductId() {
    return lastProductId;
  }

  /**
   * How many products the API said this export would send ({@code Export-Product-Count}), counted
   * when it began: products created or deleted meanwhile make the real count differ by as many.
   * Empty when the API did not say.
   */
  public OptionalLong expectedProducts() {
    return total;
  }

  /** True once the whole catalog arrived (the stream's closing cursor line was read). */
  public boolean isComplete() {
    return done && finalCursor != null;
  }

  /** The progress so far. */
  public ExportProgress progress() {
    return new ExportProgress(
        products,
        reader.bytesRead(),
        Duration.ofNanos(System.nanoTime() - started),
        isComplete(),
        total);
  }

  @Override
  public void close() {
    reader.close();
  }

  private boolean advance() {
    if (next != null) {
      return true;
    }
    if (done) {
      return false;
    }
    NdjsonLine line;
    try {
      line = reader.next();
    } catch (RuntimeException e) {
      done = true;
      throw e;
    }
    if (line == null) {
      throw cut("after " + products + " products, before its closing line");
    }
    if (line.contains(CURSOR)) {
      String cursor = closingCursor(line);
      if (cursor != null) {
        return finish(cursor);
      }
    }
    Product p;
    try {
      p = line.decode(PRODUCT);
    } catch (ResponseDecodingException e) {
      if (!line.terminated()) {
        throw cut("inside line " + line.number() + " (" + products + " products received)");
      }
      close();
      done = true;
      throw new ResponseDecodingException(
          "export line "
              + line.number()
              + " is neither a product nor the closing line {\"export_cursor\": \"...\"}: "
              + e.getMessage(),
          reader.diagnostics(),
          e);
    }
    next = p;
    lastProductId = p.id();
    products++;
    long now = System.nanoTime();
    if (now - lastReport >= REPORT_EVERY_NANOS) {
      lastReport = now;
      listener.accept(progress());
    }
    return true;
  }

  /**
   * The cursor when {@code line} is the closing line (a JSON object with a top-level {@code
   * export_cursor}), null when it is another object that mentions the name (a product).
   */
  private @Nullable String closingCursor(NdjsonLine line) {
    String cursor;
    try {
      cursor = line.stringMember(CURSOR);
    } catch (ResponseDecodingException e) {
      if (!line.terminated()) {
        throw cut("inside its closing line (" + products + " products received)");
      }
      done = true;
      close();
      throw new ResponseDecodingException(
          "the export's closing line (line "
              + line.number()
              + ") is malformed, expected {\"export_cursor\": \"...\"}: "
              + e.getMessage(),
          reader.diagnostics(),
          e);
    }
    if (cursor != null && cursor.isBlank()) {
      done = true;
      close();
      throw new ResponseDecodingException(
          "the export's closing line (line " + line.number() + ") has an empty export_cursor",
          reader.diagnostics(),
          null);
    }
    return cursor;
  }

  private boolean finish(String cursor) {
    finalCursor = cursor;
    done = true;
    close();
    listener.accept(progress());
    return false;
  }

  private ConnectionException cut(String where) {
    done = true;
    close();
    return new ConnectionException(
        "the export was cut "
            + where
            + "; resume with exportAfter(lastProductId()) and keep the first exportCursor()",
        reader.diagnostics(),
        true,
        null);
  }

  private static OptionalLong parseCount(@Nullable String header) {
    if (header == null) {
      return OptionalLong.empty();
    }
    try {
      long n = Long.parseLong(header.trim());
      return n >= 0 ? OptionalLong.of(n) : OptionalLong.empty();
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
