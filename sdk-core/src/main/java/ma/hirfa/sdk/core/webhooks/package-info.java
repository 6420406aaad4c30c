/**
 * Verification and signing of the platform's webhooks (Standard Webhooks 1.0): {@link
 * ma.hirfa.sdk.core.webhooks.WebhookVerifier} for receivers, {@link
 * ma.hirfa.sdk.core.webhooks.ProcessedEvents} to apply each verified event once, {@link
 * ma.hirfa.sdk.core.webhooks.WebhookSigner} for tests and the sandbox.
 */
@NullMarked
package ma.hirfa.sdk.core.webhooks;

import org.jspecify.annotations.NullMarked;
