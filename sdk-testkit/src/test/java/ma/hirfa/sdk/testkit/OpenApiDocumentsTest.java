package ma.hirfa.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The contract documents parse with a real OpenAPI parser, without an error or a warning. */
class OpenApiDocumentsTest {
  @ParameterizedTest
  @ValueSource(strings = {"payments.yaml", "marketplace.yaml"})
  void documentParsesCleanly(String document) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setValidateInternalRefs(true);
    SwaggerParseResult result =
        new OpenAPIParser()
            .readContents(
                ma.hirfa.sdk.testkit.server.OpenApiContract.read(document), null, options);

    assertThat(result.getMessages()).isEmpty();
    assertThat(result.getOpenAPI()).isNotNull();
    assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.0.3");
    assertThat(result.getOpenAPI().getInfo().getDescription())
        .contains("This contract is the Hirfa project's own");
  }
}
