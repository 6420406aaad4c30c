package ma.hirfa.sdk.testkit.payments;

import java.time.Duration;

/**
 * Every magic input of the payments sandbox and every delay it simulates, in one place (the table
 * in {@code docs/sandbox.md} lists the same): test cards, wallet numbers, amounts whose centimes
 * choose an outcome, and how long each pending step takes on the sandbox clock.
 */
public final class MagicInputs {
  private MagicInputs() {}

  /** A card that is approved at once. Any other Luhn-valid, unexpired number behaves the same. */
  public static final String CARD_SUCCEEDS = "4242424242424242";

  /**
   * A card that asks for 3-D Secure: {@code requires_action} until the cardholder completes it on
   * the page at {@code next_action.redirect_url}; in a test, {@code Sandbox.completeThreeDs}.
   */
  public static final String CARD_3DS = "4000000000003220";

  /** A card the issuer declines: {@code failed} with {@code card_declined}. */
  public static final String CARD_DECLINED = "4000000000000002";

  /** A card without funds: {@code failed} with {@code insufficient_funds}. */
  public static final String CARD_INSUFFICIENT_FUNDS = "4000000000009995";

  /** A wallet whose owner declines the approval request. */
  public static final String WALLET_DECLINES = "+212600000002";

  /** A wallet whose owner never answers: the approval times out. */
  public static final String WALLET_TIMES_OUT = "+212600000003";

  /**
   * QR codes and cash vouchers for amounts ending in these centimes are never paid: they expire.
   */
  public static final long NEVER_PAID_CENTIMES = 99;

  /** Refunds of amounts ending in these centimes fail at the acquirer: nothing is refunded. */
  public static final long REFUND_FAILS_CENTIMES = 13;

  /** Payouts to a RIB (or the RIB inside an IBAN) starting with these digits come back. */
  public static final String PAYOUT_RETURNED_RIB_PREFIX = "999";

  /** An artisan registration whose NIA starts with this is rejected, not verified. */
  public static final String NIA_REJECTED_PREFIX = "NIA-REJECT";

  /** A wallet owner approves (or declines) this long after the payment is created. */
  public static final Duration WALLET_APPROVAL = Duration.ofSeconds(10);

  /** An unanswered wallet approval request times out after this. */
  public static final Duration WALLET_TIMEOUT = Duration.ofMinutes(5);

  /** A QR code is scanned and paid this long after the payment is created. */
  public static final Duration QR_SCAN = Duration.ofSeconds(30);

  /** A QR code, and a 3-D Secure step, expire after this. */
  public static final Duration QR_AND_3DS_EXPIRY = Duration.ofMinutes(15);

  /** A cash voucher is paid at the counter this long after the payment is created. */
  public static final Duration VOUCHER_PAID = Duration.ofHours(2);

  /** An unpaid cash voucher expires after this. */
  public static final Duration VOUCHER_EXPIRY = Duration.ofDays(3);

  /** A payout leaves {@code pending} for {@code in_transit} after this. */
  public static final Duration PAYOUT_IN_TRANSIT = Duration.ofMinutes(1);

  /** A payout arrives ({@code paid}, or {@code returned}) this long after it is created. */
  public static final Duration PAYOUT_ARRIVAL = Duration.ofDays(1);

  /** The marketplace commission in basis points (7.5 %), rounded half up to the centime. */
  public static final long FEE_BASIS_POINTS = 750;
}
