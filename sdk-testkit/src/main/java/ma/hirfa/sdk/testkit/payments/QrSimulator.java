package ma.hirfa.sdk.testkit.payments;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import ma.hirfa.sdk.testkit.server.Problems;

/**
 * QR codes (MAD only): scanned and paid {@link MagicInputs#QR_SCAN} after creation, except amounts
 * ending in {@link MagicInputs#NEVER_PAID_CENTIMES} centimes, whose code expires unpaid.
 */
final class QrSimulator implements PaymentSimulator {
  @Override
  public String method() {
    return "qr";
  }

  @Override
  public void check(JsonNode method, String currency, Instant now, Problems.FieldErrors errors) {
    if (!currency.equals("MAD")) {
      errors.add("amount.currency", "unsupported_currency", "qr payments are in MAD");
    }
  }

  @Override
  public void start(Payment p, JsonNode method, Instant now, PaymentBook book) {
    p.move("requires_action", now);
    p.nextAction = "display_qr";
    p.qrPayload = "HIRFA-SANDBOX-QR:" + p.id;
    p.expiresAt = now.plus(MagicInputs.QR_AND_3DS_EXPIRY);
    if (p.amount % 100 == MagicInputs.NEVER_PAID_CENTIMES) {
      p.dueAt = p.expiresAt;
      p.dueFailure = "qr_expired";
    } else {
      p.dueAt = now.plus(MagicInputs.QR_SCAN);
    }
  }
}
