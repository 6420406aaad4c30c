package ma.hirfa.sdk.core;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An RFC 9457 {@code application/problem+json} body, as returned by both Hirfa APIs.
 *
 * <p>A problem is read as far as it goes: it comes with an error status the SDK already has, so a
 * body missing a member the contract requires ({@code type}, {@code title}, {@code status}) still
 * yields its {@code code} and field errors. Every member but {@code errors} may therefore be null.
 *
 * @param type a URI naming the problem type
 * @param title a short summary of the type
 * @param status the HTTP status as the body states it, or null when the body does not
 * @param detail an explanation specific to this occurrence (redacted by the SDK)
 * @param code a stable machine-readable code, like {@code idempotency_key_reused}
 * @param requestId the id of the request, to quote to support
 * @param errors the refused fields, for validation problems; never null
 */
public record Problem(
    @Nullable String type,
    @Nullable String title,
    @Nullable Integer status,
    @Nullable String detail,
    @Nullable String code,
    @Nullable String requestId,
    List<FieldError> errors) {

  public Problem {
    errors = errors == null ? List.of() : List.copyOf(errors);
  }
}
