package ma.hirfa.sdk.core;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/** Validation of {@link ClientOptions.Builder#apiVersion(String)}: an ISO date. */
final class ApiVersions {
  private ApiVersions() {}

  static String validate(String apiVersion) {
    Objects.requireNonNull(apiVersion, "apiVersion == null");
    try {
      LocalDate.parse(apiVersion);
    } catch (DateTimeParseException e) {
      throw new ValidationException(
          "apiVersion", "must be an ISO date like 2026-11-01 but was " + apiVersion);
    }
    return apiVersion;
  }
}
