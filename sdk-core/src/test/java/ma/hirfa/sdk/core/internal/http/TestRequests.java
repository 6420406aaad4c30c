package ma.hirfa.sdk.core.internal.http;

/**
 * Requests to any path of a scripted server, for the engine's tests: each is built from an {@link
 * Operation} named after its method and path, as the services build theirs from contract
 * operations.
 */
final class TestRequests {
  private TestRequests() {}

  static ApiRequest.Builder get(String... segments) {
    return request("GET", segments);
  }

  static ApiRequest.Builder post(String... segments) {
    return request("POST", segments);
  }

  static ApiRequest.Builder put(String... segments) {
    return request("PUT", segments);
  }

  static ApiRequest.Builder patch(String... segments) {
    return request("PATCH", segments);
  }

  static ApiRequest.Builder delete(String... segments) {
    return request("DELETE", segments);
  }

  private static ApiRequest.Builder request(String method, String... segments) {
    String template = "/" + String.join("/", segments);
    return new Operation(method + " " + template, method, template).request();
  }
}
