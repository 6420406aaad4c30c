package ma.hirfa.sdk.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ma.hirfa.sdk.catalog.CatalogClient;
import ma.hirfa.sdk.catalog.Product;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.payments.Payment;
import ma.hirfa.sdk.payments.PaymentCreateParams;
import ma.hirfa.sdk.payments.PaymentMethodInput;
import ma.hirfa.sdk.payments.PaymentsClient;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.apache.kafka.connect.util.clusters.WorkerHandle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The connector on Kafka's embedded Connect cluster (one broker, in process), against the sandbox.
 * The catalog test imports the whole catalog (200,000 products by default, {@code
 * -Dhirfa.connect.products=N}), stops the only worker in the middle of the import, changes the
 * catalog meanwhile, starts a new worker, and requires the topic's compacted view to equal the
 * catalog, having resumed the import rather than started it again.
 */
class ConnectClusterTest {
  private static final int PRODUCTS = Integer.getInteger("hirfa.connect.products", 200_000);
  private static final String CATALOG = "hirfa.catalog.products";
  private static final String PAYMENTS = "hirfa.payments.events";
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static int webhookPort;
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
    connect =
        new EmbeddedConnectCluster.Builder()
            .name("hirfa-connect")
            .maskExitProcedures(true)
            .numWorkers(1)
            .numBrokers(1)
            .workerProps(
                new HashMap<>(
                    Map.of(
                        "offset.flush.interval.ms", "500",
                        "scheduled.rebalance.max.delay.ms", "1000")))
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
    c.putAll(more);
    return c;
  }

  @Test
  void aWorkerStoppedMidImportResumesAndTheCompactedTopicEqualsTheCatalog() throws Exception {
    try (KafkaConsumer<String, String> consumer = consumer(CATALOG);
        CatalogClient catalog = sandbox.client()) {
      Map<String, Long> view = new HashMap<>();
      long[] records = {0};
      long started = System.nanoTime();
      connect.configureConnector("hirfa-catalog", config(Map.of("catalog.topic", CATALOG)));

      readUntil(
          consumer, view, records, () -> records[0] >= PRODUCTS * 3L / 10, Duration.ofMinutes(5));
      WorkerHandle only = connect.workers().iterator().next();
      connect.removeWorker(only); // mid-import: the worker goes, its task with it
      long atStop = records[0];
      edit(catalog, List.copyOf(view.keySet()).subList(0, 60)); // meanwhile, artisans edit
      connect.addWorker(); // a new worker: the task resumes from its committed offsets

      Map<String, Long>[] expected = new Map[1];
      expected[0] = sandbox.contents();
      readUntil(consumer, view, records, () -> view.equals(expected[0]), Duration.ofMinutes(10));
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf(
          "%d products: %d records (%d before the worker stopped) in %.1f s, %.0f records/s"
              + " end to end (worker restart included)%n",
          PRODUCTS, records[0], atStop, seconds, records[0] / seconds);

      assertThat(view).isEqualTo(expected[0]);
      assertThat(records[0]).as("resumed, not imported again").isLessThan(PRODUCTS * 12L / 10);
    } finally {
      deleteQuietly("hirfa-catalog");
    }
  }

  @Test
  void paymentEventsReachTheirTopicKeyedByPaymentAndForgedDeliveriesDoNot() throws Exception {
    if (connect.workers().isEmpty()) {
      connect.addWorker(); // the other test failed between stopping and starting a worker
    }
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
    try (KafkaConsumer<String, String> consumer = consumer(PAYMENTS);
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

  private static KafkaConsumer<String, String> consumer(String topic) {
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, connect.kafka().bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + topic);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
    KafkaConsumer<String, String> c =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    c.subscribe(List.of(topic));
    return c;
  }

  private static void readUntil(
      KafkaConsumer<String, String> consumer,
      Map<String, Long> view,
      long[] records,
      java.util.function.BooleanSupplier done,
      Duration timeout)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      assertThat(System.nanoTime()).as("timed out at %d records", records[0]).isLessThan(deadline);
      for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
        records[0]++;
        if (r.value() == null) {
          view.remove(r.key()); // a tombstone
        } else {
          @SuppressWarnings("unchecked")
          Map<String, Object> value = JSON.readValue(r.value(), Map.class);
          view.put(r.key(), CompactedView.digest(value));
        }
      }
    }
  }

  /** What artisans do while the worker is down: updates, deletions, new products. */
  private static void edit(CatalogClient catalog, List<String> ids) {
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      Product p = catalog.products().get(id);
      switch (i % 6) {
        case 0 -> catalog.products().delete(id);
        case 1 -> catalog.products().create(p.toInput().sku("KAFKA-" + i).build());
        default -> catalog.products().update(p, p.toInput().stock(p.stock() + 3).build());
      }
    }
  }
}
