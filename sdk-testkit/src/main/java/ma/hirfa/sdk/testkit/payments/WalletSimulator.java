package ma.hirfa.sdk.testkit.payments;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import ma.hirfa.sdk.testkit.server.Problems;
import ma.hirfa.sdk.testkit.server.SandboxChecks;

/**
 * Mobile wallets: the owner approves {@link MagicInputs#WALLET_APPROVAL} after creation; {@link
 * MagicInputs#WALLET_DECLINES} declines then, {@link MagicInputs#WALLET_TIMES_OUT} never answers
 * and times out after {@link MagicInputs#WALLET_TIMEOUT}.
 */
final class WalletSimulator implements PaymentSimulator {
  @Override
  public String method() {
    return "mobile_wallet";
  }

  @Override
  public void check(JsonNode method, String currency, Instant now, Problems.FieldErrors errors) {
    if (phone(method) == null) {
      errors.add(
          "method.mobile_wallet.phone", "invalid_phone", "a Moroccan mobile number is required");
    }
  }

  @Override
  public void start(Payment p, JsonNode method, Instant now, PaymentBook book) {
    String phone = Objects.requireNonNull(phone(method));
    p.phoneLast2 = phone.substring(phone.length() - 2);
    p.move("requires_action", now);
    p.nextAction = "wallet_approval";
    if (phone.equals(MagicInputs.WALLET_TIMES_OUT)) {
      p.dueAt = now.plus(MagicInputs.WALLET_TIMEOUT);
      p.dueFailure = "wallet_approval_timeout";
    } else {
      p.dueAt = now.plus(MagicInputs.WALLET_APPROVAL);
      p.dueFailure = phone.equals(MagicInputs.WALLET_DECLINES) ? "wallet_declined" : null;
    }
    p.expiresAt = now.plus(MagicInputs.WALLET_TIMEOUT);
  }

  private static @org.jspecify.annotations.Nullable String phone(JsonNode method) {
    return SandboxChecks.mobileE164(method.path("mobile_wallet").path("phone").asText(null));
  }
}
