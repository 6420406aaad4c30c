package ma.hirfa.sdk.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelStringsTest {
  public record Plain(String name, int count, List<String> tags) {}

  public record Note(String text, Map<String, String> metadata) {}

  @Test
  void theFormatIsTheRecordsOwn() {
    Plain p = new Plain("kilim", 3, List.of("wool"));

    assertThat(ModelStrings.of(p))
        .isEqualTo(p.toString())
        .isEqualTo("Plain[name=kilim, count=3, tags=[wool]]");
  }

  @Test
  void phoneCardAndRibAreRedactedInEveryComponent() {
    Note n =
        new Note(
            "call 0612345678 or pay with 4242424242424242",
            Map.of("rib", "011519000001205000534921"));

    assertThat(ModelStrings.of(n))
        .doesNotContain("0612345678")
        .doesNotContain("424242424242")
        .doesNotContain("011519000001205000534921")
        .startsWith("Note[text=call ");
  }
}
