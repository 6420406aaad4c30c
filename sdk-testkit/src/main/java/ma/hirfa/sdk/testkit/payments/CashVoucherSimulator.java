package ma.hirfa.sdk.testkit.payments;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Locale;
import ma.hirfa.sdk.testkit.server.Problems;

/**
 * Cash vouchers (MAD only): paid at the counter {@link MagicInputs#VOUCHER_PAID} after creation,
 * except amounts ending in {@link MagicInputs#NEVER_PAID_CENTIMES} centimes, whose voucher expires
 * after {@link MagicInputs#VOUCHER_EXPIRY}.
 */
final class CashVoucherSimulator implements PaymentSimulator {
  @Override
  public String method() {
    return "cash_voucher";
  }

  @Override
  public void check(JsonNode method, String currency, Instant now, Problems.FieldErrors errors) {
    if (!currency.equals("MAD")) {
      errors.add("amount.currency", "unsupported_currency", "cash_voucher payments are in MAD");
    }
  }

  @Override
  public void start(Payment p, JsonNode method, Instant now, PaymentBook book) {
    p.move("requires_action", now);
    p.nextAction = "cash_voucher";
    p.voucherCode = p.id.substring(4, 14).toUpperCase(Locale.ROOT);
    p.expiresAt = now.plus(MagicInputs.VOUCHER_EXPIRY);
    if (p.amount % 100 == MagicInputs.NEVER_PAID_CENTIMES) {
      p.dueAt = p.expiresAt;
      p.dueFailure = "voucher_expired";
    } else {
      p.dueAt = now.plus(MagicInputs.VOUCHER_PAID);
    }
  }
}
