package ma.hirfa.sdk.core.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.core.webhooks.WebhookVerificationException.Reason;
import org.junit.jupiter.api.Test;

class WebhookVerifierTest {
  private static final String OLD = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String NEW = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";
  private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final byte[] BODY =
      "{\"type\":\"payment.succeeded\",\"data\":{\"id\":\"pay_1\",\"amount\":{\"amount_minor\":15000,\"currency\":\"MAD\"}}}"
          .getBytes(StandardCharsets.UTF_8);

  private static Map<String, List<String>> multi(Map<String, String> headers) {
    Map<String, List<String>> out = new HashMap<>();
    headers.forEach((k, v) -> out.put(k, List.of(v)));
    return out;
  }

  private static WebhookSigner signer(String... secrets) {
    WebhookSigner.Builder b = WebhookSigner.builder().clock(CLOCK);
    for (String s : secrets) {
      b.secret(s);
    }
    return b.build();
  }

  @Test
  void duringRotationEitherSecretVerifies() {
    WebhookVerifier verifier =
        WebhookVerifier.builder().secret(OLD).secret(NEW).clock(CLOCK).build();

    assertThat(verifier.verify(multi(signer(OLD).sign("msg_1", NOW, BODY)), BODY).id())
        .isEqualTo("msg_1");
    assertThat(verifier.verify(multi(signer(NEW).sign("msg_2", NOW, BODY)), BODY).id())
        .isEqualTo("msg_2");
  }

  @Test
  void aSenderSigningWithBothSecretsVerifiesWithEitherOne() {
    Map<String, String> headers = signer(OLD, NEW).sign("msg_1", NOW, BODY);
    assertThat(headers.get("webhook-signature")).matches("v1,\\S+ v1,\\S+");

    assertThat(
            WebhookVerifier.builder().secret(NEW).clock(CLOCK).build().verify(multi(headers), BODY))
        .isNotNull();
    assertThat(
            WebhookVerifier.builder().secret(OLD).clock(CLOCK).build().verify(multi(headers), BODY))
        .isNotNull();
  }

  @Test
  void aRetiredSecretNoLongerVerifies() {
    WebhookVerifier verifier = WebhookVerifier.builder().secret(NEW).clock(CLOCK).build();

    assertThatThrownBy(() -> verifier.verify(multi(signer(OLD).sign("msg_1", NOW, BODY)), BODY))
        .isInstanceOfSatisfying(
            WebhookVerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.NO_MATCHING_SIGNATURE));
  }

  @Test
  void v1aEd25519SignaturesVerifyWithRawAndX509PublicKeys() throws Exception {
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    byte[] x509 = pair.getPublic().getEncoded();
    byte[] raw = Arrays.copyOfRange(x509, x509.length - 32, x509.length);
    byte[] pkcs8 = pair.getPrivate().getEncoded();
    byte[] seed = Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length);
    WebhookSigner signer =
        WebhookSigner.builder()
            .signingKey("whsk_" + Base64.getEncoder().encodeToString(seed))
            .build();
    Map<String, String> headers = signer.sign("msg_ed", NOW, BODY);
    assertThat(headers.get("webhook-signature")).startsWith("v1a,");

    for (byte[] key : List.of(raw, x509)) {
      WebhookVerifier verifier =
          WebhookVerifier.builder()
              .publicKey("whpk_" + Base64.getEncoder().encodeToString(key))
              .clock(CLOCK)
              .build();
      assertThat(verifier.verify(multi(headers), BODY).id()).isEqualTo("msg_ed");
      byte[] tampered = BODY.clone();
      tampered[10] ^= 1;
      assertThatThrownBy(() -> verifier.verify(multi(headers), tampered))
          .isInstanceOfSatisfying(
              WebhookVerificationException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.NO_MATCHING_SIGNATURE));
    }
  }

  @Test
  void v1aEntriesAreSkippedWithoutAPublicKey() throws Exception {
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    byte[] pkcs8 = pair.getPrivate().getEncoded();
    String seed =
        Base64.getEncoder()
            .encodeToString(Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length));
    Map<String, String> headers =
        WebhookSigner.builder().signingKey("whsk_" + seed).build().sign("m", NOW, BODY);

    assertThatThrownBy(
            () ->
                WebhookVerifier.builder()
                    .secret(OLD)
                    .clock(CLOCK)
                    .build()
                    .verify(multi(headers), BODY))
        .isInstanceOfSatisfying(
            WebhookVerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.NO_MATCHING_SIGNATURE));
  }

  @Test
  void verifyingRecordsNothingSoTheSameDeliveryVerifiesAgain() {
    WebhookVerifier verifier = WebhookVerifier.builder().secret(OLD).clock(CLOCK).build();
    Map<String, List<String>> headers = multi(signer(OLD).sign("msg_again", NOW, BODY));

    WebhookMessage first = verifier.verify(headers, BODY);
    WebhookMessage retry = verifier.verify(headers, BODY);

    assertThat(retry).isEqualTo(first);
  }

  @Test
  void arabicAndTifinaghBodiesVerifyByteExact() {
    byte[] body =
        "{\"title\":{\"ar\":\"زربية أمازيغية\",\"zgh\":\"ⵜⴰⴳⵍⵉⵎⵜ\",\"fr\":\"Tapis à motifs\"}}"
            .getBytes(StandardCharsets.UTF_8);
    WebhookVerifier verifier = WebhookVerifier.builder().secret(OLD).clock(CLOCK).build();

    WebhookMessage m = verifier.verify(multi(signer(OLD).sign("msg_ar", NOW, body)), body);

    assertThat(m.body()).isSameAs(body);
    assertThat(m.bodyAsString()).contains("زربية أمازيغية").contains("ⵜⴰⴳⵍⵉⵎⵜ");
  }

  @Test
  void aBodyChangedByAJsonRoundTripNoLongerVerifies() {
    byte[] sent = "{ \"amount\": 150.00, \"title\": \"\\u0632\" }".getBytes(StandardCharsets.UTF_8);
    byte[] reserialised = "{\"amount\":150.0,\"title\":\"ز\"}".getBytes(StandardCharsets.UTF_8);
    WebhookVerifier verifier = WebhookVerifier.builder().secret(OLD).clock(CLOCK).build();
    Map<String, List<String>> headers = multi(signer(OLD).sign("msg_rt", NOW, sent));

    assertThat(verifier.verify(headers, sent)).isNotNull();
    assertThatThrownBy(() -> verifier.verify(headers, reserialised))
        .isInstanceOfSatisfying(
            WebhookVerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.NO_MATCHING_SIGNATURE));
  }

  @Test
  void everyLineOfARepeatedSignatureHeaderIsConsidered() {
    Map<String, String> signed = signer(OLD).sign("msg_rep", NOW, BODY);
    Map<String, List<String>> headers = new HashMap<>(multi(signed));
    headers.put(
        "Webhook-Signature",
        List.of(
            "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=", signed.get("webhook-signature")));
    headers.remove("webhook-signature");

    assertThat(WebhookVerifier.builder().secret(OLD).clock(CLOCK).build().verify(headers, BODY))
        .isNotNull();
  }

  @Test
  void emptyHeaderCountsAsMissing() {
    Map<String, List<String>> headers = new HashMap<>(multi(signer(OLD).sign("msg_1", NOW, BODY)));
    headers.put("webhook-id", List.of(""));

    assertThatThrownBy(
            () -> WebhookVerifier.builder().secret(OLD).clock(CLOCK).build().verify(headers, BODY))
        .isInstanceOfSatisfying(
            WebhookVerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.MISSING_HEADERS));
  }

  @Test
  void timestampThatOverflowsALongIsInvalid() {
    Map<String, List<String>> headers = new HashMap<>(multi(signer(OLD).sign("msg_1", NOW, BODY)));
    headers.put("webhook-timestamp", List.of("9999999999999999999"));

    assertThatThrownBy(
            () -> WebhookVerifier.builder().secret(OLD).clock(CLOCK).build().verify(headers, BODY))
        .isInstanceOfSatisfying(
            WebhookVerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_TIMESTAMP));
  }

  @Test
  void secretWhitespaceIsStrippedAndPaddingIsOptional() {
    String padded = "whsec_" + Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4});
    String unpadded = padded.replace("=", "");
    Map<String, List<String>> headers = multi(signer(padded).sign("msg_1", NOW, BODY));

    assertThat(
            WebhookVerifier.builder()
                .secret("  " + unpadded + "\n")
                .clock(CLOCK)
                .build()
                .verify(headers, BODY))
        .isNotNull();
  }

  @Test
  void aSecretThatIsNotBase64IsAConfigurationErrorNamingItWithoutEchoingIt() {
    assertThatThrownBy(() -> WebhookVerifier.builder().secret("whsec_not*base64!").build())
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo("secret");
              assertThat(e.getMessage()).doesNotContain("not*base64");
            });
  }

  @Test
  void aPublicKeyOfTheWrongLengthIsAConfigurationErrorNamingIt() {
    assertThatThrownBy(
            () ->
                WebhookVerifier.builder()
                    .publicKey("whpk_" + Base64.getEncoder().encodeToString(new byte[16]))
                    .build())
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("publicKey"));
  }

  @Test
  void anEmptySecretIsAConfigurationErrorNamingIt() {
    assertThatThrownBy(() -> WebhookVerifier.builder().secret("whsec_").build())
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("secret"));
  }

  @Test
  void aVerifierWithoutAnySecretIsAConfigurationErrorNamingTheSecret() {
    assertThatThrownBy(() -> WebhookVerifier.builder().build())
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("secret"));
  }

  /**
   * {@code System.getenv("HIRFA_WEBHOOK_SECRET")} of an unset variable: no NullPointerException.
   */
  @Test
  void aNullSecretFromAnUnsetVariableIsRefusedNamingTheSecretWithAHint() {
    assertThatThrownBy(() -> WebhookVerifier.builder().secret(null))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo("secret");
              assertThat(e.getMessage()).contains("environment variable");
            });
  }

  @Test
  void aToleranceOutOfRangeIsRefusedNamingIt() {
    for (Duration bad : List.of(Duration.ofSeconds(-1), Duration.ofDays(1).plusSeconds(1))) {
      assertThatThrownBy(() -> WebhookVerifier.builder().tolerance(bad))
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.field()).isEqualTo("tolerance"));
    }
  }

  @Test
  void aSignerAskedForABlankIdRefusesItNamingTheId() {
    assertThatThrownBy(() -> signer(OLD).sign(" ", NOW, BODY))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("id"));
  }

  /** Misuse and failure have one home each: a bad delivery is the only verification failure. */
  @Test
  void verificationReasonsNameOnlyChecksOfADelivery() {
    assertThat(Reason.values())
        .containsExactly(
            Reason.MISSING_HEADERS,
            Reason.INVALID_TIMESTAMP,
            Reason.TIMESTAMP_TOO_OLD,
            Reason.TIMESTAMP_TOO_NEW,
            Reason.NO_MATCHING_SIGNATURE);
  }
}
