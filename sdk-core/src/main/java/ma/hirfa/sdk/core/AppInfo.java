package ma.hirfa.sdk.core;

import java.util.Objects;
import java.util.regex.Pattern;
import ma.hirfa.sdk.core.internal.log.Redactor;
import org.jspecify.annotations.Nullable;

/**
 * Identifies the application embedding the SDK. It is appended to the {@code User-Agent} so that
 * the platform's support team can find a partner's traffic, for example {@code
 * AppInfo.of("atlas-bank-payments", "4.2.0")} gives {@code atlas-bank-payments/4.2.0}.
 */
public record AppInfo(String name, String version, @Nullable String url) {
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~+-]{1,64}");

  /** Validates the parts: name and version are HTTP tokens, the URL (if any) has no spaces. */
  public AppInfo {
    Objects.requireNonNull(name, "appInfo.name == null");
    Objects.requireNonNull(version, "appInfo.version == null");
    if (!TOKEN.matcher(name).matches()) {
      throw new ValidationException(
          "appInfo.name",
          "must be 1-64 characters of letters, digits and ._~+- but was " + Redactor.quote(name));
    }
    if (!TOKEN.matcher(version).matches()) {
      throw new ValidationException(
          "appInfo.version",
          "must be 1-64 characters of letters, digits and ._~+- but was "
              + Redactor.quote(version));
    }
    if (url != null && (url.isBlank() || url.chars().anyMatch(c -> c <= ' ' || c > '~'))) {
      throw new ValidationException("appInfo.url", "must be printable ASCII without spaces");
    }
  }

  public static AppInfo of(String name, String version) {
    return new AppInfo(name, version, null);
  }

  /** The user-agent product token, like {@code name/version (+url)}. */
  String userAgentToken() {
    return url == null ? name + "/" + version : name + "/" + version + " (+" + url + ")";
  }
}
