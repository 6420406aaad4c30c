package ma.hirfa.sdk.core.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Properties;

/** The SDK's version and pinned API version, read once from the filtered properties file. */
public final class SdkInfo {
  private static final Properties PROPERTIES = load();
  private static final String USER_AGENT =
      "hirfa-java/"
          + version()
          + " (Java "
          + System.getProperty("java.version", "unknown")
          + "; "
          + System.getProperty("os.name", "unknown")
          + " "
          + System.getProperty("os.version", "")
          + "; "
          + System.getProperty("os.arch", "").toLowerCase(Locale.ROOT)
          + ")";

  private SdkInfo() {}

  /** Like {@code 0.1.0}. */
  public static String version() {
    return PROPERTIES.getProperty("sdk.version", "unknown");
  }

  /** The {@code Hirfa-Version} this release is written for, like {@code 2026-11-01}. */
  public static String apiVersion() {
    return PROPERTIES.getProperty("api.version", "2026-11-01");
  }

  /** {@code hirfa-java/<version> (Java <v>; <os> <v>; <arch>)}, without application info. */
  public static String userAgent() {
    return USER_AGENT;
  }

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in =
        SdkInfo.class.getResourceAsStream("/ma/hirfa/sdk/core/hirfa-sdk.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
