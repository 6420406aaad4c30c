package ma.hirfa.sdk.testkit.server;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.util.OpenApiLoader;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The two OpenAPI documents under {@code docs/openapi}, each parsed once: the parsed model gives
 * the route table its operations and the validator its schemas, so the sandbox's routes and its
 * checks can never disagree with the contract (or with each other).
 */
public final class OpenApiContract {
  /** One document: its name, its parsed model and the validator built on that model. */
  public record Document(String name, OpenAPI api, OpenApiInteractionValidator validator) {}

  private static volatile @Nullable OpenApiContract shared;

  private final List<Document> documents;

  /**
   * The contract parsed once per class loader and shared by every sandbox (the parsed documents and
   * the validators are immutable): the second sandbox of a test run starts without parsing.
   */
  public static OpenApiContract shared() {
    OpenApiContract c = shared;
    if (c == null) {
      synchronized (OpenApiContract.class) {
        c = shared;
        if (c == null) {
          c = new OpenApiContract();
          shared = c;
        }
      }
    }
    return c;
  }

  /** Loads {@code marketplace.yaml} and {@code payments.yaml} (the default document last). */
  public OpenApiContract() {
    this.documents = List.of(load("marketplace.yaml"), load("payments.yaml"));
  }

  /** The documents, the one answering for paths no document defines last. */
  public List<Document> documents() {
    return documents;
  }

  /**
   * The operations of {@code document} ({@code marketplace.yaml} or {@code payments.yaml}) as the
   * parsed contract declares them, for tests that check an SDK against the contract rather than
   * against its own constants: {@code operationId} to {@code "METHOD /path/{template}"}, sorted by
   * operationId.
   *
   * @throws IllegalArgumentException if no document has that name
   */
  public static Map<String, String> operations(String document) {
    for (Document d : shared().documents()) {
      if (d.name().equals(document)) {
        Map<String, String> out = new TreeMap<>();
        d.api()
            .getPaths()
            .forEach(
                (path, item) ->
                    item.readOperationsMap()
                        .forEach(
                            (method, op) -> out.put(op.getOperationId(), method + " " + path)));
        return out;
      }
    }
    throw new IllegalArgumentException("no contract document named " + document);
  }

  private static Document load(String name) {
    // The validator's own loader and parse options, so its checks are those it would make alone.
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    options.setResolveCombinators(false);
    OpenAPI api =
        new OpenApiLoader()
            .loadApi(OpenApiInteractionValidator.SpecSource.inline(read(name)), List.of(), options);
    return new Document(name, api, OpenApiInteractionValidator.createFor(api).build());
  }

  /** A document's text, from the copy of {@code docs/openapi} the testkit jar carries. */
  public static String read(String document) {
    String resource = "/ma/hirfa/sdk/testkit/openapi/" + document;
    try (InputStream in = OpenApiContract.class.getResourceAsStream(resource)) {
      return new String(
          Objects.requireNonNull(in, resource).readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
