package ma.hirfa.sdk.testkit.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The simulators' transition table is the payment diagram of {@code docs/state-machines.md}. */
class PaymentTransitionsTest {
  private static final Path DOC = Path.of("..", "docs", "state-machines.md");
  private static final Pattern EDGE =
      Pattern.compile("^\\s*(\\[\\*]|\\w+) --> (\\[\\*]|\\w+)(?::.*)?$", Pattern.MULTILINE);

  @Test
  void everyMoveOfEveryMethodIsDrawnInTheDiagram() throws IOException {
    Set<String> drawn = paymentEdges();

    for (PaymentTransitions.Transition t : PaymentTransitions.TABLE) {
      assertThat(drawn).as("%s: %s", t.method(), t.trigger()).contains(t.from() + " -> " + t.to());
    }
  }

  @Test
  void everyDrawnMoveIsMadeBySomeMethodExceptThroughProcessing() throws IOException {
    Set<String> made = new TreeSet<>();
    PaymentTransitions.TABLE.forEach(t -> made.add(t.from() + " -> " + t.to()));
    Set<String> notMade = new TreeSet<>(paymentEdges());
    notMade.removeAll(made);
    notMade.removeIf(e -> e.endsWith("-> [*]")); // final states, not moves

    assertThat(notMade)
        .containsExactlyInAnyOrder(
            "requires_action -> processing", "processing -> succeeded", "processing -> failed");
  }

  @Test
  void eachMethodCanReachEveryOutcome() {
    for (String method : Set.of("card", "mobile_wallet", "qr", "cash_voucher")) {
      Set<String> reached = new TreeSet<>();
      PaymentTransitions.TABLE.stream()
          .filter(t -> t.method().equals(method))
          .forEach(t -> reached.add(t.to()));
      assertThat(reached)
          .as(method)
          .contains("succeeded", "failed", "canceled", "authorized", "requires_action");
    }
  }

  @Test
  void aMoveOutsideTheTableFailsInTheSandbox() {
    Payment p = new Payment();
    p.methodType = "qr";

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> p.move("succeeded", java.time.Instant.EPOCH))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot move from [*] to succeeded");
  }

  private static Set<String> paymentEdges() throws IOException {
    String doc = Files.readString(DOC);
    int start = doc.indexOf("## Payment");
    String block =
        doc.substring(
            doc.indexOf("```mermaid", start),
            doc.indexOf("```\n", doc.indexOf("```mermaid", start) + 3));
    Set<String> edges = new LinkedHashSet<>();
    Matcher m = EDGE.matcher(block);
    while (m.find()) {
      edges.add(m.group(1) + " -> " + m.group(2));
    }
    assertThat(edges).as("edges of the Payment diagram").isNotEmpty();
    return edges;
  }
}
