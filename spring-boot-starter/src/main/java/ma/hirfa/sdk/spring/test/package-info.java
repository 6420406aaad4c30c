/**
 * Test support: {@link ma.hirfa.sdk.spring.test.AutoConfigureHirfaSandbox} runs a Spring test
 * against the embedded sandbox. Needs {@code spring-test} and {@code hirfa-sdk-testkit} in test
 * scope.
 */
@NullMarked
package ma.hirfa.sdk.spring.test;

import org.jspecify.annotations.NullMarked;
