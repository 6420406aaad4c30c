package ma.hirfa.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import ma.hirfa.sdk.catalog.CatalogClient;
import ma.hirfa.sdk.catalog.ProductDeleteParams;
import ma.hirfa.sdk.catalog.SyncReport;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.webhooks.WebhookMessage;
import ma.hirfa.sdk.core.webhooks.WebhookVerifier;
import ma.hirfa.sdk.jdbc.JdbcProcessedEvents;
import ma.hirfa.sdk.jdbc.JdbcSchema;
import ma.hirfa.sdk.payments.PaymentCreateParams;
import ma.hirfa.sdk.payments.PaymentEventParser;
import ma.hirfa.sdk.payments.PaymentMethodInput;
import ma.hirfa.sdk.payments.PaymentsClient;
import ma.hirfa.sdk.payments.WebhookEndpointCreateParams;
import ma.hirfa.sdk.testkit.Sandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The guides' shared-state snippets, run on a real PostgreSQL with the SDK's own schema file. */
class SharedStateExampleTest {
  private static EmbeddedPostgres postgres;
  private static DataSource db;

  @BeforeAll
  static void start() throws Exception {
    postgres =
        EmbeddedPostgres.builder()
            .setServerConfig("fsync", "off")
            .setPGStartupWait(java.time.Duration.ofSeconds(60)) // not 10 s: a loaded CI machine
            .start();
    db = postgres.getPostgresDatabase();
    try (InputStream schema =
        JdbcSchema.class.getClassLoader().getResourceAsStream(JdbcSchema.V1)) {
      execute(new String(schema.readAllBytes(), StandardCharsets.UTF_8));
    }
    execute(SharedStateExample.PARTNER_TABLES);
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Test
  void twoNodesSyncingTheCatalogLeaveOneCopyEqualToIt() {
    try (Sandbox sandbox = Sandbox.builder().catalogSize(2_000).start();
        CatalogClient catalog =
            CatalogClient.builder().apiKey(sandbox.apiKey()).baseUrl(sandbox.baseUrl()).build()) {
      SyncReport first = SharedStateExample.syncOnThisNode(catalog, db, "node-a");
      catalog.products().delete("prd_S000003", ProductDeleteParams.anyVersion());
      SyncReport second = SharedStateExample.syncOnThisNode(catalog, db, "node-b");

      assertThat(first.imported()).isEqualTo(2_000);
      assertThat(second.deletes()).isEqualTo(1);
      assertThat(count("SELECT count(*) FROM shop_products WHERE NOT deleted"))
          .isEqualTo(sandbox.catalog().productCount());
    }
  }

  @Test
  void aWebhookDeliveredToTwoInstancesUpdatesTheOrderOnce() throws Exception {
    execute("INSERT INTO orders VALUES ('ORD-77', 'pending');");
    BlockingQueue<WebhookMessage> received = new LinkedBlockingQueue<>();
    HttpServer endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    WebhookVerifier[] verifier = new WebhookVerifier[1];
    endpoint.createContext(
        "/hooks",
        exchange -> {
          try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(verifier[0].verify(exchange.getRequestHeaders(), body));
            exchange.sendResponseHeaders(204, -1);
          }
        });
    endpoint.start();
    try (Sandbox sandbox = Sandbox.start();
        PaymentsClient client =
            PaymentsClient.builder().apiKey(sandbox.apiKey()).baseUrl(sandbox.baseUrl()).build()) {
      String secret =
          client
              .webhookEndpoints()
              .create(
                  WebhookEndpointCreateParams.builder()
                      .url("http://127.0.0.1:" + endpoint.getAddress().getPort() + "/hooks")
                      .event("payment.succeeded")
                      .build())
              .secret();
      verifier[0] = WebhookVerifier.builder().secret(secret).build();
      client
          .payments()
          .create(
              PaymentCreateParams.builder()
                  .amount(Money.parse("300.00", "MAD"))
                  .orderReference("ORD-77")
                  .artisanId("art_7QK2M9")
                  .method(PaymentMethodInput.card("4242424242424242", 12, 2031, "123"))
                  .build());
      WebhookMessage message = received.poll(30, TimeUnit.SECONDS);
      PaymentEventParser parser = new PaymentEventParser();

      boolean first =
          SharedStateExample.receive(JdbcProcessedEvents.builder(db).build(), parser, message);
      boolean second =
          SharedStateExample.receive(JdbcProcessedEvents.builder(db).build(), parser, message);

      assertThat(first).isTrue();
      assertThat(second).isFalse();
      assertThat(count("SELECT count(*) FROM orders WHERE status = 'paid'")).isEqualTo(1);
    } finally {
      endpoint.stop(0);
    }
  }

  private static long count(String sql) {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void execute(String script) throws Exception {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      StringBuilder sql = new StringBuilder();
      for (String line : script.split("\n")) {
        if (line.strip().startsWith("--") || line.isBlank()) {
          continue;
        }
        sql.append(line).append('\n');
        if (line.strip().endsWith(";")) {
          s.execute(sql.substring(0, sql.lastIndexOf(";")));
          sql.setLength(0);
        }
      }
    }
  }
}
