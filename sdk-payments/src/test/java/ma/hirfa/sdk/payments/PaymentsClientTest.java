package ma.hirfa.sdk.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import ma.hirfa.sdk.core.InvalidRequestException;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.RetryPolicy;
import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.testkit.Sandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The payments client against the embedded sandbox, end to end. */
class PaymentsClientTest {
  static final String CARD = "4242424242424242";
  static Sandbox sandbox;
  static PaymentsClient client;

  @BeforeAll
  static void start() {
    sandbox =
        Sandbox.builder()
            .clock(Clock.fixed(Instant.parse("2026-11-29T09:00:00Z"), ZoneOffset.UTC))
            .start();
    client =
        PaymentsClient.builder()
            .apiKey(sandbox.apiKey())
            .baseUrl(sandbox.baseUrl())
            .configure(
                o ->
                    o.retryPolicy(
                        RetryPolicy.builder().initialBackoff(Duration.ofMillis(10)).build()))
            .build();
  }

  @AfterAll
  static void stop() {
    client.close();
    sandbox.close();
  }

  private static PaymentCreateParams.Builder params(String order, PaymentMethodInput method) {
    return PaymentCreateParams.builder()
        .amount(Money.parse("1250.00", "MAD"))
        .orderReference(order)
        .artisanId("art_7QK2M9")
        .method(method);
  }

  @Test
  void cardPaymentSucceedsWithItsFeeSplit() {
    Payment p =
        client
            .payments()
            .create(params("ORD-c1", PaymentMethodInput.card(CARD, 12, 2031, "123")).build());

    assertThat(p.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(p.amountCaptured()).isEqualTo(Money.parse("1250.00", "MAD"));
    assertThat(p.feeSplit().platformFee()).isEqualTo(Money.parse("93.75", "MAD"));
    assertThat(p.feeSplit().artisanAmount()).isEqualTo(Money.parse("1156.25", "MAD"));
    assertThat(p.method().cardLast4()).isEqualTo("4242");
    assertThat(client.payments().get(p.id())).isEqualTo(p);
  }

  @Test
  void threeDsCardWalksToSuccessAndToFailure() {
    Payment ok =
        client
            .payments()
            .create(
                params("ORD-3ds-ok", PaymentMethodInput.card("4000000000003220", 12, 2031, "123"))
                    .build());
    assertThat(ok.status()).isEqualTo(PaymentStatus.REQUIRES_ACTION);
    assertThat(ok.nextAction()).isNotNull();
    assertThat(ok.nextAction().type()).isEqualTo(NextActionType.REDIRECT_TO_URL);
    assertThat(ok.nextAction().redirectUrl()).startsWith(sandbox.baseUrl());

    sandbox.completeThreeDs(ok.id(), true);
    assertThat(client.payments().get(ok.id()).status()).isEqualTo(PaymentStatus.SUCCEEDED);

    Payment ko =
        client
            .payments()
            .create(
                params("ORD-3ds-ko", PaymentMethodInput.card("4000000000003220", 12, 2031, "123"))
                    .build());
    sandbox.completeThreeDs(ko.id(), false);
    Payment failed = client.payments().get(ko.id());
    assertThat(failed.status()).isEqualTo(PaymentStatus.FAILED);
    assertThat(failed.failureCode()).isEqualTo("authentication_failed");
  }

  @Test
  void declinedCardFails() {
    Payment p =
        client
            .payments()
            .create(
                params("ORD-c2", PaymentMethodInput.card("4000000000000002", 12, 2031, "123"))
                    .build());

    assertThat(p.status()).isEqualTo(PaymentStatus.FAILED);
    assertThat(p.failureCode()).isEqualTo("card_declined");
  }

  @Test
  void walletPaymentsApproveOrDecline() {
    Payment ok =
        client
            .payments()
            .create(params("ORD-w1", PaymentMethodInput.mobileWallet("06 11 22 33 44")).build());
    Payment ko =
        client
            .payments()
            .create(params("ORD-w2", PaymentMethodInput.mobileWallet("+212600000002")).build());
    assertThat(ok.nextAction().type()).isEqualTo(NextActionType.WALLET_APPROVAL);
    assertThat(ok.method().phoneLast2()).isEqualTo("44");

    sandbox.clock().advance(Duration.ofSeconds(11));

    assertThat(client.payments().get(ok.id()).status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(client.payments().get(ko.id()).failureCode()).isEqualTo("wallet_declined");
  }

  @Test
  void cashVoucherIsPaidOrExpires() {
    Payment paid =
        client.payments().create(params("ORD-v1", PaymentMethodInput.cashVoucher()).build());
    Payment unpaid =
        client
            .payments()
            .create(
                params("ORD-v2", PaymentMethodInput.cashVoucher())
                    .amount(Money.parse("300.99", "MAD"))
                    .build());
    assertThat(paid.nextAction().voucherCode()).isNotBlank();

    sandbox.clock().advance(Duration.ofHours(2));
    assertThat(client.payments().get(paid.id()).status()).isEqualTo(PaymentStatus.SUCCEEDED);
    sandbox.clock().advance(Duration.ofDays(3));
    assertThat(client.payments().get(unpaid.id()).failureCode()).isEqualTo("voucher_expired");
  }

  @Test
  void qrPaymentSucceedsOnceScanned() {
    Payment qr = client.payments().create(params("ORD-qr", PaymentMethodInput.qr()).build());
    assertThat(qr.nextAction().qrPayload()).isNotBlank();

    sandbox.clock().advance(Duration.ofSeconds(31));
    assertThat(client.payments().get(qr.id()).status()).isEqualTo(PaymentStatus.SUCCEEDED);
  }

  @Test
  void qrPaymentExpiresUnscanned() {
    Payment qr =
        client
            .payments()
            .create(
                params("ORD-qr-x", PaymentMethodInput.qr())
                    .amount(Money.parse("80.99", "MAD"))
                    .build());

    sandbox.clock().advance(Duration.ofMinutes(16));
    assertThat(client.payments().get(qr.id()).failureCode()).isEqualTo("qr_expired");
  }

  @Test
  void aRefundTheAcquirerRefusesFailsAndRefundsNothing() {
    Payment p =
        client
            .payments()
            .create(params("ORD-r-fail", PaymentMethodInput.card(CARD, 12, 2031, "123")).build());

    Refund r = client.refunds().create(RefundCreateParams.partial(p, Money.parse("10.13", "MAD")));

    assertThat(r.status()).isEqualTo(RefundStatus.FAILED);
    assertThat(client.payments().get(p.id()).amountRefunded().isZero()).isTrue();
  }

  @Test
  void manualCaptureInPartThenCancelIsRefused() {
    Payment p =
        client
            .payments()
            .create(
                params("ORD-m1", PaymentMethodInput.card(CARD, 12, 2031, "123"))
                    .captureMethod(CaptureMethod.MANUAL)
                    .build());
    assertThat(p.status()).isEqualTo(PaymentStatus.AUTHORIZED);

    Payment captured =
        client
            .payments()
            .capture(p.id(), PaymentCaptureParams.amount(Money.parse("1000.00", "MAD")));

    assertThat(captured.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(captured.amountCaptured()).isEqualTo(Money.parse("1000.00", "MAD"));
    assertThatThrownBy(() -> client.payments().cancel(p.id()))
        .isInstanceOfSatisfying(
            ma.hirfa.sdk.core.ConflictException.class,
            e -> assertThat(e.code()).isEqualTo("payment_not_cancelable"));
  }

  @Test
  void aResponseLostAfterCommitIsRetriedAndYieldsOnePayment() {
    sandbox.faults().resetAfterCommit("POST", "/v1/payments", 1);

    Payment p =
        client
            .payments()
            .create(params("ORD-lost", PaymentMethodInput.card(CARD, 12, 2031, "123")).build());

    assertThat(p.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(sandbox.paymentCount("ORD-lost")).isEqualTo(1);
  }

  @Test
  void refundsAboveTheRemainderAreRefusedBeforeAndByTheServer() {
    Payment p =
        client
            .payments()
            .create(params("ORD-r1", PaymentMethodInput.card(CARD, 12, 2031, "123")).build());
    client.refunds().create(RefundCreateParams.partial(p, Money.parse("1000.00", "MAD")));

    Payment now = client.payments().get(p.id());
    assertThat(now.refundable()).isEqualTo(Money.parse("250.00", "MAD"));
    assertThatThrownBy(
            () ->
                client
                    .refunds()
                    .create(RefundCreateParams.partial(now, Money.parse("250.01", "MAD"))))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("amount"));
    assertThatThrownBy(
            () ->
                client
                    .refunds()
                    .create(RefundCreateParams.partial(p.id(), Money.parse("250.01", "MAD"))))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(f -> f.code())
                    .containsExactly("refund_exceeds_remaining"));
    Refund rest =
        client
            .refunds()
            .create(RefundCreateParams.full(p.id()).withReason(RefundReason.DAMAGED_IN_TRANSIT));
    assertThat(rest.amount()).isEqualTo(Money.parse("250.00", "MAD"));
  }

  @Test
  void aPayoutToAValidIbanIsPaidTheNextDay() {
    Payout po =
        client
            .payouts()
            .create(
                PayoutCreateParams.of(
                    "art_7QK2M9",
                    Money.parse("500.00", "MAD"),
                    PayoutDestination.iban("MA64011519000001205000534921")));
    assertThat(po.status()).isEqualTo(PayoutStatus.PENDING);
    assertThat(po.destination().last4()).isEqualTo("4921");
    assertThat(po.toString()).doesNotContain("011519000001205000534921");

    sandbox.clock().advance(Duration.ofDays(1));
    assertThat(client.payouts().get(po.id()).status()).isEqualTo(PayoutStatus.PAID);
  }

  @Test
  void listAutoPagingWalksEveryPage() {
    for (int i = 0; i < 5; i++) {
      client
          .payments()
          .create(params("ORD-list", PaymentMethodInput.card(CARD, 12, 2031, "123")).build());
    }

    List<Payment> all =
        client
            .payments()
            .listAutoPaging(PaymentListParams.builder().orderReference("ORD-list").limit(2).build())
            .stream()
            .toList();

    assertThat(all).hasSize(5).extracting(Payment::orderReference).containsOnly("ORD-list");
  }

  @Test
  void settlementLinesStreamAndSumToTheSettlement() {
    client
        .payments()
        .create(params("ORD-s1", PaymentMethodInput.card(CARD, 12, 2031, "123")).build());
    LocalDate day = LocalDate.ofInstant(sandbox.clock().instant(), ZoneOffset.UTC);

    Settlement s =
        client
            .settlements()
            .listAutoPaging(SettlementListParams.builder().date(day).build())
            .stream()
            .filter(x -> x.currency().equals("MAD"))
            .findFirst()
            .orElseThrow();
    long net;
    try (Stream<SettlementLine> lines = client.settlements().lines(s.id())) {
      net = lines.mapToLong(l -> l.net().amountMinor()).sum();
    }

    assertThat(net).isEqualTo(s.net().amountMinor());
    assertThat(s.lineCount()).isPositive();
  }

  @Test
  void invalidParamsFailBeforeTheNetworkNamingTheField() {
    assertThatThrownBy(() -> PaymentMethodInput.card("4242424242424241", 12, 2031, "123"))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("method.card.number"));
    assertThatThrownBy(() -> PaymentMethodInput.mobileWallet("0522123456"))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.field()).isEqualTo("method.mobile_wallet.phone"));
    assertThatThrownBy(
            () -> params("O", PaymentMethodInput.qr()).amount(Money.ofMinor(0, "MAD")).build())
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("amount.amount_minor"));
    assertThatThrownBy(
            () ->
                params("O", PaymentMethodInput.qr()).returnUrl("http://shop.example/back").build())
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("return_url"));
    assertThatThrownBy(
            () -> params("O", PaymentMethodInput.qr()).amount(Money.parse("10.00", "EUR")).build())
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("amount.currency"));
    assertThatThrownBy(() -> params("O", PaymentMethodInput.qr()).artisanId("artisan-7").build())
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("artisan_id"));
  }

  @Test
  void webhookEndpointsAreRegisteredWithASecretShownOnce() {
    WebhookEndpoint e =
        client
            .webhookEndpoints()
            .create(
                WebhookEndpointCreateParams.builder()
                    .url("http://127.0.0.1:9/hooks")
                    .event("payment.succeeded")
                    .build());

    assertThat(e.id()).startsWith("we_");
    assertThat(e.secret()).startsWith("whsec_");
    assertThat(e.toString()).doesNotContain(e.secret());
    assertThatThrownBy(() -> WebhookEndpointCreateParams.allEvents("http://bank.example/hooks"))
        .isInstanceOfSatisfying(
            ValidationException.class, ex -> assertThat(ex.field()).isEqualTo("url"));
  }

  @Test
  void cardAndPhoneNumbersNeverReachTheLogsOrToString() throws Exception {
    PaymentMethodInput card = PaymentMethodInput.card("4000000000009995", 12, 2031, "737");
    PaymentMethodInput wallet = PaymentMethodInput.mobileWallet("0677889900");
    client.payments().create(params("ORD-secret-1", card).build());
    client.payments().create(params("ORD-secret-2", wallet).build());

    assertThat(card.toString()).doesNotContain("4000000000009995").doesNotContain("737");
    assertThat(wallet.toString()).doesNotContain("677889900");
    String log = Files.readString(Path.of("target/sdk-test.log"), StandardCharsets.UTF_8);
    assertThat(log).contains("POST /v1/payments");
    assertThat(log)
        .doesNotContain("4000000000009995")
        .doesNotContain("\"cvc\":\"737\"")
        .doesNotContain("677889900");
  }
}
