package ma.hirfa.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The JUnit extension takes a fixed instant and a seed from {@link HirfaSandbox}. */
@ExtendWith(HirfaSandboxExtension.class)
@HirfaSandbox(instant = "2026-11-02T09:00:00Z", seed = 42, catalogSize = 120)
class HirfaSandboxExtensionTest {
  @Test
  void theSandboxClockIsFixedAtTheAnnotatedInstantAndMovesOnlyWhenAdvanced(Sandbox sandbox)
      throws InterruptedException {
    Instant first = sandbox.clock().instant();
    Thread.sleep(20);

    assertThat(sandbox.clock().instant()).isEqualTo(first);
    sandbox.clock().advance(Duration.ofHours(1));
    assertThat(sandbox.clock().instant()).isEqualTo(first.plus(Duration.ofHours(1)));
    assertThat(first).isAfterOrEqualTo(Instant.parse("2026-11-02T09:00:00Z"));
  }

  @Test
  void theSandboxHasTheAnnotatedSeedAndCatalogSize(Sandbox sandbox) {
    assertThat(sandbox.apiKey()).isEqualTo("sk_test_sandbox2akey");
    assertThat(sandbox.catalog().productCount()).isEqualTo(120);
  }
}
