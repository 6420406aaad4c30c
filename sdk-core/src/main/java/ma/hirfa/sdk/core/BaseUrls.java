package ma.hirfa.sdk.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import ma.hirfa.sdk.core.internal.Validate;
import ma.hirfa.sdk.core.internal.log.Redactor;
import org.jspecify.annotations.Nullable;

/** Parsing and validation of {@link ClientOptions.Builder#baseUrl(String)}. */
final class BaseUrls {
  private BaseUrls() {}

  static URI validate(@Nullable String value) {
    if (value == null || value.isBlank()) {
      throw new ValidationException("baseUrl", "must not be empty");
    }
    URI uri;
    try {
      uri = new URI(value.trim());
    } catch (URISyntaxException e) {
      throw new ValidationException("baseUrl", "is not a valid URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost();
    if (host == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new ValidationException(
          "baseUrl", "must be an absolute https URL but was " + Redactor.quote(value));
    }
    if (scheme.equals("http") && !Validate.isLoopback(host)) {
      throw new ValidationException(
          "baseUrl",
          "must use https; plain http is only allowed on loopback (localhost, 127.0.0.1, [::1])"
              + " but the host was "
              + host);
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
      throw new ValidationException("baseUrl", "must not have a query, fragment or user info");
    }
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (!path.endsWith("/")) {
      path = path + "/";
    }
    if (path.toLowerCase(Locale.ROOT).endsWith("/v1/")) {
      // Every call adds /v1/...: a root ending in /v1 would call /v1/v1/...
      String root = path.substring(0, path.length() - "v1/".length());
      throw new ValidationException(
          "baseUrl",
          "must be the API's root without /v1, which the SDK adds to every call: use "
              + scheme
              + "://"
              + uri.getRawAuthority()
              + root);
    }
    try {
      return new URI(scheme, null, host, uri.getPort(), path, null, null);
    } catch (URISyntaxException e) {
      throw new ValidationException("baseUrl", "is not a valid URL: " + e.getReason());
    }
  }
}
