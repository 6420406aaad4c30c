package ma.hirfa.sdk.spring;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import ma.hirfa.sdk.core.CallListener;
import ma.hirfa.sdk.core.CircuitBreakerPolicy;
import ma.hirfa.sdk.core.ClientOptions;
import ma.hirfa.sdk.core.RetryPolicy;
import ma.hirfa.sdk.core.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Turns the {@code hirfa.*} properties into a client's settings, and a refused value into a {@link
 * HirfaPropertyException} that names the property, not the SDK's field.
 */
final class ClientSettings {
  private ClientSettings() {}

  /** The settings of the client named {@code name} ({@code payments} or {@code catalog}). */
  static Consumer<ClientOptions.Builder> of(
      HirfaProperties p, String name, HirfaProperties.Client own, List<CallListener> listeners) {
    return o -> {
      String keyProperty = own.getApiKey() != null ? "hirfa." + name + ".api-key" : "hirfa.api-key";
      String key = own.getApiKey() != null ? own.getApiKey() : p.getApiKey();
      if (key == null || key.isBlank()) {
        throw new HirfaPropertyException(keyProperty, "is required (an sk_test_ or sk_live_ key)");
      }
      set(keyProperty, () -> o.apiKey(key));
      String baseUrl = own.getBaseUrl() != null ? own.getBaseUrl() : p.getBaseUrl();
      if (baseUrl != null) {
        String property =
            own.getBaseUrl() != null ? "hirfa." + name + ".base-url" : "hirfa.base-url";
        set(property, () -> o.baseUrl(baseUrl));
      }
      duration("hirfa.connect-timeout", p.getConnectTimeout(), o::connectTimeout);
      duration("hirfa.write-timeout", p.getWriteTimeout(), o::writeTimeout);
      overridable(name, "read-timeout", p.getReadTimeout(), own.getReadTimeout(), o::readTimeout);
      overridable(name, "call-timeout", p.getCallTimeout(), own.getCallTimeout(), o::callTimeout);
      o.retryPolicy(retry(p.getRetry()));
      o.circuitBreakerPolicy(breaker(p.getCircuitBreaker()));
      for (CallListener l : listeners) {
        if (!(l instanceof HirfaObservabilityConfiguration.NoListener)) {
          o.addListener(l);
        }
      }
    };
  }

  private static RetryPolicy retry(HirfaProperties.Retry r) {
    RetryPolicy.Builder b = RetryPolicy.builder();
    Integer attempts = r.getMaxAttempts();
    if (attempts != null) {
      set("hirfa.retry.max-attempts", () -> b.maxAttempts(attempts));
    }
    duration("hirfa.retry.initial-backoff", r.getInitialBackoff(), b::initialBackoff);
    duration("hirfa.retry.max-backoff", r.getMaxBackoff(), b::maxBackoff);
    duration("hirfa.retry.max-retry-after", r.getMaxRetryAfter(), b::maxRetryAfter);
    return build("hirfa.retry", b::build);
  }

  private static CircuitBreakerPolicy breaker(HirfaProperties.CircuitBreaker c) {
    if (!c.isEnabled()) {
      return CircuitBreakerPolicy.disabled();
    }
    CircuitBreakerPolicy.Builder b = CircuitBreakerPolicy.builder();
    Integer rate = c.getFailureRatePercent();
    Integer window = c.getWindowSize();
    Integer minimum = c.getMinimumCalls();
    if (rate != null) {
      set("hirfa.circuit-breaker.failure-rate-percent", () -> b.failureRatePercent(rate));
    }
    if (window != null) {
      set("hirfa.circuit-breaker.window-size", () -> b.windowSize(window));
    }
    if (minimum != null) {
      set("hirfa.circuit-breaker.minimum-calls", () -> b.minimumCalls(minimum));
    }
    duration("hirfa.circuit-breaker.open-duration", c.getOpenDuration(), b::openDuration);
    return build("hirfa.circuit-breaker", b::build);
  }

  private static void overridable(
      String client,
      String property,
      @Nullable Duration shared,
      @Nullable Duration own,
      Consumer<Duration> setter) {
    if (own != null) {
      duration("hirfa." + client + "." + property, own, setter);
    } else {
      duration("hirfa." + property, shared, setter);
    }
  }

  private static void duration(String property, @Nullable Duration d, Consumer<Duration> setter) {
    if (d != null) {
      set(property, () -> setter.accept(d));
    }
  }

  private static void set(String property, Runnable setter) {
    check(property, setter);
  }

  /** Runs {@code step}; a {@link ValidationException} becomes a refusal of {@code property}. */
  static void check(String property, Runnable step) {
    try {
      step.run();
    } catch (ValidationException e) {
      throw new HirfaPropertyException(property, reason(e));
    }
  }

  private static <T> T build(String prefix, Supplier<T> build) {
    try {
      return build.get();
    } catch (ValidationException e) {
      return failWith(prefix, e);
    }
  }

  /** A refusal found only when the whole is checked: its field names the property. */
  static <T> T failWith(String prefix, ValidationException e) {
    String field = e.field();
    String last = field.substring(field.lastIndexOf('.') + 1);
    throw new HirfaPropertyException(prefix + "." + kebab(last), reason(e));
  }

  /** Converts a build-time refusal of the whole client (say callTimeout below connectTimeout). */
  static HirfaPropertyException whole(ValidationException e) {
    String field = e.field();
    String property =
        field.startsWith("requestOptions.") ? field : "hirfa." + kebab(field.replace('.', '-'));
    return new HirfaPropertyException(property, reason(e));
  }

  private static String reason(ValidationException e) {
    String m = e.getMessage();
    String prefix = e.field() + ": ";
    return m != null && m.startsWith(prefix) ? m.substring(prefix.length()) : String.valueOf(m);
  }

  static String kebab(String camel) {
    StringBuilder sb = new StringBuilder();
    for (char c : camel.toCharArray()) {
      if (Character.isUpperCase(c)) {
        sb.append('-').append(Character.toLowerCase(c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }
}
