package ma.hirfa.sdk.spring.shop;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Records each request to the webhook endpoint as the wire saw it: its {@code webhook-*} headers,
 * the body bytes the endpoint read, and the status it answered. The body is cached as the endpoint
 * reads it, never read ahead of it (that would break the signature check). Each answer is recorded
 * before it is sent, so deliveries are recorded in the order the sandbox saw their answers.
 */
@Component
public class DeliveryRecorder extends OncePerRequestFilter {
  /** One request to the endpoint and its answer. */
  public record Delivery(Map<String, String> headers, byte[] body, int status) {
    public String webhookId() {
      return headers.getOrDefault("webhook-id", "");
    }

    public boolean mentions(String text) {
      return new String(body, StandardCharsets.UTF_8).contains(text);
    }
  }

  private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().equals("/hirfa/webhooks");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingRequestWrapper cached = new ContentCachingRequestWrapper(request, 4 << 20);
    // The answer is held until it is recorded: the sandbox must not see it (and retry) before.
    ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
    chain.doFilter(cached, answer);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      if (name.toLowerCase().startsWith("webhook-")) {
        headers.put(name.toLowerCase(), request.getHeader(name));
      }
    }
    deliveries.add(new Delivery(headers, cached.getContentAsByteArray(), answer.getStatus()));
    answer.copyBodyToResponse();
  }

  /** The deliveries whose body mentions {@code text} (an order reference), in arrival order. */
  public List<Delivery> mentioning(String text) {
    return deliveries.stream().filter(d -> d.mentions(text)).toList();
  }
}
