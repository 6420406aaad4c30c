package ma.hirfa.sdk.testkit.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** RFC 9457 problem documents, as the platform sends them. */
public final class Problems {
  private static final String BASE = "https://docs.hirfa.ma/problems/";

  private Problems() {}

  public static Exchange.Response problem(int status, String code, String title, String detail) {
    ObjectNode p = Exchange.JSON.createObjectNode();
    p.put("type", BASE + code);
    p.put("title", title);
    p.put("status", status);
    p.put("detail", detail);
    p.put("code", code);
    Exchange.Response r = Exchange.Response.json(status, p);
    return new Exchange.Response(r.status(), r.headers(), r.body(), "application/problem+json");
  }

  public static Exchange.Response badRequest(String code, String detail) {
    return problem(400, code, "Bad request", detail);
  }

  public static Exchange.Response notFound(String what, String id) {
    return problem(404, "resource_missing", "Not found", "no " + what + " with id " + id);
  }

  public static Exchange.Response conflict(String code, String detail) {
    return problem(409, code, "Conflict", detail);
  }

  /** A 422 validation problem naming each refused field. */
  public static Exchange.Response invalid(FieldErrors errors) {
    ObjectNode p = Exchange.JSON.createObjectNode();
    p.put("type", BASE + "validation");
    p.put("title", "Invalid request");
    p.put("status", 422);
    p.put("detail", errors.size() + " field(s) refused");
    p.put("code", "validation_failed");
    ArrayNode list = p.putArray("errors");
    errors.forEach(
        (field, code, message) ->
            list.addObject().put("field", field).put("code", code).put("message", message));
    Exchange.Response r = Exchange.Response.json(422, p);
    return new Exchange.Response(422, r.headers(), r.body(), "application/problem+json");
  }

  /** Collects field errors; {@link #throwIfAny()} answers 422 when there are some. */
  public static final class FieldErrors {
    public interface Visitor {
      void visit(String field, String code, String message);
    }

    private final List<String[]> errors = new ArrayList<>();

    public FieldErrors add(String field, String code, String message) {
      errors.add(new String[] {field, code, message});
      return this;
    }

    public int size() {
      return errors.size();
    }

    public void forEach(Visitor v) {
      for (String[] e : errors) {
        v.visit(e[0], e[1], e[2]);
      }
    }

    public void throwIfAny() {
      if (!errors.isEmpty()) {
        throw new Exchange.ApiError(invalid(this));
      }
    }
  }

  /** A 400 {@code contract_violation} listing each violation as a field error. */
  public static Exchange.Response contractViolation(List<String> violations) {
    Exchange.Response r =
        problem(
            400,
            "contract_violation",
            "The request breaks the API contract",
            String.join("; ", violations));
    try {
      ObjectNode body = (ObjectNode) Exchange.JSON.readTree(r.body());
      ArrayNode errors = body.putArray("errors");
      for (String v : violations) {
        int colon = v.indexOf(':');
        errors
            .addObject()
            .put("field", v.substring(0, Math.max(colon, 0)))
            .put("code", "contract_violation")
            .put("message", v);
      }
      return new Exchange.Response(
          400, r.headers(), Exchange.JSON.writeValueAsBytes(body), r.contentType());
    } catch (java.io.IOException ex) {
      throw new IllegalStateException(ex);
    }
  }

  /** Problem documents name the request, so a partner can quote it from the body alone. */
  public static byte[] withRequestId(Exchange.Response r, String requestId) {
    byte[] body = Objects.requireNonNull(r.body());
    if (!r.contentType().equals("application/problem+json")) {
      return body;
    }
    try {
      ObjectNode problem = (ObjectNode) Exchange.JSON.readTree(body);
      if (!problem.has("request_id")) {
        problem.put("request_id", requestId);
      }
      return Exchange.JSON.writeValueAsBytes(problem);
    } catch (java.io.IOException | ClassCastException ex) {
      return body;
    }
  }
}
