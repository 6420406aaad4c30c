package ma.hirfa.sdk.testkit.payments;

import java.util.List;

/**
 * The payment state machine the sandbox's simulators follow, one row per move a method can make.
 * {@code Payment#move} refuses any move that is not a row here, and {@code PaymentTransitionsTest}
 * checks every row against the diagram in {@code docs/state-machines.md}.
 */
public final class PaymentTransitions {
  /** The pseudo-state before a payment exists, as the diagram draws it. */
  public static final String START = "[*]";

  /** A move of {@code method}'s payments from one status to another, and what makes it. */
  public record Transition(String method, String from, String to, String trigger) {}

  /** Every move of every method. */
  public static final List<Transition> TABLE =
      List.of(
          new Transition("card", START, "succeeded", "approved, automatic capture"),
          new Transition("card", START, "authorized", "approved, manual capture"),
          new Transition("card", START, "failed", "declined, or insufficient funds"),
          new Transition("card", START, "requires_action", "3-D Secure asked"),
          new Transition("card", "requires_action", "succeeded", "3-D Secure passed"),
          new Transition("card", "requires_action", "authorized", "3-D Secure passed, manual"),
          new Transition("card", "requires_action", "failed", "3-D Secure failed"),
          new Transition("card", "requires_action", "canceled", "cancel"),
          new Transition("card", "authorized", "succeeded", "capture"),
          new Transition("card", "authorized", "canceled", "cancel"),
          new Transition("mobile_wallet", START, "requires_action", "approval requested"),
          new Transition("mobile_wallet", "requires_action", "succeeded", "owner approved"),
          new Transition("mobile_wallet", "requires_action", "authorized", "approved, manual"),
          new Transition("mobile_wallet", "requires_action", "failed", "declined or timed out"),
          new Transition("mobile_wallet", "requires_action", "canceled", "cancel"),
          new Transition("mobile_wallet", "authorized", "succeeded", "capture"),
          new Transition("mobile_wallet", "authorized", "canceled", "cancel"),
          new Transition("qr", START, "requires_action", "code displayed"),
          new Transition("qr", "requires_action", "succeeded", "code scanned"),
          new Transition("qr", "requires_action", "authorized", "code scanned, manual"),
          new Transition("qr", "requires_action", "failed", "code expired"),
          new Transition("qr", "requires_action", "canceled", "cancel"),
          new Transition("qr", "authorized", "succeeded", "capture"),
          new Transition("qr", "authorized", "canceled", "cancel"),
          new Transition("cash_voucher", START, "requires_action", "voucher issued"),
          new Transition("cash_voucher", "requires_action", "succeeded", "paid at the counter"),
          new Transition("cash_voucher", "requires_action", "authorized", "paid, manual"),
          new Transition("cash_voucher", "requires_action", "failed", "voucher expired"),
          new Transition("cash_voucher", "requires_action", "canceled", "cancel"),
          new Transition("cash_voucher", "authorized", "succeeded", "capture"),
          new Transition("cash_voucher", "authorized", "canceled", "cancel"));

  private PaymentTransitions() {}

  /** Whether {@code method}'s payments may move from {@code from} to {@code to}. */
  public static boolean allowed(String method, String from, String to) {
    for (Transition t : TABLE) {
      if (t.method().equals(method) && t.from().equals(from) && t.to().equals(to)) {
        return true;
      }
    }
    return false;
  }
}
