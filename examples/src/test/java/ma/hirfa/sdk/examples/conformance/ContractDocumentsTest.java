package ma.hirfa.sdk.examples.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The two documents share one {@code Money}, one {@code Problem}, the error responses and the
 * common headers: each document marks them with {@code # --- shared with ...} and {@code # --- this
 * document's own ---} comments, and what one marks shared the other marks shared too, with exactly
 * the same definition (compared as parsed trees). A generated client of either document thus has
 * the same types for them.
 */
class ContractDocumentsTest {
  private static final Pattern SHARED = Pattern.compile("^    # --- shared with .*$");
  private static final Pattern OWN = Pattern.compile("^    # --- this document's own ---$");
  private static final Pattern SECTION = Pattern.compile("^  ([a-zA-Z]+):\\s*$");
  private static final Pattern NAME = Pattern.compile("^    ([A-Za-z0-9_-]+):.*$");

  @Test
  void whatOneDocumentSharesTheOtherHasIdentically() throws IOException {
    Map<String, List<String>> payments = shared("payments.yaml");
    Map<String, List<String>> marketplace = shared("marketplace.yaml");
    assertThat(marketplace).as("the shared components, by section").isEqualTo(payments);
    Contract p = Contract.load("payments.yaml");
    Contract m = Contract.load("marketplace.yaml");
    List<String> differ = new ArrayList<>();
    payments.forEach(
        (section, names) -> {
          for (String name : names) {
            JsonNode a = p.root.path("components").path(section).path(name);
            JsonNode b = m.root.path("components").path(section).path(name);
            if (a.isMissingNode() || !a.equals(b)) {
              differ.add(section + "/" + name);
            }
          }
        });
    assertThat(differ).as("shared components that differ").isEmpty();
    assertThat(payments.getOrDefault("schemas", List.of()))
        .contains("Money", "Problem", "FieldError");
  }

  /** The names each shared block of a document's components holds, by section, sorted. */
  static Map<String, List<String>> shared(String document) throws IOException {
    List<String> lines =
        Files.readAllLines(Contract.ROOT.resolve("docs/openapi").resolve(document));
    Map<String, TreeSet<String>> out = new LinkedHashMap<>();
    String section = null;
    boolean inShared = false;
    boolean inComponents = false;
    for (String line : lines) {
      if (!line.startsWith(" ") && !line.isBlank()) {
        inComponents = line.startsWith("components:");
        inShared = false;
        continue;
      }
      if (!inComponents) {
        continue;
      }
      Matcher s = SECTION.matcher(line);
      if (s.matches()) {
        section = s.group(1);
        inShared = false;
      } else if (SHARED.matcher(line).matches()) {
        inShared = true;
      } else if (OWN.matcher(line).matches()) {
        inShared = false;
      } else if (inShared && section != null) {
        Matcher n = NAME.matcher(line);
        if (n.matches()) {
          out.computeIfAbsent(section, k -> new TreeSet<>()).add(n.group(1));
        }
      }
    }
    Map<String, List<String>> sorted = new LinkedHashMap<>();
    out.forEach((k, v) -> sorted.put(k, List.copyOf(v)));
    return sorted;
  }
}
