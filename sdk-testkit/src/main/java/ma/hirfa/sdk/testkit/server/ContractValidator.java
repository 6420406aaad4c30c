package ma.hirfa.sdk.testkit.server;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Checks every request (and, in strict mode, every response) against the OpenAPI document that
 * defines its path (found by the {@link RouteTable}), so a client that drifts from the contract
 * fails its tests.
 */
public final class ContractValidator {
  private static final String BATCH = "/v1/products/batch";

  private final RouteTable routes;

  /** Checks against the documents the route table was built from. */
  public ContractValidator(RouteTable routes) {
    this.routes = routes;
  }

  /** The violations of a request, as {@code key: message} strings; empty when it conforms. */
  public List<String> checkRequest(Exchange e) {
    SimpleRequest.Builder b = new SimpleRequest.Builder(e.method, e.path);
    e.headers.forEach(b::withHeader);
    for (Map.Entry<String, List<String>> q : e.query.entrySet()) {
      b.withQueryParam(q.getKey(), q.getValue());
    }
    if (e.body.length > 0) {
      b.withBody(e.body);
    }
    ValidationReport report = routes.documentFor(e.path).validator().validateRequest(b.build());
    if (e.method.equals("POST") && e.path.equals(BATCH)) {
      report = withoutItemViolations(report);
    }
    return messages(report);
  }

  /**
   * The contract types a batch's items as product inputs, and says each item is checked on its own:
   * an item that breaks it fails alone, in its result, and the others are applied. So the
   * whole-request check leaves the items to the handler.
   */
  private static ValidationReport withoutItemViolations(ValidationReport report) {
    List<ValidationReport.Message> kept = new ArrayList<>();
    for (ValidationReport.Message m : report.getMessages()) {
      String pointer =
          m.getContext()
              .flatMap(ValidationReport.MessageContext::getPointers)
              .map(ValidationReport.MessageContext.Pointers::getInstance)
              .orElse("");
      if (!pointer.startsWith("/items/")) {
        kept.add(m);
      }
    }
    return ValidationReport.from(kept);
  }

  /** The violations of a response to a request; used by the sandbox's strict mode. */
  public List<String> checkResponse(Exchange e, Exchange.Response r) {
    SimpleResponse.Builder b = SimpleResponse.Builder.status(r.status());
    r.headers().forEach(b::withHeader);
    b.withContentType(r.contentType());
    if (r.body() != null) {
      b.withBody(r.body());
    }
    return messages(
        routes
            .documentFor(e.path)
            .validator()
            .validateResponse(e.path, Request.Method.valueOf(e.method), b.build()));
  }

  private static List<String> messages(ValidationReport report) {
    List<String> out = new ArrayList<>();
    for (ValidationReport.Message m : report.getMessages()) {
      if (m.getLevel() == ValidationReport.Level.ERROR) {
        out.add(fieldOf(m) + ": " + m.getMessage());
      }
    }
    return out;
  }

  private static final Pattern MISSING =
      Pattern.compile("missing required properties \\(\\[(.*?)]\\)");

  /**
   * The field a violation is about, named as the API names fields in its problems ({@code
   * amount.amount_minor}, {@code items[2].sku}, a parameter's or header's name), never the
   * validator's rule: a missing member is named itself, not the object that lacks it.
   */
  static String fieldOf(ValidationReport.Message m) {
    ValidationReport.@Nullable MessageContext context = m.getContext().orElse(null);
    if (context == null) {
      return "request";
    }
    if (context.getParameter().isPresent()) {
      return context.getParameter().get().getName();
    }
    String pointer =
        context.getPointers().map(ValidationReport.MessageContext.Pointers::getInstance).orElse("");
    StringBuilder field = new StringBuilder();
    for (String token : pointer.split("/")) {
      if (token.isEmpty()) {
        continue;
      }
      String name = token.replace("~1", "/").replace("~0", "~");
      if (name.chars().allMatch(Character::isDigit)) {
        field.append('[').append(name).append(']');
      } else {
        field.append(field.length() == 0 ? "" : ".").append(name);
      }
    }
    Matcher missing = MISSING.matcher(m.getMessage());
    if (missing.find()) {
      String first = missing.group(1).split(",")[0].replace("\"", "").trim();
      field.append(field.length() == 0 ? "" : ".").append(first);
    }
    if (field.length() > 0) {
      return field.toString();
    }
    return m.getKey().contains(".body") ? "body" : "request";
  }
}
