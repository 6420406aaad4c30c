package ma.hirfa.sdk.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the catalog topic from the start as a consumer keeping its own copy would, and folds it
 * into the compacted view (the last value per key, a tombstone removing the key), counting every
 * record, duplicates included.
 */
final class TopicReader implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final KafkaConsumer<String, String> consumer;
  final Map<String, Long> view = new HashMap<>();
  long records;

  TopicReader(String bootstrapServers, String topic) {
    consumer = consumer(bootstrapServers, topic);
  }

  /** A consumer of {@code topic} from its first record. */
  static KafkaConsumer<String, String> consumer(String bootstrapServers, String topic) {
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + topic);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
    KafkaConsumer<String, String> c =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    c.subscribe(List.of(topic));
    return c;
  }

  /** Reads until {@code done}, failing after {@code timeout}. */
  void readUntil(BooleanSupplier done, Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      assertThat(System.nanoTime()).as("timed out at %d records", records).isLessThan(deadline);
      for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
        records++;
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

  /** Reads until at least {@code n} records arrived. */
  void readAtLeast(long n, Duration timeout) throws IOException {
    readUntil(() -> records >= n, timeout);
  }

  @Override
  public void close() {
    consumer.close();
  }
}
