package ma.hirfa.sdk.testkit.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A request as the sandbox's handlers see it, and the response they build. */
public final class Exchange {
  public static final ObjectMapper JSON = new ObjectMapper();

  public final String method;
  public final String path;

  /** The query string as sent, without {@code ?} (empty when none). */
  public final String rawQuery;

  public final Map<String, List<String>> query;
  public final Map<String, String> headers;
  public final byte[] body;
  public final String requestId;

  public Exchange(
      String method,
      String path,
      String rawQuery,
      Map<String, List<String>> query,
      Map<String, String> headers,
      byte[] body,
      String requestId) {
    this.method = method;
    this.path = path;
    this.rawQuery = rawQuery;
    this.query = query;
    this.headers = headers;
    this.body = body;
    this.requestId = requestId;
  }

  /** A header by name (any case), or null. */
  public @Nullable String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  /** A query parameter's first value, or null. */
  public @Nullable String queryParam(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The body parsed as a JSON object; an empty body is an empty object. */
  public ObjectNode jsonBody() {
    if (body.length == 0) {
      return JSON.createObjectNode();
    }
    try {
      JsonNode node = JSON.readTree(body);
      if (node instanceof ObjectNode o) {
        return o;
      }
    } catch (java.io.IOException e) {
      throw new ApiError(Problems.badRequest("malformed_json", "the body is not valid JSON"));
    }
    throw new ApiError(Problems.badRequest("malformed_json", "the body must be a JSON object"));
  }

  /**
   * A streamed body, pulled chunk by chunk as the connection takes it, so no more than a chunk is
   * ever held in memory. A response holds a supplier of them: each read of the body starts afresh.
   */
  public interface StreamBody {
    /** The next chunk, or null at the end. */
    byte @Nullable [] next();
  }

  /** A response: status, headers and a JSON body, a streamed body, or none. */
  public record Response(
      int status,
      Map<String, String> headers,
      byte @Nullable [] body,
      String contentType,
      java.util.function.@Nullable Supplier<StreamBody> stream) {
    public Response(
        int status, Map<String, String> headers, byte @Nullable [] body, String contentType) {
      this(status, headers, body, contentType, null);
    }

    public static Response json(int status, JsonNode body) {
      try {
        return new Response(
            status, new LinkedHashMap<>(), JSON.writeValueAsBytes(body), "application/json");
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }

    public static Response empty(int status) {
      return new Response(status, new LinkedHashMap<>(), null, "application/json");
    }

    public Response header(String name, String value) {
      headers.put(name, value);
      return this;
    }
  }

  /** Thrown by handlers to answer with a problem document. */
  public static final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    public final transient Response response;

    public ApiError(Response response) {
      super(null, null, false, false);
      this.response = response;
    }
  }

  /**
   * A request from its method, its URL ({@code /v1/payments?limit=5}: the path and the raw query,
   * decoded into parameters), its headers (names in lower case), body and the id it is given.
   */
  public static Exchange parse(
      String method, String url, Map<String, String> headers, byte[] body, String requestId) {
    int q = url.indexOf('?');
    String path = q < 0 ? url : url.substring(0, q);
    String rawQuery = q < 0 ? "" : url.substring(q + 1);
    Map<String, List<String>> query = new LinkedHashMap<>();
    int start = 0;
    while (start <= rawQuery.length() && !rawQuery.isEmpty()) {
      int amp = rawQuery.indexOf('&', start);
      int end = amp < 0 ? rawQuery.length() : amp;
      String pair = rawQuery.substring(start, end);
      start = end + 1;
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return new Exchange(method, path, rawQuery, query, headers, body, requestId);
  }
}
