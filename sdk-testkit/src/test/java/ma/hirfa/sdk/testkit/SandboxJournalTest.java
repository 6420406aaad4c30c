package ma.hirfa.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import ma.hirfa.sdk.core.ValidationException;
import org.junit.jupiter.api.Test;

/** The request journal: what a partner's test sent, bounded, with secrets masked. */
class SandboxJournalTest {
  @Test
  void aRequestIsRecordedWithItsIdempotencyKeyAttemptBodyAndStatus() {
    try (Sandbox sandbox = Sandbox.start()) {
      Http http = new Http(sandbox);
      http.post(
          "/v1/payments",
          Http.card("4242424242424242", "ORD-j1"),
          "Idempotency-Key",
          "key-j1",
          "Hirfa-Attempt",
          "2");

      RecordedRequest r = sandbox.takeRequest();

      assertThat(r.method()).isEqualTo("POST");
      assertThat(r.path()).isEqualTo("/v1/payments");
      assertThat(r.query()).isEmpty();
      assertThat(r.idempotencyKey()).isEqualTo("key-j1");
      assertThat(r.attempt()).isEqualTo(2);
      assertThat(r.bodyText()).contains("\"order_reference\":\"ORD-j1\"");
      assertThat(r.status()).isEqualTo(201);
      assertThat(r.requestId()).startsWith("req_");
    }
  }

  @Test
  void theApiKeyIsMaskedInHeadersAndNoValueOrBodyIsInToString() {
    try (Sandbox sandbox = Sandbox.start()) {
      new Http(sandbox).post("/v1/payments", Http.card("4242424242424242", "ORD-j2"));

      RecordedRequest r = sandbox.takeRequest();

      assertThat(r.header("Authorization")).isEqualTo("Bearer sk_test_****");
      assertThat(r.headers().toString()).doesNotContain(sandbox.apiKey());
      assertThat(r.toString()).doesNotContain(sandbox.apiKey()).doesNotContain("4242424242424242");
    }
  }

  @Test
  void theJournalKeepsOnlyTheLastRequestsItIsSizedFor() {
    try (Sandbox sandbox = Sandbox.builder().journalSize(3).start()) {
      Http http = new Http(sandbox);
      for (int i = 1; i <= 5; i++) {
        http.get("/v1/payments?limit=" + i);
      }

      List<RecordedRequest> kept = sandbox.requests();

      assertThat(kept)
          .extracting(RecordedRequest::query)
          .containsExactly("limit=3", "limit=4", "limit=5");
      assertThat(kept).extracting(RecordedRequest::sequence).containsExactly(3L, 4L, 5L);
    }
  }

  @Test
  void takeRequestWalksTheRequestsInOrderThenTimesOut() {
    try (Sandbox sandbox = Sandbox.start()) {
      Http http = new Http(sandbox);
      http.get("/v1/payments?limit=1");
      http.get("/v1/payments?limit=2");

      assertThat(sandbox.takeRequest().query()).isEqualTo("limit=1");
      assertThat(sandbox.takeRequest().query()).isEqualTo("limit=2");
      assertThatThrownBy(() -> sandbox.takeRequest(Duration.ofMillis(50)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("no request arrived");
    }
  }

  @Test
  void aRequestCutByAnInjectedResetIsRecordedWithStatusZero() {
    try (Sandbox sandbox = Sandbox.start()) {
      sandbox.faults().resetBefore("GET", "/v1/payments", 1);
      try {
        new Http(sandbox).get("/v1/payments");
      } catch (RuntimeException expected) {
        // the connection was reset
      }

      assertThat(sandbox.takeRequest().status()).isZero();
    }
  }

  @Test
  void aJournalOfSizeZeroRecordsNothing() {
    try (Sandbox sandbox = Sandbox.builder().journalSize(0).start()) {
      new Http(sandbox).get("/v1/payments");

      assertThat(sandbox.requests()).isEmpty();
      assertThatThrownBy(() -> sandbox.takeRequest(Duration.ofMillis(10)))
          .hasMessageContaining("journal is off");
    }
  }

  @Test
  void aNegativeJournalSizeIsRefused() {
    assertThatThrownBy(() -> Sandbox.builder().journalSize(-1))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("journalSize"));
  }
}
