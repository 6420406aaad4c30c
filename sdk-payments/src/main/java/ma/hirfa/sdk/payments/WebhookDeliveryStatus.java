package ma.hirfa.sdk.payments;

import ma.hirfa.sdk.core.WireEnum;
import ma.hirfa.sdk.core.internal.json.WireEnums;

/**
 * Where one event's delivery to an endpoint stands: {@code pending} (being retried), {@code
 * succeeded} (the endpoint answered 2xx) or {@code failed} (retries exhausted). {@code UNKNOWN}
 * stands for a value newer than this SDK.
 */
public enum WebhookDeliveryStatus implements WireEnum {
  PENDING("pending"),
  SUCCEEDED("succeeded"),
  FAILED("failed"),
  UNKNOWN("unknown");

  private static final WireEnums<WebhookDeliveryStatus> BY_WIRE = WireEnums.index(values());

  private final String wireValue;

  WebhookDeliveryStatus(String wireValue) {
    this.wireValue = wireValue;
  }

  @Override
  public String wireValue() {
    return wireValue;
  }

  /**
   * The constant whose wire value is {@code wireValue}, or {@link #UNKNOWN} for a value newer than
   * this SDK.
   */
  public static WebhookDeliveryStatus fromWire(String wireValue) {
    return BY_WIRE.get(wireValue);
  }
}
