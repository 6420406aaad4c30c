package ma.hirfa.sdk.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import ma.hirfa.sdk.core.webhooks.WebhookMessage;
import ma.hirfa.sdk.core.webhooks.WebhookSigner;
import ma.hirfa.sdk.core.webhooks.WebhookVerifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Webhook verification through {@link WebhookVerifier} against the raw baseline: a reused,
 * initialised {@code javax.crypto.Mac} over {@code id.timestamp.body}, base64 of the result and a
 * constant-time compare with the header value. The ratio {@code sdkVerify / rawMac} is the cost of
 * header parsing, timestamp checks and signature-list handling.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(2)
public class WebhookVerifyBenchmark {
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

  @Param({"1024", "65536"})
  public int size;

  private byte[] body;
  private Map<String, List<String>> headers;
  private WebhookVerifier verifier;
  private Mac mac;
  private byte[] prefix;
  private byte[] signatureB64;

  @Setup
  public void setUp() throws Exception {
    body = new byte[size];
    byte[] unit =
        "{\"title\":{\"ar\":\"زربية\",\"fr\":\"Tapis\"}}".getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < size; i++) {
      body[i] = unit[i % unit.length];
    }
    Map<String, String> signed =
        WebhookSigner.builder().secret(SECRET).build().sign("msg_bench", NOW, body);
    headers =
        Map.of(
            "webhook-id", List.of(signed.get("webhook-id")),
            "webhook-timestamp", List.of(signed.get("webhook-timestamp")),
            "webhook-signature", List.of(signed.get("webhook-signature")));
    verifier =
        WebhookVerifier.builder().secret(SECRET).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring(6)), "HmacSHA256"));
    prefix =
        (signed.get("webhook-id") + "." + signed.get("webhook-timestamp") + ".")
            .getBytes(StandardCharsets.UTF_8);
    signatureB64 = signed.get("webhook-signature").substring(3).getBytes(StandardCharsets.US_ASCII);
    if (!rawMac() || sdkVerify() == null) {
      throw new IllegalStateException("baseline and SDK must both verify");
    }
  }

  @Benchmark
  public WebhookMessage sdkVerify() {
    return verifier.verify(headers, body);
  }

  @Benchmark
  public boolean rawMac() {
    mac.update(prefix);
    mac.update(body);
    byte[] expected = Base64.getEncoder().encode(mac.doFinal());
    return MessageDigest.isEqual(expected, signatureB64);
  }
}
