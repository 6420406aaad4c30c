package ma.hirfa.sdk.catalog;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonEncodingException;
import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import ma.hirfa.sdk.core.CallDiagnostics;
import ma.hirfa.sdk.core.ConnectionException;
import ma.hirfa.sdk.core.ResponseDecodingException;
import ma.hirfa.sdk.core.internal.ApiResponse;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;
import org.jspecify.annotations.Nullable;

/**
 * The whole catalog as it streams in: one {@link Product} at a time, decoded from NDJSON as you
 * iterate, so memory stays flat however many products there are (200,000 products pass in a 64 MB
 * heap). Close it (try-with-resources) to release the connection.
 *
 * <pre>{@code
 * try (ProductExport export = catalog.products().export(p -> bar.update(p))) {
 *   export.stream().forEach(shop::upsert);
 *   String cursor = export.exportCursor();  // follow the change feed from here
 * }
 * }</pre>
 *
 * <p>If the stream is cut, iterating throws a {@link ConnectionException}: resume with {@link
 * ProductService#exportAfter(String, Consumer)} from {@link #lastProductId()}, and keep the {@link
 * #exportCursor()} of the first attempt. {@link CatalogSync} does all this for you.
 */
public final class ProductExport implements AutoCloseable, Iterable<Product> {
  private static final ByteString CURSOR_LINE = ByteString.encodeUtf8("{\"export_cursor\":");
  private static final long REPORT_EVERY_NANOS = 200_000_000L;

  private final ApiResponse response;
  private final BufferedSource source;
  private final JsonAdapter<Product> adapter;
  private final Consumer<ExportProgress> listener;
  private final long started = System.nanoTime();
  private final @Nullable String headerCursor;
  private @Nullable String finalCursor;
  private @Nullable String lastProductId;
  private @Nullable Product next;
  private long products;
  private long bytes;
  private long lastReport = started;
  private boolean done;
  private boolean iterated;

  ProductExport(
      ApiResponse response, JsonAdapter<Product> adapter, Consumer<ExportProgress> listener) {
    this.response = response;
    this.source = response.source();
    this.adapter = adapter;
    this.listener = listener;
    this.headerCursor = response.header("Export-Cursor");
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
        Product p = Objects.requireNonNull(next);
        next = null;
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
   * change made since the export began. Known from the start when the API sends it as a header,
   * else once the stream is complete; null before then.
   */
  public @Nullable String exportCursor() {
    return finalCursor != null ? finalCursor : headerCursor;
  }

  /** The id of the last product received, to resume a cut export from; null before the first. */
  public @Nullable String lastProductId() {
    return lastProductId;
  }

  /** True once the whole catalog arrived (the stream's closing cursor line was read). */
  public boolean isComplete() {
    return done && finalCursor != null;
  }

  /** The progress so far. */
  public ExportProgress progress() {
    return new ExportProgress(
        products, bytes, Duration.ofNanos(System.nanoTime() - started), isComplete());
  }

  @Override
  public void close() {
    response.close();
  }

  private boolean advance() {
    if (next != null) {
      return true;
    }
    if (done) {
      return false;
    }
    try {
      while (true) {
        // Reads from the connection until a newline arrives: one line is buffered at a time.
        long newline = source.indexOf((byte) '\n');
        if (newline < 0) {
          return cut(null);
        }
        ByteString line = source.readByteString(newline);
        source.skip(1);
        bytes += newline + 1;
        if (line.size() == 0) {
          continue;
        }
        if (line.startsWith(CURSOR_LINE)) {
          finalCursor = readCursor(line);
          finish();
          return false;
        }
        Product p = adapter.fromJson(new Buffer().write(line));
        if (p == null) {
          throw new ResponseDecodingException("an export line was JSON null", null, null);
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
    } catch (JsonEncodingException | com.squareup.moshi.JsonDataException e) {
      close();
      throw new ResponseDecodingException(
          "export line " + (products + 1) + " could not be decoded: " + e.getMessage(), null, e);
    } catch (IOException e) {
      return cut(e);
    }
  }

  private void finish() {
    done = true;
    close();
    listener.accept(progress());
  }

  private boolean cut(@Nullable IOException cause) {
    done = true;
    close();
    throw new ConnectionException(
        "the export was cut after "
            + products
            + " products; resume with exportAfter(lastProductId()) and keep exportCursor()",
        new CallDiagnostics(
            "GET",
            "/v1/products/export",
            response.status(),
            null,
            response.requestId(),
            null,
            response.attempts()),
        true,
        cause);
  }

  private static String readCursor(ByteString line) throws IOException {
    try (com.squareup.moshi.JsonReader r =
        com.squareup.moshi.JsonReader.of(new Buffer().write(line))) {
      r.beginObject();
      while (r.hasNext()) {
        if (r.nextName().equals("export_cursor")) {
          return r.nextString();
        }
        r.skipValue();
      }
    }
    throw new ResponseDecodingException("the export's last line has no export_cursor", null, null);
  }
}
