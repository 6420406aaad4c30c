/**
 * What both clients share: {@link ma.hirfa.sdk.core.ClientOptions} and {@link
 * ma.hirfa.sdk.core.RequestOptions} (configuration), the typed exceptions under {@link
 * ma.hirfa.sdk.core.HirfaException}, {@link ma.hirfa.sdk.core.Money} and {@link
 * ma.hirfa.sdk.core.LocalizedText} (values), {@link ma.hirfa.sdk.core.Page} and {@link
 * ma.hirfa.sdk.core.AutoPager} (pagination), {@link ma.hirfa.sdk.core.RetryPolicy} and {@link
 * ma.hirfa.sdk.core.CircuitBreakerPolicy} (reliability) and {@link ma.hirfa.sdk.core.CallListener}
 * (metrics). Webhook verification is in {@code ma.hirfa.sdk.core.webhooks}, RIB/IBAN/ICE checks in
 * {@code ma.hirfa.sdk.core.validation}.
 */
@NullMarked
package ma.hirfa.sdk.core;

import org.jspecify.annotations.NullMarked;
