package ma.hirfa.sdk.payments;

import com.squareup.moshi.JsonAdapter;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import ma.hirfa.sdk.core.AutoPager;
import ma.hirfa.sdk.core.ConnectionException;
import ma.hirfa.sdk.core.Page;
import ma.hirfa.sdk.core.ResponseDecodingException;
import ma.hirfa.sdk.core.internal.ApiRequest;
import ma.hirfa.sdk.core.internal.ApiResponse;
import ma.hirfa.sdk.core.internal.ClientRuntime;
import ma.hirfa.sdk.core.internal.Pagers;
import ma.hirfa.sdk.core.internal.TypeRef;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/** Daily settlement reports and their lines. From {@link PaymentsClient#settlements()}. */
public final class SettlementService {
  private static final TypeRef<Settlement> SETTLEMENT = TypeRef.of(Settlement.class);
  private static final TypeRef<Page<Settlement>> PAGE = new TypeRef<Page<Settlement>>() {};

  private final ClientRuntime runtime;

  SettlementService(ClientRuntime runtime) {
    this.runtime = runtime;
  }

  public Settlement get(String id) {
    return runtime.execute(
        ApiRequest.get("v1", "settlements", settlementId(id)).build(), SETTLEMENT);
  }

  /** The settlements of one day (one per currency). */
  public AutoPager<Settlement> forDate(LocalDate date) {
    Objects.requireNonNull(date, "date == null");
    return Pagers.autoPager(
        runtime,
        PAGE,
        cursor ->
            ApiRequest.get("v1", "settlements")
                .query("date", date)
                .query("limit", 100)
                .query("cursor", cursor)
                .build());
  }

  /**
   * The settlement's lines, decoded one by one as they stream in: memory stays flat however many
   * lines the day had. Close the stream (try-with-resources) to release the connection.
   */
  public Stream<SettlementLine> lines(String id) {
    ApiResponse response =
        runtime.stream(
            ApiRequest.get("v1", "settlements", settlementId(id), "lines")
                .header("Accept", "application/x-ndjson")
                .build());
    LineIterator it = new LineIterator(response, runtime.json().adapter(SettlementLine.class));
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(response::close);
  }

  private static String settlementId(@Nullable String id) {
    return Checks.id("id", "st", "a settlement id like st_20261129MAD", id);
  }

  /** Reads NDJSON: one {@link SettlementLine} per non-empty line. */
  private static final class LineIterator implements Iterator<SettlementLine> {
    private final ApiResponse response;
    private final BufferedSource source;
    private final JsonAdapter<SettlementLine> adapter;
    private @Nullable SettlementLine next;
    private boolean done;

    LineIterator(ApiResponse response, JsonAdapter<SettlementLine> adapter) {
      this.response = response;
      this.source = response.source();
      this.adapter = adapter;
    }

    @Override
    public boolean hasNext() {
      if (next != null) {
        return true;
      }
      if (done) {
        return false;
      }
      try {
        String line;
        do {
          line = source.readUtf8Line();
        } while (line != null && line.isBlank());
        if (line == null) {
          done = true;
          response.close();
          return false;
        }
        next = adapter.fromJson(line);
        return next != null;
      } catch (IOException e) {
        response.close();
        if (e instanceof com.squareup.moshi.JsonEncodingException) {
          throw new ResponseDecodingException("a settlement line is not valid JSON", null, e);
        }
        throw new ConnectionException(
            "the settlement stream was cut", diagnosticsOf(response), true, e);
      } catch (RuntimeException e) {
        response.close();
        throw new ResponseDecodingException(
            "could not decode a settlement line: " + e.getMessage(), null, e);
      }
    }

    @Override
    public SettlementLine next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      SettlementLine line = Objects.requireNonNull(next);
      next = null;
      return line;
    }

    private static ma.hirfa.sdk.core.CallDiagnostics diagnosticsOf(ApiResponse r) {
      return new ma.hirfa.sdk.core.CallDiagnostics(
          "GET", "/v1/settlements/.../lines", r.status(), null, r.requestId(), null, r.attempts());
    }
  }
}
