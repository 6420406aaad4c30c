package ma.hirfa.sdk.spring.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

  /** Registers the application's endpoint with the sandbox, with the secret it verifies with. */
  private static void register(Sandbox sandbox, String url, String secret) {
    String body = "{\"url\":\"" + url + "\",\"secret\":\"" + secret + "\"}";
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "v1/webhook_endpoints"))
            .header("Authorization", "Bearer " + sandbox.apiKey())
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 300) {
        throw new IllegalStateException(
            "the sandbox refused the webhook endpoint: HTTP " + response.statusCode());
      }
    } catch (java.io.IOException e) {
      throw new IllegalStateException("could not register the webhook endpoint", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted registering the webhook endpoint", e);
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
