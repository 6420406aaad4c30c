package ma.hirfa.sdk.examples;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import ma.hirfa.sdk.catalog.ArtisanUpdateParams;
import ma.hirfa.sdk.catalog.CatalogClient;
import ma.hirfa.sdk.catalog.OrderCreateParams;
import ma.hirfa.sdk.catalog.Product;
import ma.hirfa.sdk.catalog.ProductCreateParams;
import ma.hirfa.sdk.catalog.ProductDeleteParams;
import ma.hirfa.sdk.catalog.ProductFields;
import ma.hirfa.sdk.catalog.ProductUpdateParams;
import ma.hirfa.sdk.core.ClientOptions;
import ma.hirfa.sdk.core.HirfaException;
import ma.hirfa.sdk.core.LocalizedText;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.RequestOptions;
import ma.hirfa.sdk.payments.CaptureMethod;
import ma.hirfa.sdk.payments.PaymentCaptureParams;
import ma.hirfa.sdk.payments.PaymentCreateParams;
import ma.hirfa.sdk.payments.PaymentMethodInput;
import ma.hirfa.sdk.payments.PaymentsClient;
import ma.hirfa.sdk.payments.PayoutCreateParams;
import ma.hirfa.sdk.payments.PayoutDestination;
import ma.hirfa.sdk.payments.RefundCreateParams;
import ma.hirfa.sdk.testkit.Sandbox;
import org.jspecify.annotations.Nullable;

/**
 * The writes {@link FaultSequencePropertyTest} attacks: every call of both clients that writes, in
 * its blocking form or (when a sequence draws it) its {@code async()} form.
 */
final class FaultSequenceWrites {
  private FaultSequenceWrites() {}

  static final String CARD = "4242424242424242";

  /** The clients of one sequence, built fresh so that no breaker or budget carries over. */
  static final class Clients implements AutoCloseable {
    @Nullable PaymentsClient payments;
    @Nullable CatalogClient catalog;
    boolean tripping;

    void open(Consumer<ClientOptions.Builder> settings, String api) {
      if (api.equals("payments")) {
        payments =
            PaymentsClient.builder().apiKey("sk_test_unused0000").configure(settings).build();
      } else {
        catalog = CatalogClient.builder().apiKey("sk_test_unused0000").configure(settings).build();
      }
    }

    PaymentsClient payments() {
      return java.util.Objects.requireNonNull(payments);
    }

    CatalogClient catalog() {
      return java.util.Objects.requireNonNull(catalog);
    }

    /** A call of the same client that fails on every attempt, so the breaker opens. */
    void tripBreaker(Sandbox sandbox, String prefix) {
      tripping = true;
      try {
        if (payments != null) {
          sandbox.faults().status("GET", "/v1/payments/pay_" + prefix + "trip", 503, 1);
          payments
              .payments()
              .get("pay_" + prefix + "trip", RequestOptions.builder().maxAttempts(1).build());
        } else if (catalog != null) {
          sandbox.faults().status("GET", "/v1/products/prd_" + prefix + "trip", 503, 10);
          catalog.products().get("prd_" + prefix + "trip");
        }
      } catch (HirfaException expected) {
        // The point of the call.
      } finally {
        tripping = false;
      }
    }

    @Override
    public void close() {
      if (payments != null) {
        payments.close();
      }
      if (catalog != null) {
        catalog.close();
      }
    }
  }

  /** A write: its API, how to prepare a fresh subject, and the call itself. */
  interface Write {
    String name();

    String api();

    /** Makes the object the write acts on, with a clean client; returns its id or reference. */
    String prepare(Sandbox sandbox, String prefix);

    void call(Clients clients, String subject, boolean async)
        throws ExecutionException, InterruptedException, TimeoutException;
  }

  record Simple(String name, String api, Prepare prepare, Call call) implements Write {
    @Override
    public String prepare(Sandbox sandbox, String prefix) {
      return prepare.run(sandbox, prefix);
    }

    @Override
    public void call(Clients clients, String subject, boolean async)
        throws ExecutionException, InterruptedException, TimeoutException {
      call.run(clients, subject, async);
    }
  }

  interface Prepare {
    String run(Sandbox sandbox, String prefix);
  }

  interface Call {
    void run(Clients clients, String subject, boolean async)
        throws ExecutionException, InterruptedException, TimeoutException;
  }

  static final List<Write> WRITES =
      List.of(
          new Simple(
              "payment.create",
              "payments",
              (sandbox, prefix) -> "ORD-" + prefix,
              (c, order, async) -> {
                if (async) {
                  await(c.payments().payments().async().create(payment(order).build()));
                } else {
                  c.payments().payments().create(payment(order).build());
                }
              }),
          new Simple(
              "payment.capture",
              "payments",
              (sandbox, prefix) -> authorized(sandbox, prefix),
              (c, id, async) -> {
                PaymentCaptureParams sixty =
                    PaymentCaptureParams.amount(Money.parse("60.00", "MAD"));
                if (async) {
                  await(c.payments().payments().async().capture(id, sixty));
                } else {
                  c.payments().payments().capture(id, sixty);
                }
              }),
          new Simple(
              "payment.cancel",
              "payments",
              (sandbox, prefix) -> authorized(sandbox, prefix),
              (c, id, async) -> {
                if (async) {
                  await(c.payments().payments().async().cancel(id));
                } else {
                  c.payments().payments().cancel(id);
                }
              }),
          new Simple(
              "refund.create",
              "payments",
              (sandbox, prefix) -> {
                try (PaymentsClient clean = clean(sandbox)) {
                  return clean.payments().create(payment("ORD-" + prefix).build()).id();
                }
              },
              (c, id, async) -> {
                RefundCreateParams ten =
                    RefundCreateParams.partial(id, Money.parse("10.00", "MAD"));
                if (async) {
                  await(c.payments().refunds().async().create(ten));
                } else {
                  c.payments().refunds().create(ten);
                }
              }),
          new Simple(
              "payout.create",
              "payments",
              (sandbox, prefix) -> "art_" + prefix,
              (c, artisan, async) -> {
                PayoutCreateParams payout =
                    PayoutCreateParams.of(
                        artisan,
                        Money.parse("250.00", "MAD"),
                        PayoutDestination.rib("011519000001205000534921"));
                if (async) {
                  await(c.payments().payouts().async().create(payout));
                } else {
                  c.payments().payouts().create(payout);
                }
              }),
          new Simple(
              "product.update",
              "catalog",
              (sandbox, prefix) -> product(sandbox, prefix),
              (c, idAndEtag, async) -> {
                String[] parts = idAndEtag.split(" ", 2);
                ProductUpdateParams seven =
                    kilim(ProductUpdateParams.builder(), parts[0].substring(4) + "U")
                        .stock(7)
                        .build();
                if (async) {
                  await(c.catalog().products().async().update(parts[0], parts[1], seven));
                } else {
                  c.catalog().products().update(parts[0], parts[1], seven);
                }
              }),
          new Simple(
              "product.delete",
              "catalog",
              (sandbox, prefix) -> product(sandbox, prefix).split(" ")[0],
              (c, id, async) -> {
                if (async) {
                  await(
                      c.catalog().products().async().delete(id, ProductDeleteParams.anyVersion()));
                } else {
                  c.catalog().products().delete(id, ProductDeleteParams.anyVersion());
                }
              }),
          new Simple(
              "artisan.update",
              "catalog",
              (sandbox, prefix) -> prefix,
              (c, prefix, async) -> {
                ArtisanUpdateParams city =
                    ArtisanUpdateParams.builder().city("Fes " + prefix.substring(3)).build();
                if (async) {
                  await(c.catalog().artisans().async().update("art_S000001", city));
                } else {
                  c.catalog().artisans().update("art_S000001", city);
                }
              }),
          new Simple(
              "products.batch",
              "catalog",
              (sandbox, prefix) -> prefix,
              (c, prefix, async) -> {
                List<ProductCreateParams> two =
                    List.of(kilim(prefix + "A").build(), kilim(prefix + "B").build());
                if (async) {
                  await(c.catalog().products().async().upsert(two));
                } else {
                  c.catalog().products().upsert(two);
                }
              }),
          new Simple(
              "order.create",
              "catalog",
              (sandbox, prefix) -> product(sandbox, prefix).split(" ")[0],
              (c, productId, async) -> {
                OrderCreateParams order =
                    OrderCreateParams.builder()
                        .buyer(new OrderCreateParams.Buyer("Jane Roe", "jane@example.com", null))
                        .line(productId, 1)
                        .shipping(new OrderCreateParams.Shipping("FR", "1 rue de Rivoli"))
                        .build();
                if (async) {
                  await(c.catalog().orders().async().create(order));
                } else {
                  c.catalog().orders().create(order);
                }
              }));

  /** The asynchronous form's result, as a sequence waits for it. */
  private static <T> T await(CompletableFuture<T> future)
      throws ExecutionException, InterruptedException, TimeoutException {
    return future.get(30, TimeUnit.SECONDS);
  }

  static Write pick(SplittableRandom random) {
    return WRITES.get(random.nextInt(WRITES.size()));
  }

  static PaymentCreateParams.Builder payment(String order) {
    return PaymentCreateParams.builder()
        .amount(Money.parse("100.00", "MAD"))
        .orderReference(order)
        .artisanId("art_7QK2M9")
        .method(PaymentMethodInput.card(CARD, 12, 2031, "123"));
  }

  static ProductCreateParams.Builder kilim(String sku) {
    return kilim(ProductCreateParams.builder(), sku);
  }

  static <B extends ProductFields.Builder<B>> B kilim(B builder, String sku) {
    return builder
        .sku(sku)
        .artisanId("art_S000001")
        .craft("kilim")
        .title(LocalizedText.builder().put("ar", "حنبل").put("fr", "Kilim bleu").build())
        .price(Money.parse("1800.00", "MAD"))
        .stock(5)
        .hsCode("570210")
        .image("https://cdn.example.com/kilim.jpg");
  }

  private static PaymentsClient clean(Sandbox sandbox) {
    return PaymentsClient.builder().apiKey(sandbox.apiKey()).baseUrl(sandbox.baseUrl()).build();
  }

  private static String authorized(Sandbox sandbox, String prefix) {
    try (PaymentsClient clean = clean(sandbox)) {
      return clean
          .payments()
          .create(payment("ORD-" + prefix).captureMethod(CaptureMethod.MANUAL).build())
          .id();
    }
  }

  /** A fresh product: {@code "id etag sku"}. */
  private static String product(Sandbox sandbox, String prefix) {
    try (CatalogClient clean =
        CatalogClient.builder()
            .apiKey(sandbox.apiKey())
            .baseUrl(sandbox.baseUrl())
            .configure(o -> o.readTimeout(Duration.ofSeconds(5)))
            .build()) {
      Product p = clean.products().create(kilim(prefix).build());
      return p.id() + " " + p.etag() + " " + prefix;
    }
  }
}
