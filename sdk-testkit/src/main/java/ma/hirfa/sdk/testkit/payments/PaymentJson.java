package ma.hirfa.sdk.testkit.payments;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneOffset;
import ma.hirfa.sdk.testkit.server.Exchange;
import ma.hirfa.sdk.testkit.server.Json;

/** How payments, refunds and payouts look on the wire (and in events). Called under the lock. */
final class PaymentJson {
  private PaymentJson() {}

  static ObjectNode render(Payment p) {
    ObjectNode o = Exchange.JSON.createObjectNode();
    o.put("id", p.id);
    o.set("amount", Json.money(p.amount, p.currency));
    o.set("amount_captured", Json.money(p.captured, p.currency));
    o.set("amount_refunded", Json.money(p.refunded, p.currency));
    o.put("status", p.status);
    o.put("capture_method", p.captureMethod);
    ObjectNode method = o.putObject("method").put("type", p.methodType);
    if (p.cardLast4 != null) {
      method.put("card_brand", p.cardBrand).put("card_last4", p.cardLast4);
    }
    if (p.phoneLast2 != null) {
      method.put("phone_last2", p.phoneLast2);
    }
    o.put("order_reference", p.orderReference);
    o.put("artisan_id", p.artisanId);
    long fee = p.fee();
    long base = p.captured > 0 ? p.captured : p.amount;
    ObjectNode split = o.putObject("fee_split");
    split.set("platform_fee", Json.money(fee, p.currency));
    split.set("artisan_amount", Json.money(base - fee, p.currency));
    if (p.nextAction == null) {
      o.putNull("next_action");
    } else {
      ObjectNode na = o.putObject("next_action").put("type", p.nextAction);
      if (p.redirectUrl != null) {
        na.put("redirect_url", p.redirectUrl);
      }
      if (p.qrPayload != null) {
        na.put("qr_payload", p.qrPayload);
      }
      if (p.voucherCode != null) {
        na.put("voucher_code", p.voucherCode);
      }
      if (p.expiresAt != null) {
        na.put("expires_at", p.expiresAt.toString());
      }
    }
    o.put("failure_code", p.failureCode);
    o.put("failure_message", p.failureMessage);
    o.put("return_url", p.returnUrl);
    o.put("description", p.description);
    ObjectNode metadata = o.putObject("metadata");
    p.metadata.forEach(metadata::put);
    o.put("created_at", p.createdAt.toString());
    o.put("updated_at", p.updatedAt.toString());
    o.put("livemode", false);
    return o;
  }

  static ObjectNode render(Refund r) {
    ObjectNode o = Exchange.JSON.createObjectNode();
    o.put("id", r.id);
    o.put("payment_id", r.paymentId);
    o.set("amount", Json.money(r.amount, r.currency));
    o.put("status", r.failed ? "failed" : "succeeded");
    o.put("reason", r.reason);
    o.put("created_at", r.createdAt.toString());
    return o;
  }

  static ObjectNode render(Payout po) {
    ObjectNode o = Exchange.JSON.createObjectNode();
    o.put("id", po.id);
    o.put("artisan_id", po.artisanId);
    o.set("amount", Json.money(po.amount, "MAD"));
    o.put("status", po.status);
    o.putObject("destination").put("type", po.destinationType).put("last4", po.last4);
    o.put("failure_code", po.failureCode);
    if (po.status.equals("paid")) {
      o.put(
          "arrival_date",
          po.createdAt
              .plus(MagicInputs.PAYOUT_ARRIVAL)
              .atZone(ZoneOffset.UTC)
              .toLocalDate()
              .toString());
    } else {
      o.putNull("arrival_date");
    }
    o.put("created_at", po.createdAt.toString());
    return o;
  }
}
