package ma.hirfa.sdk.testkit.server;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks every request (and, in strict mode, every response) against the OpenAPI document that
 * defines its path (found by the {@link RouteTable}), so a client that drifts from the contract
 * fails its tests.
 */
public final class ContractValidator {
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
    return messages(routes.documentFor(e.path).validator().validateRequest(b.build()));
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
        out.add(m.getKey() + ": " + m.getMessage());
      }
    }
    return out;
  }
}
