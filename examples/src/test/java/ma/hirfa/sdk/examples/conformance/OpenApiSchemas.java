package ma.hirfa.sdk.examples.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates JSON against a schema of a contract with an implementation that is neither the SDK's
 * nor the sandbox's: networknt's JSON Schema validator in its OpenAPI 3.0 dialect ({@code
 * nullable}, {@code example} and {@code x-} extensions understood), where the sandbox checks itself
 * with Atlassian's swagger-request-validator. A schema is named by its JSON pointer in the
 * document, so inline schemas (a request body, a response's media type) are validated in place and
 * their {@code $ref}s resolve within the document.
 */
final class OpenApiSchemas {
  private static final String BASE = "https://contract.hirfa.test/";
  private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(
          SpecVersion.VersionFlag.V4,
          b ->
              b.metaSchema(OpenApi30.getInstance())
                  .defaultMetaSchemaIri(OpenApi30.getInstance().getIri())
                  .schemaLoaders(
                      l ->
                          l.schemas(
                              (String iri) ->
                                  iri.startsWith(BASE)
                                      ? Contract.load(iri.substring(BASE.length())).root.toString()
                                      : null)));
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder()
          .nullableKeywordEnabled(true)
          .formatAssertionsEnabled(true)
          .build();

  private OpenApiSchemas() {}

  /**
   * The violations of {@code instance} against the schema at {@code pointer} (like {@code
   * /components/schemas/Payment}) in {@code contract}; empty when it conforms.
   */
  static List<String> violations(Contract contract, String pointer, JsonNode instance) {
    JsonSchema schema =
        CACHE.computeIfAbsent(
            contract.name + "#" + pointer,
            k ->
                FACTORY.getSchema(SchemaLocation.of(BASE + contract.name + "#" + pointer), CONFIG));
    List<String> out = new ArrayList<>();
    for (ValidationMessage m : schema.validate(instance)) {
      out.add(m.getMessage());
    }
    return out;
  }

  /**
   * A JSON pointer's escaping of one step ({@code application/json} is {@code application~1json}).
   */
  static String step(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
