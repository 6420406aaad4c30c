package ma.hirfa.sdk.testkit.payments;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import ma.hirfa.sdk.testkit.server.Problems;

/**
 * How one payment method behaves in the sandbox: which inputs it refuses, the status a new payment
 * starts in (following {@link PaymentTransitions}) and what falls due later (queued by {@link
 * PaymentBook} and applied at its due time). One implementation per method: {@code CardSimulator},
 * {@code WalletSimulator}, {@code QrSimulator}, {@code CashVoucherSimulator}.
 */
interface PaymentSimulator {
  /** The method's wire name, like {@code card}. */
  String method();

  /** Adds the method input's field errors (for a payment in {@code currency}, at {@code now}). */
  void check(JsonNode method, String currency, Instant now, Problems.FieldErrors errors);

  /**
   * Starts a checked payment created at {@code now}: its first status, its next action and, for a
   * step that ends by itself, {@code Payment#dueAt} and {@code Payment#dueFailure}.
   */
  void start(Payment p, JsonNode method, Instant now, PaymentBook book);
}
