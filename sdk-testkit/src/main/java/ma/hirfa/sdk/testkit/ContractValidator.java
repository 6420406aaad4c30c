package ma.hirfa.sdk.testkit;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * SandboxChecks every request (and, in strict mode, every response) against the OpenAPI documents
 * under {@code docs/openapi}, so a client that drifts from the contract fails its tests.
 */
final class ContractValidator {
  private static final List<String> MARKETPLACE_ROOTS =
      List.of("/v1/taxonomy", "/v1/artisans", "/v1/products", "/v1/orders", "/v1/fx_quotes");

  private static final String BATCH = "/v1/products/batch";

  private final OpenApiInteractionValidator payments;
  private final OpenApiInteractionValidator marketplace;

  ContractValidator() {
    this.payments =
        OpenApiInteractionValidator.createForInlineApiSpecification(read("payments.yaml")).build();
    this.marketplace =
        OpenApiInteractionValidator.createForInlineApiSpecification(read("marketplace.yaml"))
            .build();
  }

  /** The document that defines a path: the Marketplace API's roots, else the Payments API. */
  private OpenApiInteractionValidator documentFor(String path) {
    for (String root : MARKETPLACE_ROOTS) {
      if (path.startsWith(root)
          && (path.length() == root.length() || path.charAt(root.length()) == '/')) {
        return marketplace;
      }
    }
    return payments;
  }

  static String read(String document) {
    String resource = "/ma/hirfa/sdk/testkit/openapi/" + document;
    try (InputStream in = ContractValidator.class.getResourceAsStream(resource)) {
      return new String(
          Objects.requireNonNull(in, resource).readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The violations of a request, as {@code key: message} strings; empty when it conforms. */
  List<String> checkRequest(Exchange e) {
    SimpleRequest.Builder b = new SimpleRequest.Builder(e.method, e.path);
    e.headers.forEach(b::withHeader);
    for (Map.Entry<String, List<String>> q : e.query.entrySet()) {
      b.withQueryParam(q.getKey(), q.getValue());
    }
    if (e.body.length > 0) {
      b.withBody(e.body);
    }
    ValidationReport report = documentFor(e.path).validateRequest(b.build());
    if (e.method.equals("POST") && e.path.equals(BATCH)) {
      report = withoutItemViolations(report);
    }
    return messages(report);
  }

  /**
   * The contract types a batch's items as {@code ProductInput}, and says each item is checked on
   * its own: an item that breaks it fails alone, in its result, and the others are applied. So the
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
  List<String> checkResponse(Exchange e, Exchange.Response r) {
    SimpleResponse.Builder b = SimpleResponse.Builder.status(r.status());
    r.headers().forEach(b::withHeader);
    b.withContentType(r.contentType());
    if (r.body() != null) {
      b.withBody(r.body());
    }
    return messages(
        documentFor(e.path).validateResponse(e.path, Request.Method.valueOf(e.method), b.build()));
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
