/**
 * The embedded sandbox: an in-process, stateful implementation of the Hirfa APIs on WireMock, for
 * examples, the SDK's tests and partners' tests. See {@link ma.hirfa.sdk.testkit.Sandbox}.
 */
@NullMarked
package ma.hirfa.sdk.testkit;

import org.jspecify.annotations.NullMarked;
