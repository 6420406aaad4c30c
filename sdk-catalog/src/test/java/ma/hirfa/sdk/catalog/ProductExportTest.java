package ma.hirfa.sdk.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import ma.hirfa.sdk.core.CallTimeoutException;
import ma.hirfa.sdk.core.ConnectionException;
import ma.hirfa.sdk.core.RequestOptions;
import ma.hirfa.sdk.core.ResponseDecodingException;
import ma.hirfa.sdk.testkit.Sandbox;
import org.junit.jupiter.api.Test;

/** The export's closing line read as JSON, and its bounds: line length, idle time, deadline. */
class ProductExportTest {

  private static List<Product> readAll(ProductExport export) {
    List<Product> out = new ArrayList<>();
    export.forEach(out::add);
    return out;
  }

  @Test
  void aClosingLineSpelledWithSpacesCompletesTheExport() {
    try (Sandbox sandbox = Sandbox.builder().catalogSize(5).start();
        CatalogClient catalog = CatalogClientTest.client(sandbox)) {
      sandbox.catalogFaults().spacedClosingLine(true);
      try (ProductExport export = catalog.products().export()) {
        assertThat(readAll(export)).hasSize(5);
        assertThat(export.isComplete()).isTrue();
      }
    }
  }

  @Test
  void aClosingLineWithoutItsFinalNewlineCompletesTheExport() {
    try (Sandbox sandbox = Sandbox.builder().catalogSize(5).start();
        CatalogClient catalog = CatalogClientTest.client(sandbox)) {
      sandbox.catalogFaults().cutExportBeforeEnd(1);
      try (ProductExport export = catalog.products().export()) {
        assertThat(readAll(export)).hasSize(5);
        assertThat(export.isComplete()).isTrue();
      }
    }
  }

  @Test
  void aCutInsideTheClosingLineIsACutThatSaysSo() {
    try (Sandbox sandbox = Sandbox.builder().catalogSize(5).start();
        CatalogClient catalog = CatalogClientTest.client(sandbox)) {
      sandbox.catalogFaults().cutExportBeforeEnd(6);
      try (ProductExport export = catalog.products().export()) {
        assertThatThrownBy(() -> readAll(export))
            .isInstanceOf(ConnectionException.class)
            .hasMessageContaining("inside its closing line");
        assertThat(export.lastProductId()).isEqualTo("prd_S000004");
      }
    }
  }

  /** Every byte offset of a small export: complete only with the whole closing line, else a cut. */
  @Test
  void aCutAtAnyByteIsACutOrACompleteExportNeverAWrongProduct() {
    try (Sandbox sandbox = Sandbox.builder().catalogSize(3).start();
        CatalogClient catalog = CatalogClientTest.client(sandbox)) {
      List<Product> whole;
      try (ProductExport export = catalog.products().export()) {
        whole = readAll(export);
      }
      long size = 0;
      try (ProductExport export = catalog.products().export()) {
        readAll(export);
        size = export.progress().bytes();
      }
      for (long cut = 0; cut <= size; cut++) {
        sandbox.catalogFaults().cutExportAt(cut);
        List<Product> got = new ArrayList<>();
        try (ProductExport export = catalog.products().export()) {
          try {
            export.forEach(got::add);
            assertThat(cut).as("complete at %d of %d", cut, size).isGreaterThanOrEqualTo(size - 1);
          } catch (ConnectionException e) {
            assertThat(cut).isLessThan(size - 1);
          }
        }
        assertThat(got).isEqualTo(whole.subList(0, got.size()));
      }
    }
  }

  @Test
  void aMalformedClosingLineIsADecodingErrorThatNamesTheClosingLine() throws Exception {
    String body = "{\"export_cursor\": 5}\n";
    try (HostileNdjsonServer server = new HostileNdjsonServer(out -> out.write(bytes(body)));
        CatalogClient catalog = client(server, Duration.ofSeconds(5))) {
      try (ProductExport export = catalog.products().export()) {
        assertThatThrownBy(() -> readAll(export))
            .isInstanceOf(ResponseDecodingException.class)
            .hasMessageContaining("closing line (line 1)");
      }
    }
  }

  @Test
  void aLineLongerThanMaxResponseBytesIsRefusedNamingTheLimit() throws Exception {
    try (HostileNdjsonServer server =
            new HostileNdjsonServer(HostileNdjsonServer.endlessLine(1L << 30));
        CatalogClient catalog =
            CatalogClient.builder()
                .apiKey("sk_test_hostile12345")
                .baseUrl(server.baseUrl())
                .configure(o -> o.maxResponseBytes(1 << 20))
                .build()) {
      try (ProductExport export = catalog.products().export()) {
        assertThatThrownBy(() -> readAll(export))
            .isInstanceOf(ResponseDecodingException.class)
            .hasMessageContaining("maxResponseBytes (1048576 bytes)");
      }
      // OkHttp drains what it can in 100 ms when the stream is closed, without keeping it.
      Thread.sleep(200);
      assertThat(server.written.get()).as("bytes the server could send").isLessThan(1L << 29);
    }
  }

  @Test
  void aDripThatNeverCompletesALineEndsAtTheIdleTimeout() throws Exception {
    try (HostileNdjsonServer server =
            new HostileNdjsonServer(
                HostileNdjsonServer.drip(
                    "{\"id\":\"" + "a".repeat(10_000), Duration.ofMillis(20)));
        CatalogClient catalog = client(server, Duration.ofSeconds(1))) {
      long t0 = System.nanoTime();
      try (ProductExport export = catalog.products().export()) {
        assertThatThrownBy(() -> readAll(export))
            .isInstanceOf(ConnectionException.class)
            .isNotInstanceOf(CallTimeoutException.class)
            .hasMessageContaining("idle timeout");
      }
      // The drip would last 200 s: well under that, with room for a loaded machine.
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
    }
  }

  @Test
  void theWholeExportEndsAtTheDeadlineTheCallerSet() throws Exception {
    String product = "{\"not\":\"a product\"}\n";
    HostileNdjsonServer.Body lines =
        out -> {
          for (int i = 0; i < 10_000; i++) {
            out.write(bytes("\n"));
            out.flush();
            Thread.sleep(50); // blank lines: never idle long, never done
          }
          out.write(bytes(product));
        };
    try (HostileNdjsonServer server = new HostileNdjsonServer(lines);
        CatalogClient catalog = client(server, Duration.ofSeconds(30))) {
      long t0 = System.nanoTime();
      try (ProductExport export =
          catalog
              .products()
              .export(RequestOptions.builder().timeout(Duration.ofSeconds(2)).build())) {
        assertThatThrownBy(() -> readAll(export)).isInstanceOf(CallTimeoutException.class);
      }
      Duration took = Duration.ofNanos(System.nanoTime() - t0);
      assertThat(took).isBetween(Duration.ofMillis(1_900), Duration.ofSeconds(8)); // body: 500 s
    }
  }

  @Test
  void theExportAnnouncesItsProductCountForAProgressBar() {
    try (Sandbox sandbox = Sandbox.builder().catalogSize(40).start();
        CatalogClient catalog = CatalogClientTest.client(sandbox)) {
      catalog.products().delete("prd_S000001", ProductDeleteParams.anyVersion());
      List<ExportProgress> progress = new ArrayList<>();
      try (ProductExport export = catalog.products().export().onProgress(progress::add)) {
        assertThat(export.expectedProducts()).hasValue(39);
        readAll(export);
      }
      try (ProductExport resumed = catalog.products().exportAfter("prd_S000009")) {
        assertThat(resumed.expectedProducts()).hasValue(30);
      }
      ExportProgress last = progress.get(progress.size() - 1);
      assertThat(last.total()).hasValue(39);
      assertThat(last.products()).isEqualTo(39);
      assertThat(last.remaining()).isZero();
    }
  }

  private static CatalogClient client(HostileNdjsonServer server, Duration readTimeout) {
    return CatalogClient.builder()
        .apiKey("sk_test_hostile12345")
        .baseUrl(server.baseUrl())
        .configure(o -> o.readTimeout(readTimeout))
        .build();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
