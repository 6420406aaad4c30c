package ma.hirfa.sdk.core;

import org.jspecify.annotations.Nullable;

/**
 * One entry of a problem's {@code errors[]}: which field the API refused and why.
 *
 * @param field the JSON path of the field, like {@code payout.destination.rib}
 * @param code a stable machine-readable code, like {@code invalid_checksum}
 * @param message a human-readable explanation, without the refused value
 */
public record FieldError(String field, String code, @Nullable String message) {}
