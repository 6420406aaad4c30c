package ma.hirfa.sdk.spring.test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import ma.hirfa.sdk.testkit.Sandbox;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts the sandbox, sets the properties, registers the webhook endpoint once the port is known.
 */
final class HirfaSandboxCustomizer implements ContextCustomizer {
  @Override
  public void customizeContext(
      ConfigurableApplicationContext context, MergedContextConfiguration config) {
    Sandbox sandbox = Sandbox.start();
    String secret = newSecret();
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "hirfaSandbox",
                Map.of(
                    "hirfa.api-key", sandbox.apiKey(),
                    "hirfa.base-url", sandbox.baseUrl(),
                    // Per-client settings win over the shared ones: these keep an application's
                    // own hirfa.payments.* or hirfa.catalog.* from sending a test elsewhere.
                    "hirfa.payments.api-key", sandbox.apiKey(),
                    "hirfa.payments.base-url", sandbox.baseUrl(),
                    "hirfa.catalog.api-key", sandbox.apiKey(),
                    "hirfa.catalog.base-url", sandbox.baseUrl(),
                    "hirfa.webhooks.secrets[0]", secret)));
    context.getBeanFactory().registerSingleton("hirfaSandbox", sandbox);
    context.addApplicationListener(
        event -> {
          if (event instanceof ContextRefreshedEvent refreshed
              && refreshed.getApplicationContext() == context) {
            String port = context.getEnvironment().getProperty("local.server.port");
            if (port != null) {
              String path =
                  context.getEnvironment().getProperty("hirfa.webhooks.path", "/hirfa/webhooks");
              register(sandbox, "http://127.0.0.1:" + port + path, secret);
            }
          } else if (event instanceof ContextClosedEvent closed
              && closed.getApplicationContext() == context) {
            sandbox.close();
          }
        });
  }

  private static String newSecret() {
    byte[] key = new byte[24];
    new SecureRandom().nextBytes(key);
    return "whsec_" + Base64.getEncoder().encodeToString(key);
  }

  /**
   * Registers the application's endpoint with the sandbox, with the secret it verifies with. {@link
   * HttpURLConnection}, closed after the call, rather than an {@code HttpClient} whose selector
   * thread would outlive the test on JDK 17.
   */
  private static void register(Sandbox sandbox, String url, String secret) {
    byte[] body =
        ("{\"url\":\"" + url + "\",\"secret\":\"" + secret + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    try {
      HttpURLConnection c =
          (HttpURLConnection)
              URI.create(sandbox.baseUrl() + "v1/webhook_endpoints")
                  .toURL()
                  .openConnection(Proxy.NO_PROXY);
      try {
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Authorization", "Bearer " + sandbox.apiKey());
        c.setRequestProperty("Content-Type", "application/json");
        c.setRequestProperty("Idempotency-Key", UUID.randomUUID().toString());
        try (OutputStream out = c.getOutputStream()) {
          out.write(body);
        }
        int status = c.getResponseCode();
        if (status >= 300) {
          throw new IllegalStateException(
              "the sandbox refused the webhook endpoint " + url + ": HTTP " + status);
        }
      } finally {
        c.disconnect();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not register the webhook endpoint " + url, e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof HirfaSandboxCustomizer;
  }

  @Override
  public int hashCode() {
    return HirfaSandboxCustomizer.class.hashCode();
  }
}
