/**
 * The sandbox's request pipeline: the contract's route table, contract checks, idempotency, rate
 * limits, problem documents, pagination and the timeline of what falls due.
 *
 * <p>Internal to the sandbox: public only so that the sandbox's layers can see each other; not an
 * API, and free to change in any release. Use {@link ma.hirfa.sdk.testkit.Sandbox}.
 */
@NullMarked
package ma.hirfa.sdk.testkit.server;

import org.jspecify.annotations.NullMarked;
