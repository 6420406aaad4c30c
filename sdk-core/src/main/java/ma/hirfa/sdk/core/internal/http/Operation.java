package ma.hirfa.sdk.core.internal.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One operation of an API contract: its {@code operationId}, HTTP method and path template, as the
 * OpenAPI documents under {@code docs/openapi} name them. Each service declares its operations as
 * constants and builds every request from one, so logs, metrics and traces name calls by operation
 * and template (bounded values) rather than by a path full of ids, and a conformance test can match
 * the SDK's operations to the contract's.
 *
 * <pre>{@code
 * static final Operation GET = Operation.get("getPayment", "/v1/payments/{id}");
 * ApiRequest request = GET.request(id).options(options).build();
 * }</pre>
 */
public record Operation(String id, String method, String template) {
  public Operation {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(method, "method == null");
    if (!template.startsWith("/")) {
      throw new IllegalArgumentException("template must start with / but was " + template);
    }
  }

  public static Operation get(String id, String template) {
    return new Operation(id, "GET", template);
  }

  public static Operation post(String id, String template) {
    return new Operation(id, "POST", template);
  }

  public static Operation put(String id, String template) {
    return new Operation(id, "PUT", template);
  }

  public static Operation patch(String id, String template) {
    return new Operation(id, "PATCH", template);
  }

  public static Operation delete(String id, String template) {
    return new Operation(id, "DELETE", template);
  }

  /**
   * A request for this operation, the template's {@code {placeholders}} filled in order with {@code
   * pathParams} (encoded by the runtime).
   *
   * @throws IllegalArgumentException if the number of parameters does not match the template
   */
  public ApiRequest.Builder request(String... pathParams) {
    return new ApiRequest.Builder(this, segments(pathParams));
  }

  private List<String> segments(String... params) {
    List<String> out = new ArrayList<>();
    int next = 0;
    for (String part : template.substring(1).split("/", -1)) {
      if (part.startsWith("{") && part.endsWith("}")) {
        if (next == params.length) {
          throw new IllegalArgumentException(id + ": no value for " + part);
        }
        out.add(Objects.requireNonNull(params[next++], part + " == null"));
      } else {
        out.add(part);
      }
    }
    if (next != params.length) {
      throw new IllegalArgumentException(
          id + ": " + params.length + " path parameters for " + template);
    }
    return out;
  }
}
