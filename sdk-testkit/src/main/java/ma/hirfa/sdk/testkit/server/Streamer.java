package ma.hirfa.sdk.testkit.server;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Hands streamed bodies (the catalog export) to WireMock as a lazily pulled input stream, so a
 * million-product export never sits in memory. The router registers a stream under the response's
 * {@code Request-Id}; this transformer, which runs after it, swaps it in. WireMock reads a body
 * twice (a bounded prefix for its log, then the whole for the wire), so each read starts afresh.
 */
public final class Streamer implements ResponseTransformerV2 {
  public static final String NAME = "hirfa-stream";
  private final Map<String, Supplier<Exchange.StreamBody>> pending = new ConcurrentHashMap<>();

  public void register(String requestId, Supplier<Exchange.StreamBody> body) {
    pending.put(requestId, body);
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return true;
  }

  @Override
  public Response transform(Response response, ServeEvent serveEvent) {
    var header = response.getHeaders().getHeader("Request-Id");
    Supplier<Exchange.StreamBody> body =
        header.isPresent() ? pending.remove(header.firstValue()) : null;
    if (body == null) {
      return response;
    }
    return Response.Builder.like(response).but().body(() -> new ChunkStream(body.get())).build();
  }

  /** An input stream over a {@link Exchange.StreamBody}'s chunks. */
  private static final class ChunkStream extends InputStream {
    private final Exchange.StreamBody body;
    private byte @Nullable [] chunk = new byte[0];
    private int at;

    ChunkStream(Exchange.StreamBody body) {
      this.body = body;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      while (chunk != null && at == chunk.length) {
        chunk = body.next();
        at = 0;
      }
      if (chunk == null) {
        return -1;
      }
      int n = Math.min(len, chunk.length - at);
      System.arraycopy(chunk, at, b, off, n);
      at += n;
      return n;
    }
  }
}
