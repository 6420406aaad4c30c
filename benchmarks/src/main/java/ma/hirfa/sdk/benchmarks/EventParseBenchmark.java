package ma.hirfa.sdk.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import ma.hirfa.sdk.core.internal.json.EventBodies;
import ma.hirfa.sdk.core.internal.json.Json;
import ma.hirfa.sdk.core.internal.json.TypeRef;
import ma.hirfa.sdk.core.webhooks.WebhookMessage;
import ma.hirfa.sdk.core.webhooks.WebhookSigner;
import ma.hirfa.sdk.core.webhooks.WebhookVerifier;
import ma.hirfa.sdk.payments.Payment;
import ma.hirfa.sdk.payments.PaymentEvent;
import ma.hirfa.sdk.payments.PaymentEventParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What refusing duplicate keys costs a typed event: {@code parse} (the whole parser: the scan that
 * reads the type and refuses a repeated key, then the typed decoding) against {@code decodeOnly}
 * (the typed decoding alone, what the parser did besides reading the type before the scan) and
 * {@code scanOnly}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(2)
public class EventParseBenchmark {
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
  private static final TypeRef<EventBodies.Envelope<Payment>> PAYMENT =
      new TypeRef<EventBodies.Envelope<Payment>>() {};

  private WebhookMessage message;
  private byte[] body;
  private PaymentEventParser parser;
  private Json json;

  @Setup
  public void setUp() throws Exception {
    String payment =
        "{\"id\":\"pay_6LbMKYksDgXSLF\",\"amount\":{\"amount_minor\":125000,\"currency\":\"MAD\"},"
            + "\"amount_captured\":{\"amount_minor\":125000,\"currency\":\"MAD\"},"
            + "\"amount_refunded\":{\"amount_minor\":0,\"currency\":\"MAD\"},"
            + "\"status\":\"succeeded\",\"capture_method\":\"automatic\","
            + "\"method\":{\"type\":\"card\",\"card_brand\":\"visa\",\"card_last4\":\"4242\"},"
            + "\"order_reference\":\"ORD-2026-000123\",\"artisan_id\":\"art_7QK2M9\","
            + "\"fee_split\":{\"platform_fee\":{\"amount_minor\":12500,\"currency\":\"MAD\"},"
            + "\"artisan_amount\":{\"amount_minor\":112500,\"currency\":\"MAD\"}},"
            + "\"description\":\"زربية أمازيغية من تازناخت\","
            + "\"metadata\":{\"channel\":\"web\",\"campaign\":\"ramadan\"},"
            + "\"created_at\":\"2026-11-29T10:00:00Z\",\"updated_at\":\"2026-11-29T10:00:01Z\","
            + "\"livemode\":false}";
    body =
        ("{\"id\":\"evt_1\",\"type\":\"payment.succeeded\",\"created_at\":\"2026-11-29T10:00:01Z\","
                + "\"data\":{\"object\":"
                + payment
                + "}}")
            .getBytes(StandardCharsets.UTF_8);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    Map<String, List<String>> headers =
        WebhookSigner.builder()
            .secret(SECRET)
            .clock(clock)
            .build()
            .sign("msg_1", NOW, body)
            .entrySet()
            .stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue())));
    message = WebhookVerifier.builder().secret(SECRET).clock(clock).build().verify(headers, body);
    parser = new PaymentEventParser();
    json = new Json();
    if (!(parse() instanceof PaymentEvent.PaymentSucceeded)) {
      throw new IllegalStateException("the sample must parse");
    }
    System.out.println("event size: " + body.length + " bytes");
  }

  @Benchmark
  public PaymentEvent parse() {
    return parser.parse(message);
  }

  @Benchmark
  public EventBodies.Envelope<Payment> decodeOnly() throws IOException {
    return EventBodies.decode(json, body, PAYMENT);
  }

  @Benchmark
  public String scanOnly() {
    return EventBodies.typeOf(body);
  }
}
