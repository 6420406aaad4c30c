package ma.hirfa.sdk.payments;

import java.time.Instant;
import ma.hirfa.sdk.core.internal.json.ModelStrings;
import org.jspecify.annotations.Nullable;

/**
 * What the payer must do before a payment can complete: follow {@code redirectUrl} (card 3-D
 * Secure), approve on their phone (wallet), scan {@code qrPayload}, or pay {@code voucherCode} at a
 * proximity point before {@code expiresAt}.
 *
 * @param typeAsString the type as the API sent it; {@link #type()} is its {@link NextActionType}
 */
public record NextAction(
    String typeAsString,
    @Nullable String redirectUrl,
    @Nullable String qrPayload,
    @Nullable String voucherCode,
    @Nullable Instant expiresAt) {

  /** What to do; {@link NextActionType#UNKNOWN} for a value newer than this SDK. */
  public NextActionType type() {
    return NextActionType.fromWire(typeAsString);
  }

  @Override
  public String toString() {
    return ModelStrings.of(this);
  }
}
