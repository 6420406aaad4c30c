package ma.hirfa.sdk.payments;

import ma.hirfa.sdk.core.WireEnum;

/**
 * The state of a webhook delivery: {@code pending} (an attempt is due) → {@code succeeded} (a 2xx
 * answered) | {@code failed} (every attempt failed). {@code UNKNOWN} stands for a value newer than
 * this SDK.
 */
public enum WebhookDeliveryStatus implements WireEnum {
  PENDING("pending"),
  SUCCEEDED("succeeded"),
  FAILED("failed"),
  UNKNOWN("unknown");

  private final String wireValue;

  WebhookDeliveryStatus(String wireValue) {
    this.wireValue = wireValue;
  }

  @Override
  public String wireValue() {
    return wireValue;
  }
}
