/**
 * Events and their webhook delivery: the event log, signed deliveries with retries, and the webhook
 * endpoints API.
 *
 * <p>Internal to the sandbox: public only so that the sandbox's layers can see each other; not an
 * API, and free to change in any release. Use {@link ma.hirfa.sdk.testkit.Sandbox}.
 */
@NullMarked
package ma.hirfa.sdk.testkit.events;

import org.jspecify.annotations.NullMarked;
