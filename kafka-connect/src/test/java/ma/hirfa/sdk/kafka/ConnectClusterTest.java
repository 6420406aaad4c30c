package ma.hirfa.sdk.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ma.hirfa.sdk.catalog.CatalogClient;
import ma.hirfa.sdk.catalog.Product;
import ma.hirfa.sdk.catalog.ProductCreateParams;
import ma.hirfa.sdk.catalog.ProductDeleteParams;
import ma.hirfa.sdk.catalog.ProductUpdateParams;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.payments.Payment;
import ma.hirfa.sdk.payments.PaymentCreateParams;
import ma.hirfa.sdk.payments.PaymentMethodInput;
import ma.hirfa.sdk.payments.PaymentsClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfos;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.apache.kafka.connect.util.clusters.WorkerHandle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The connector on Kafka's embedded Connect cluster (two workers, one broker, in process), against
 * the sandbox run as its own process. The catalog test imports the catalog (the issue's 200,000
 * products, in CI too: about 50 s of this class's 2 minutes; {@code -Dhirfa.connect.products=N} for
 * another size), restarts the task in the middle of the import, then removes the worker running it
 * (the task moves to the other one), changes the catalog meanwhile, adds a worker, and requires the
 * topic's compacted view to equal the catalog, having resumed the import rather than started it
 * again. The worker's log goes to {@code target/kafka-connect-tests.log} (simplelogger.properties),
 * which the secrets test reads.
 */
class ConnectClusterTest {
  private static final int PRODUCTS = Integer.getInteger("hirfa.connect.products", 200_000);
  private static final String CATALOG = "hirfa.catalog.products";
  private static final String PAYMENTS = "hirfa.payments.events";
  private static final String CATALOG_CONNECTOR = "hirfa-catalog";
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final Path WORKER_LOG = Path.of("target", "kafka-connect-tests.log");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static int webhookPort;
  private static Path secrets;
  private static StandaloneSandbox sandbox;
  private static EmbeddedConnectCluster connect;

  @BeforeAll
  static void start() throws Exception {
    try (ServerSocket free = new ServerSocket(0)) {
      webhookPort = free.getLocalPort();
    }
    sandbox =
        StandaloneSandbox.start(
            PRODUCTS,
            7,
            "--webhook",
            "http://127.0.0.1:" + webhookPort + "/hirfa/webhooks",
            "--webhook-secret",
            SECRET);
    secrets = Files.createTempFile(Path.of("target"), "hirfa", ".properties").toAbsolutePath();
    Files.writeString(secrets, "api.key=" + sandbox.apiKey + "\n");
    Map<String, String> workerProps = new HashMap<>();
    workerProps.put("offset.flush.interval.ms", "500");
    workerProps.put("scheduled.rebalance.max.delay.ms", "1000");
    workerProps.put("config.providers", "file"); // the guide's way to keep the key out of the JSON
    workerProps.put(
        "config.providers.file.class",
        "org.apache.kafka.common.config.provider.FileConfigProvider");
    connect =
        new EmbeddedConnectCluster.Builder()
            .name("hirfa-connect")
            .maskExitProcedures(true)
            .numWorkers(2)
            .numBrokers(1)
            .workerProps(workerProps)
            .build();
    connect.start();
    connect.kafka().createTopic(CATALOG, 1, 1, Map.of("cleanup.policy", "compact"));
    connect.kafka().createTopic(PAYMENTS, 1);
  }

  @AfterAll
  static void stop() throws Exception {
    if (connect != null) {
      connect.stop();
    }
    if (sandbox != null) {
      sandbox.close();
    }
    if (secrets != null) {
      Files.deleteIfExists(secrets);
    }
  }

  private static Map<String, String> config(Map<String, String> more) {
    Map<String, String> c = new HashMap<>();
    c.put("connector.class", HirfaSourceConnector.class.getName());
    c.put("tasks.max", "1");
    c.put("hirfa.api.key", sandbox.apiKey);
    c.put("hirfa.base.url", sandbox.baseUrl);
    c.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
    c.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
    c.put("value.converter.schemas.enable", "false");
    c.put("catalog.poll.interval.ms", "500");
    // The guide's throughput settings: Connect's producer sends one request at a time per task, so
    // its default 16 KB batches (about 16 products) cap the export at a few hundred records/s.
    c.put("producer.override.batch.size", "1048576");
    c.put("producer.override.linger.ms", "20");
    c.putAll(more);
    return c;
  }

  @Test
  void aTaskRestartedThenMovedToAnotherWorkerMidImportResumesAndTheTopicEqualsTheCatalog()
      throws Exception {
    try (TopicReader topic = new TopicReader(connect.kafka().bootstrapServers(), CATALOG);
        CatalogClient catalog = sandbox.client()) {
      Map<String, String> config = config(Map.of("catalog.topic", CATALOG));
      config.put("hirfa.api.key", "${file:" + secrets + ":api.key}"); // as the guide deploys it
      long started = System.nanoTime();
      connect.configureConnector(CATALOG_CONNECTOR, config);

      topic.readAtLeast(1, Duration.ofMinutes(2));
      long firstRecord = System.nanoTime();
      long first = topic.records;
      topic.readAtLeast(PRODUCTS / 5, Duration.ofMinutes(5));
      double exportRate = (topic.records - first) / ((System.nanoTime() - firstRecord) / 1e9);
      Set<String> workers = new HashSet<>(List.of(taskWorker()));
      connect.restartTask(CATALOG_CONNECTOR, 0); // a task restart mid-import
      topic.readAtLeast(PRODUCTS * 2L / 5, Duration.ofMinutes(5));
      String holder = taskWorker();
      connect.removeWorker(worker(holder)); // its worker goes: the task moves to the other one
      long atStop = topic.records;
      edit(catalog, List.copyOf(topic.view.keySet()).subList(0, 60)); // meanwhile, artisans edit
      connect.addWorker(); // and a new worker joins: another rebalance

      Map<String, Long> expected = sandbox.contents();
      topic.readUntil(() -> topic.view.equals(expected), Duration.ofMinutes(10));
      workers.add(taskWorker());
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf(
          "%d products: export %.0f records/s (from the first record to a fifth); %d records in"
              + " all (%d when the task's worker left) in %.1f s end to end, connector start, a"
              + " task restart and two rebalances included%n",
          PRODUCTS, exportRate, topic.records, atStop, seconds);

      assertThat(topic.view).isEqualTo(expected);
      assertThat(workers).as("the task ran on two workers").hasSizeGreaterThanOrEqualTo(2);
      assertThat(topic.records).as("resumed, not imported again").isLessThan(PRODUCTS * 6L / 5);
      assertThat(connect.connectorInfo(CATALOG_CONNECTOR).config().get("hirfa.api.key"))
          .as("the REST API shows the reference, never the key")
          .isEqualTo("${file:" + secrets + ":api.key}");
    } finally {
      deleteQuietly(CATALOG_CONNECTOR);
    }
  }

  @Test
  void paymentEventsReachTheirTopicKeyedByPaymentAndForgedDeliveriesDoNot() throws Exception {
    connect.configureConnector(
        "hirfa-payments",
        config(
            Map.of(
                "catalog.enabled",
                "false",
                "payments.topic",
                PAYMENTS,
                "payments.webhook.secret",
                SECRET,
                "payments.webhook.port",
                String.valueOf(webhookPort),
                "payments.webhook.bind.address",
                "127.0.0.1")));
    try (KafkaConsumer<String, String> consumer =
            TopicReader.consumer(connect.kafka().bootstrapServers(), PAYMENTS);
        PaymentsClient payments =
            PaymentsClient.builder().apiKey(sandbox.apiKey).baseUrl(sandbox.baseUrl).build()) {
      int forged = awaitReceiver();
      Set<String> paid = new HashSet<>();
      for (int i = 0; i < 3; i++) {
        Payment p =
            payments
                .payments()
                .create(
                    PaymentCreateParams.builder()
                        .amount(Money.parse("120.00", "MAD"))
                        .orderReference("ORD-KAFKA-" + i)
                        .artisanId("art_7QK2M9")
                        .method(PaymentMethodInput.card("4242424242424242", 12, 2031, "123"))
                        .build());
        paid.add(p.id());
      }
      Map<String, String> succeeded = new HashMap<>();
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (!succeeded.keySet().containsAll(paid) && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          @SuppressWarnings("unchecked")
          Map<String, Object> value = JSON.readValue(r.value(), Map.class);
          assertThat(r.headers().lastHeader("hirfa.event.id")).isNotNull();
          assertThat(value.get("body").toString()).contains(r.key());
          if ("payment.succeeded".equals(value.get("type"))) {
            succeeded.put(r.key(), value.get("id").toString());
          }
        }
      }

      assertThat(forged).isEqualTo(400);
      assertThat(succeeded).containsOnlyKeys(paid);
      assertThat(succeeded.values()).allMatch(id -> id.startsWith("evt_"));
    } finally {
      deleteQuietly("hirfa-payments");
    }
  }

  @Test
  void theSecretsNeverReachTheWorkersLogNorTheValidationAnswer() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Map<String, String> config =
        config(
            Map.of(
                "catalog.enabled",
                "false",
                "payments.webhook.secret",
                SECRET,
                "payments.webhook.port",
                String.valueOf(port),
                "payments.webhook.bind.address",
                "127.0.0.1"));
    try {
      connect.configureConnector("hirfa-secrets", config); // literally, as a careless partner would
      connect
          .assertions()
          .assertConnectorAndExactlyNumTasksAreRunning("hirfa-secrets", 1, "the task runs");
      ConfigInfos validated =
          connect.validateConnectorConfig(HirfaSourceConnector.class.getSimpleName(), config);
      String log = Files.readString(WORKER_LOG);

      assertThat(log)
          .as("the task logged its settings, so a leak would show")
          .contains("hirfa.api.key = [hidden]")
          .contains("payments.webhook.secret = [hidden]")
          .doesNotContain(sandbox.apiKey)
          .doesNotContain(SECRET);
      assertThat(validated.configs())
          .filteredOn(c -> c.configValue().name().equals("hirfa.api.key"))
          .singleElement()
          .satisfies(c -> assertThat(c.configValue().value()).isEqualTo("[hidden]"));
      assertThat(validated.toString()).doesNotContain(sandbox.apiKey).doesNotContain(SECRET);
    } finally {
      deleteQuietly("hirfa-secrets");
    }
  }

  private static void deleteQuietly(String connector) {
    try {
      connect.deleteConnector(connector);
    } catch (RuntimeException e) {
      System.out.println("could not delete " + connector + ": " + e);
    }
  }

  /** Posts a forged delivery until the task's receiver answers; returns its status. */
  private static int awaitReceiver() throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (true) {
      try {
        HttpURLConnection c =
            (HttpURLConnection)
                URI.create("http://127.0.0.1:" + webhookPort + "/hirfa/webhooks")
                    .toURL()
                    .openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setConnectTimeout(5_000);
        c.setReadTimeout(10_000); // a receiver that never answers fails the test, not hangs it
        c.setRequestProperty("webhook-id", "msg_forged");
        c.setRequestProperty(
            "webhook-timestamp", String.valueOf(System.currentTimeMillis() / 1000));
        c.setRequestProperty("webhook-signature", "v1,Zm9yZ2Vk");
        c.getOutputStream().write("{\"id\":\"evt_forged\"}".getBytes(StandardCharsets.UTF_8));
        return c.getResponseCode();
      } catch (java.io.IOException notYet) {
        if (System.nanoTime() > deadline) {
          throw notYet;
        }
        Thread.sleep(200);
      }
    }
  }

  /** The worker running the catalog task now ({@code host:port}), once it runs. */
  private static String taskWorker() throws InterruptedException {
    connect
        .assertions()
        .assertConnectorAndExactlyNumTasksAreRunning(CATALOG_CONNECTOR, 1, "the task runs");
    return connect.connectorStatus(CATALOG_CONNECTOR).tasks().get(0).workerId();
  }

  private static WorkerHandle worker(String workerId) {
    return connect.workers().stream()
        .filter(w -> workerId.endsWith(":" + w.url().getPort()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no worker " + workerId));
  }

  /** What artisans do while the worker is down: updates, deletions, new products. */
  private static void edit(CatalogClient catalog, List<String> ids) {
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      Product p = catalog.products().get(id);
      switch (i % 6) {
        case 0 -> catalog.products().delete(id, ProductDeleteParams.anyVersion());
        case 1 -> catalog.products().create(ProductCreateParams.from(p).sku("KAFKA-" + i).build());
        default ->
            catalog
                .products()
                .update(p.id(), p.etag(), ProductUpdateParams.from(p).stock(p.stock() + 3).build());
      }
    }
  }
}
