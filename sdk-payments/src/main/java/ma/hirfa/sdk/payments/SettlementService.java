package ma.hirfa.sdk.payments;

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
import ma.hirfa.sdk.core.RequestOptions;
import ma.hirfa.sdk.core.ResponseDecodingException;
import ma.hirfa.sdk.core.internal.http.ApiRequest;
import ma.hirfa.sdk.core.internal.http.ClientRuntime;
import ma.hirfa.sdk.core.internal.http.NdjsonReader;
import ma.hirfa.sdk.core.internal.http.Operation;
import ma.hirfa.sdk.core.internal.http.Pagers;
import ma.hirfa.sdk.core.internal.json.NdjsonLine;
import ma.hirfa.sdk.core.internal.json.TypeRef;
import org.jspecify.annotations.Nullable;

/**
 * Daily settlement reports and their lines. From {@link PaymentsClient#settlements()}; {@code get}
 * and {@code list} return a {@code CompletableFuture} from {@link #async()}. The lines are a stream
 * and the auto-pager an iterator: both are read synchronously.
 */
public final class SettlementService {
  static final Operation LIST = Operation.get("listSettlements", "/v1/settlements");
  static final Operation GET = Operation.get("getSettlement", "/v1/settlements/{id}");
  static final Operation LINES =
      Operation.get("streamSettlementLines", "/v1/settlements/{id}/lines");

  static final TypeRef<Settlement> SETTLEMENT = TypeRef.of(Settlement.class);
  static final TypeRef<Page<Settlement>> PAGE = new TypeRef<Page<Settlement>>() {};

  private final ClientRuntime runtime;
  private final SettlementServiceAsync async;

  SettlementService(ClientRuntime runtime) {
    this.runtime = runtime;
    this.async = new SettlementServiceAsync(runtime);
  }

  /** {@code get} and {@code list}, returning a {@code CompletableFuture} instead of blocking. */
  public SettlementServiceAsync async() {
    return async;
  }

  public Settlement get(String id) {
    return get(id, RequestOptions.none());
  }

  /** Like {@link #get(String)}, with per-call options. */
  public Settlement get(String id, RequestOptions options) {
    return runtime.execute(getRequest(id, options), SETTLEMENT);
  }

  /**
   * One page of settlements (one per UTC day and currency), of one day with {@link
   * SettlementListParams.Builder#date} or of every day; the next page is at its {@link
   * Page#nextCursor()}.
   */
  public Page<Settlement> list(SettlementListParams params) {
    return list(params, RequestOptions.none());
  }

  /** Like {@link #list(SettlementListParams)}, with per-call options. */
  public Page<Settlement> list(SettlementListParams params, RequestOptions options) {
    return runtime.execute(listRequest(params, options), PAGE);
  }

  /** Every matching settlement, page by page as you iterate (synchronously). */
  public AutoPager<Settlement> listAutoPaging(SettlementListParams params) {
    return listAutoPaging(params, RequestOptions.none());
  }

  /** Like {@link #listAutoPaging(SettlementListParams)}; the options apply to each page's call. */
  public AutoPager<Settlement> listAutoPaging(SettlementListParams params, RequestOptions options) {
    PaymentChecks.required("params", params);
    PaymentChecks.required("options", options);
    return Pagers.autoPager(
        runtime, PAGE, params.cursor(), cursor -> listRequest(params, cursor, options));
  }

  static ApiRequest getRequest(String id, RequestOptions options) {
    return GET.request(settlementId(id))
        .options(PaymentChecks.required("options", options))
        .build();
  }

  static ApiRequest listRequest(SettlementListParams params, RequestOptions options) {
    PaymentChecks.required("params", params);
    return listRequest(params, params.cursor(), options);
  }

  private static ApiRequest listRequest(
      SettlementListParams p, @Nullable String cursor, RequestOptions options) {
    return LIST.request()
        .query("limit", p.limit())
        .query("date", p.date())
        .query("cursor", cursor)
        .options(PaymentChecks.required("options", options))
        .build();
  }

  /**
   * The settlement's lines, decoded one by one as they stream in: memory stays flat however many
   * lines the day had. Close the stream (try-with-resources) to release the connection.
   *
   * <p>A line longer than {@code ClientOptions.maxResponseBytes} ends the stream with a {@link
   * ResponseDecodingException} naming the limit, a line that does not arrive complete within {@code
   * ClientOptions.readTimeout} with a {@link ConnectionException}; the stream has no overall
   * deadline unless you give one with {@link #lines(String, RequestOptions)}.
   */
  public Stream<SettlementLine> lines(String id) {
    return lines(id, RequestOptions.none());
  }

  /**
   * Like {@link #lines(String)}; {@link RequestOptions#timeout()} is the deadline of the whole
   * stream (your work between lines included), past which reading throws {@link
   * ma.hirfa.sdk.core.CallTimeoutException}.
   */
  public Stream<SettlementLine> lines(String id, RequestOptions options) {
    PaymentChecks.required("options", options);
    NdjsonReader reader =
        NdjsonReader.open(
            runtime,
            LINES
                .request(settlementId(id))
                .header("Accept", "application/x-ndjson")
                .options(PaymentChecks.required("options", options))
                .build(),
            "the settlement stream");
    LineIterator it = new LineIterator(reader);
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(reader::close);
  }

  private static String settlementId(@Nullable String id) {
    return PaymentChecks.id("id", "st", "a settlement id like st_20261129MAD", id);
  }

  /**
   * One {@link SettlementLine} per non-blank line. A last line without its newline is decoded if it
   * is complete JSON; a cut inside it is a {@link ConnectionException}.
   */
  private static final class LineIterator implements Iterator<SettlementLine> {
    private static final TypeRef<SettlementLine> LINE = TypeRef.of(SettlementLine.class);
    private final NdjsonReader reader;
    private @Nullable SettlementLine next;
    private boolean done;

    LineIterator(NdjsonReader reader) {
      this.reader = reader;
    }

    @Override
    public boolean hasNext() {
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
        done = true;
        return false;
      }
      try {
        next = line.decode(LINE);
      } catch (ResponseDecodingException e) {
        done = true;
        reader.close();
        if (!line.terminated()) {
          throw new ConnectionException(
              "the settlement stream was cut inside line " + line.number(),
              reader.diagnostics(),
              true,
              e);
        }
        throw e;
      }
      return true;
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
  }
}
