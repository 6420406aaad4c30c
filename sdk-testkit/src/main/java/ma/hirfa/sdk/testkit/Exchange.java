package ma.hirfa.sdk.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A request as the sandbox's handlers see it, and the response they build. */
final class Exchange {
  static final ObjectMapper JSON = new ObjectMapper();

  final String method;
  final String path;
  final Map<String, List<String>> query;
  final Map<String, String> headers;
  final byte[] body;
  final String requestId;

  Exchange(
      String method,
      String path,
      Map<String, List<String>> query,
      Map<String, String> headers,
      byte[] body,
      String requestId) {
    this.method = method;
    this.path = path;
    this.query = query;
    this.headers = headers;
    this.body = body;
    this.requestId = requestId;
  }

  @Nullable String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  @Nullable String queryParam(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The body parsed as a JSON object; an empty body is an empty object. */
  ObjectNode jsonBody() {
    if (body.length == 0) {
      return JSON.createObjectNode();
    }
    try {
      JsonNode node = JSON.readTree(body);
      if (node instanceof ObjectNode o) {
        return o;
      }
    } catch (IOException e) {
      throw new ApiError(Problems.badRequest("malformed_json", "the body is not valid JSON"));
    }
    throw new ApiError(Problems.badRequest("malformed_json", "the body must be a JSON object"));
  }

  /**
   * A streamed body, pulled chunk by chunk as the connection takes it, so no more than a chunk is
   * ever held in memory. A response holds a supplier of them: each read of the body starts afresh.
   */
  interface StreamBody {
    /** The next chunk, or null at the end. */
    byte @Nullable [] next();
  }

  /** A response: status, headers and a JSON body, a streamed body, or none. */
  record Response(
      int status,
      Map<String, String> headers,
      byte @Nullable [] body,
      String contentType,
      java.util.function.@Nullable Supplier<StreamBody> stream) {
    Response(int status, Map<String, String> headers, byte @Nullable [] body, String contentType) {
      this(status, headers, body, contentType, null);
    }

    static Response json(int status, JsonNode body) {
      try {
        return new Response(
            status, new LinkedHashMap<>(), JSON.writeValueAsBytes(body), "application/json");
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }

    static Response empty(int status) {
      return new Response(status, new LinkedHashMap<>(), null, "application/json");
    }

    Response header(String name, String value) {
      headers.put(name, value);
      return this;
    }
  }

  /** Thrown by handlers to answer with a problem document. */
  static final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Response response;

    ApiError(Response response) {
      super(null, null, false, false);
      this.response = response;
    }
  }
}
