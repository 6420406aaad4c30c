package ma.hirfa.sdk.payments.cmi;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.core.internal.json.ModelStrings;
import ma.hirfa.sdk.core.webhooks.ProcessedEvents;
import org.jspecify.annotations.Nullable;

/**
 * Handles the gateway's server-to-server callback for a form built by {@link CmiPaymentForm}, and
 * produces the answer the gateway expects.
 *
 * <pre>{@code
 * CmiCallback callback = CmiCallback.builder("store-key").autoCapture(true)
 *     .paidOrders(processedEvents)            // shared by every instance; default in memory
 *     .build();
 *
 * // in the callback endpoint, with the posted form fields:
 * CmiCallback.Result r = callback.handle(posted, orders::amountOf, orders::markPaid);
 * response.getWriter().print(r.answer());     // ACTION=POSTAUTH, APPROVED or FAILURE
 * }</pre>
 *
 * <h2>What is checked, in order</h2>
 *
 * <ol>
 *   <li>Every value is HTML-entity-decoded and trimmed, once; a numeric reference that is not a
 *       character ({@code &#x110000;}, a surrogate) is refused.
 *   <li>The names: every field {@link CmiPaymentForm} posts is present (the gateway echoes them),
 *       and {@code ProcReturnCode} and {@code HASH}; every other name is one the gateway documents
 *       for this callback or one added with {@link Builder#allowField}; no name appears twice in
 *       any case.
 *   <li>The ver3 hash over the decoded values, compared in constant time.
 *   <li>The fixed fields hold their values ({@code storetype}, {@code TranType}, {@code currency}
 *       504, {@code hashAlgorithm}, {@code lang}), the typed ones their shape (digits, decimal,
 *       https URLs, an e-mail), and {@code amount} equals the amount your {@code orderAmount} gives
 *       for the verified {@code oid} (no amount: unknown order).
 * </ol>
 *
 * <p>Why names are checked: the hash covers the values in name order, not the names. With any name
 * allowed, one genuine callback could be relabelled, without the store key, so that another order
 * of the same amount (its id typed by the buyer as their name) sits under {@code oid}. With the
 * names fixed, a relabelling keeps all fifteen form names, in order, and can only move {@code oid}
 * over a neighbour's value by renaming an optional field across it; as no allowed name sorts
 * between {@code oid} and {@code okUrl}, {@code okUrl} moves too, onto a value that is not an https
 * URL, and the shapes refuse it. {@code ProcReturnCode} must be exactly {@code 00} to pay, and the
 * gateway's fields that sort next to it never hold {@code 00}. {@code CmiCallbackPropertyTest}
 * tries such targeted renamings: with the names alone checked, some pay the wrong order; with the
 * shapes too, none does.
 *
 * <h2>Answers</h2>
 *
 * <ul>
 *   <li>{@code ACTION=POSTAUTH} (with auto-capture) or {@code APPROVED}: paid. The same answer for
 *       every repeat of a paid callback, so that a repeat whose first answer was lost still
 *       captures; the gateway captures an authorisation once.
 *   <li>{@code APPROVED}: acknowledged but not paid ({@code ProcReturnCode} other than {@code 00}).
 *   <li>{@code FAILURE}: refused (a reason above). Never an exception for what was posted.
 * </ul>
 *
 * <h2>Paid exactly once (E1, E2)</h2>
 *
 * {@code onPaid} runs through {@link ProcessedEvents#processOnce} under the id {@code "cmi-order:"
 * + oid}, with the verified, trimmed {@code oid}: at most once per order, and the order is recorded
 * as paid only after {@code onPaid} returned. If {@code onPaid} throws, the exception propagates
 * (answer {@code FAILURE}, or let your framework answer 500) and the gateway's next callback for
 * that order calls it again. The default store is {@link ProcessedEvents#inMemory()}; give every
 * instance the same shared store with {@link Builder#paidOrders}.
 */
public final class CmiCallback {
  /**
   * What a callback meant and what to answer.
   *
   * @param orderId the verified, trimmed {@code oid}; empty when the callback was refused before
   *     its hash was verified
   * @param paid the callback reports a payment ({@code ProcReturnCode 00}) that passed every check
   * @param firstPayment {@code onPaid} ran for this callback
   * @param answer what to write back to the gateway
   * @param reason why, in words; never a posted value
   */
  public record Result(
      String orderId, boolean paid, boolean firstPayment, String answer, String reason) {
    @Override
    public String toString() {
      return ModelStrings.of(this);
    }
  }

  private final String storeKey;
  private final boolean autoCapture;
  private final ProcessedEvents paidOrders;
  private final Set<String> extraNames;
  private final Clock clock;

  /** A callback handler with the paid orders remembered in memory ({@link #builder}). */
  public CmiCallback(String storeKey, boolean autoCapture) {
    this(builder(storeKey).autoCapture(autoCapture));
  }

  private CmiCallback(Builder b) {
    this.storeKey = b.storeKey;
    this.autoCapture = b.autoCapture;
    this.paidOrders = b.paidOrders != null ? b.paidOrders : ProcessedEvents.inMemory();
    this.extraNames = Set.copyOf(b.extraNames);
    this.clock = b.clock;
  }

  public static Builder builder(String storeKey) {
    return new Builder(storeKey);
  }

  /**
   * Verifies a callback and, on the first verified payment of its order, calls {@code onPaid} with
   * the order id.
   *
   * @param posted the posted form fields, names and values as received
   * @param orderAmount the amount of an order id of yours, or null if there is no such order; it is
   *     called with the verified {@code oid} only, and an exception from it propagates
   * @param onPaid marks the order paid; runs at most once per order, and an exception from it
   *     propagates without recording the order
   */
  public Result handle(
      Map<String, String> posted,
      Function<String, @Nullable Money> orderAmount,
      Consumer<String> onPaid) {
    Objects.requireNonNull(posted, "posted == null");
    Objects.requireNonNull(orderAmount, "orderAmount == null");
    Objects.requireNonNull(onPaid, "onPaid == null");
    Map<String, String> fields;
    try {
      fields = CmiFields.normalise(posted, extraNames);
    } catch (CmiFields.Refused e) {
      return failure("", e.reason());
    }
    byte[] expected = CmiHash.ver3(fields, storeKey).getBytes(StandardCharsets.UTF_8);
    byte[] actual = field(fields, "HASH").getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(expected, actual)) {
      return failure("", "hash mismatch");
    }
    String oid = field(fields, "oid");
    try {
      CmiFields.checkShapes(fields);
    } catch (CmiFields.Refused e) {
      return failure("", e.reason());
    }
    Money amount = orderAmount.apply(oid);
    if (amount == null) {
      return failure(oid, "unknown order");
    }
    if (!sameAmount(field(fields, "amount"), amount)) {
      return failure(oid, "amount does not match the order");
    }
    String code = field(fields, "ProcReturnCode");
    if (!"00".equals(code)) {
      return new Result(oid, false, false, "APPROVED", "not paid: ProcReturnCode " + code);
    }
    boolean first =
        paidOrders.processOnce("cmi-order:" + oid, clock.instant(), () -> onPaid.accept(oid));
    String answer = autoCapture ? "ACTION=POSTAUTH" : "APPROVED";
    return new Result(oid, true, first, answer, first ? "paid" : "already paid");
  }

  /** A field {@link CmiFields#normalise} made sure is present. */
  private static String field(Map<String, String> fields, String name) {
    return Objects.requireNonNull(fields.get(name), name);
  }

  private static Result failure(String oid, String reason) {
    return new Result(oid, false, false, "FAILURE", reason);
  }

  private static boolean sameAmount(String posted, Money expected) {
    if (!expected.currencyCode().equals("MAD")) {
      return false; // the hosted page is in MAD (504)
    }
    return new BigDecimal(posted).compareTo(expected.toBigDecimal()) == 0;
  }

  /** Builds a {@link CmiCallback}. */
  public static final class Builder {
    private final String storeKey;
    private boolean autoCapture;
    private @Nullable ProcessedEvents paidOrders;
    private final Set<String> extraNames = new LinkedHashSet<>();
    private Clock clock = Clock.systemUTC();

    private Builder(String storeKey) {
      this.storeKey = Objects.requireNonNull(storeKey, "storeKey == null");
    }

    /** Answer a payment with {@code ACTION=POSTAUTH} (capture now); default false. */
    public Builder autoCapture(boolean autoCapture) {
      this.autoCapture = autoCapture;
      return this;
    }

    /**
     * Where paid orders are recorded; default {@link ProcessedEvents#inMemory()}. With several
     * instances, a store they share.
     */
    public Builder paidOrders(ProcessedEvents paidOrders) {
      this.paidOrders = Objects.requireNonNull(paidOrders, "paidOrders == null");
      return this;
    }

    /**
     * Accepts one more field name, for a field the gateway sends that this class does not know.
     * Refused: a name that sorts between {@code oid} and {@code okUrl} (it would open a slot next
     * to {@code oid}; see the class documentation).
     *
     * @throws ValidationException naming {@code allowField} for such a name or a blank one
     */
    public Builder allowField(String name) {
      Objects.requireNonNull(name, "name == null");
      if (name.isBlank()) {
        throw new ValidationException("allowField", "must not be blank");
      }
      if (CmiHash.NATURAL_CASE_INSENSITIVE.compare(name, "oid") > 0
          && CmiHash.NATURAL_CASE_INSENSITIVE.compare(name, "okUrl") < 0) {
        throw new ValidationException(
            "allowField", "a field named " + name + " would sort between oid and okUrl");
      }
      extraNames.add(name);
      return this;
    }

    /** The time handed to the paid-orders store with each payment; default the system clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    public CmiCallback build() {
      return new CmiCallback(this);
    }
  }
}
