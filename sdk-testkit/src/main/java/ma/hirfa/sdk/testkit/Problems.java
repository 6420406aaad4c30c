package ma.hirfa.sdk.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** RFC 9457 problem documents, as the platform sends them. */
final class Problems {
  private static final String BASE = "https://docs.hirfa.ma/problems/";

  private Problems() {}

  static Exchange.Response problem(int status, String code, String title, String detail) {
    ObjectNode p = Exchange.JSON.createObjectNode();
    p.put("type", BASE + code);
    p.put("title", title);
    p.put("status", status);
    p.put("detail", detail);
    p.put("code", code);
    Exchange.Response r = Exchange.Response.json(status, p);
    return new Exchange.Response(r.status(), r.headers(), r.body(), "application/problem+json");
  }

  static Exchange.Response badRequest(String code, String detail) {
    return problem(400, code, "Bad request", detail);
  }

  static Exchange.Response notFound(String what, String id) {
    return problem(404, "resource_missing", "Not found", "no " + what + " with id " + id);
  }

  static Exchange.Response conflict(String code, String detail) {
    return problem(409, code, "Conflict", detail);
  }

  /** A 422 validation problem naming each refused field. */
  static Exchange.Response invalid(FieldErrors errors) {
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
  static final class FieldErrors {
    interface Visitor {
      void visit(String field, String code, String message);
    }

    private final List<String[]> errors = new ArrayList<>();

    FieldErrors add(String field, String code, String message) {
      errors.add(new String[] {field, code, message});
      return this;
    }

    int size() {
      return errors.size();
    }

    void forEach(Visitor v) {
      for (String[] e : errors) {
        v.visit(e[0], e[1], e[2]);
      }
    }

    void throwIfAny() {
      if (!errors.isEmpty()) {
        throw new Exchange.ApiError(invalid(this));
      }
    }
  }
}
