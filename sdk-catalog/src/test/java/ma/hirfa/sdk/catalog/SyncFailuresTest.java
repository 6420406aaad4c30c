package ma.hirfa.sdk.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import ma.hirfa.sdk.core.AuthenticationException;
import ma.hirfa.sdk.core.CallDiagnostics;
import ma.hirfa.sdk.core.CallTimeoutException;
import ma.hirfa.sdk.core.HirfaException;
import ma.hirfa.sdk.core.InvalidRequestException;
import ma.hirfa.sdk.core.RateLimitException;
import ma.hirfa.sdk.core.ResponseDecodingException;
import ma.hirfa.sdk.core.ServerException;
import org.junit.jupiter.api.Test;

/** Every failure a run meets gets the remedy a partner can act on, and a message that says it. */
class SyncFailuresTest {
  private static CallDiagnostics d(int status, String code) {
    return new CallDiagnostics("GET", "/v1/products/changes", status, code, "req_1", null, 3);
  }

  private static CatalogSyncException.Remedy remedy(HirfaException e) {
    CatalogSyncException wrapped = SyncFailures.wrap(e, "reading the change feed");
    assertThat(wrapped.getMessage()).contains("What to do: ");
    assertThat(wrapped.getCause()).isSameAs(e);
    assertThat(wrapped.requestId()).isEqualTo(e.requestId());
    return wrapped.remedy();
  }

  @Test
  void transientFailuresSayRunAgain() {
    assertThat(
            remedy(new RateLimitException("slow down", d(429, null), null, Duration.ofSeconds(1))))
        .isEqualTo(CatalogSyncException.Remedy.RUN_AGAIN);
    assertThat(remedy(new ServerException("down", d(503, null), null)))
        .isEqualTo(CatalogSyncException.Remedy.RUN_AGAIN);
    assertThat(remedy(new CallTimeoutException("late", d(0, null), true, null)))
        .isEqualTo(CatalogSyncException.Remedy.RUN_AGAIN);
  }

  @Test
  void failuresThatNeedThePartnerSaySo() {
    assertThat(remedy(new AuthenticationException("no", d(401, "authentication_required"), null)))
        .isEqualTo(CatalogSyncException.Remedy.FIX_CONFIGURATION);
    assertThat(
            remedy(
                new ResponseDecodingException(
                    "the export sent a line longer than maxResponseBytes (1024 bytes)",
                    d(200, null),
                    null)))
        .isEqualTo(CatalogSyncException.Remedy.RAISE_MAX_RESPONSE_BYTES);
    assertThat(remedy(new ResponseDecodingException("garbage", d(200, null), null)))
        .isEqualTo(CatalogSyncException.Remedy.CONTACT_SUPPORT);
    CatalogSyncException store =
        SyncFailures.store("save", new InMemoryCheckpointStore(), new IOException("disk full"));
    assertThat(store.remedy()).isEqualTo(CatalogSyncException.Remedy.FIX_CHECKPOINT_STORE);
    assertThat(store.getMessage()).contains("disk full").contains("What to do: fix the checkpoint");
  }

  @Test
  void aRefusedCursorIsToldApartFromOtherInvalidRequests() {
    assertThat(SyncFailures.refusedCursor(new InvalidRequestException("gone", d(410, null), null)))
        .isEqualTo(SyncReport.Reimport.CURSOR_EXPIRED);
    assertThat(
            SyncFailures.refusedCursor(
                new InvalidRequestException("old", d(400, "cursor_expired"), null)))
        .isEqualTo(SyncReport.Reimport.CURSOR_EXPIRED);
    assertThat(
            SyncFailures.refusedCursor(
                new InvalidRequestException("bad", d(400, "invalid_cursor"), null)))
        .isEqualTo(SyncReport.Reimport.CURSOR_INVALID);
    assertThat(
            SyncFailures.refusedCursor(
                new InvalidRequestException("x", d(400, "out_of_range"), null)))
        .isNull();
  }
}
