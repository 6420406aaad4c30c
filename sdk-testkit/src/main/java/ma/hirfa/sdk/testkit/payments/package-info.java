/**
 * The M2T Payments API's resources: payments (one simulator per method, following the state
 * machine), refunds, payouts and settlements.
 *
 * <p>Internal to the sandbox: public only so that the sandbox's layers can see each other; not an
 * API, and free to change in any release. Use {@link ma.hirfa.sdk.testkit.Sandbox}.
 */
@NullMarked
package ma.hirfa.sdk.testkit.payments;

import org.jspecify.annotations.NullMarked;
