package ma.hirfa.sdk.core.webhooks;

/**
 * What the application does with one verified webhook, run by {@link
 * ProcessedEvents#processOnce(WebhookMessage, WebhookHandler)}. Returning normally means "applied":
 * the message's id is then recorded as processed. Throwing means "not applied": nothing is
 * recorded, the exception reaches the caller (answer 5xx) and the platform's retry runs the handler
 * again.
 *
 * @param <X> the checked exception the handler may throw ({@code RuntimeException} when none)
 */
@FunctionalInterface
public interface WebhookHandler<X extends Exception> {
  void handle(WebhookMessage message) throws X;
}
