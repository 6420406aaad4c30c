package ma.hirfa.sdk.spring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * Runs a Spring test against the embedded sandbox ({@code hirfa-sdk-testkit}, test scope): starts
 * one per application context, points {@code hirfa.api-key} and {@code hirfa.base-url} at it, sets
 * a webhook secret, and, once the application listens on a port, registers its webhook endpoint
 * with the sandbox, so that deliveries reach the starter's endpoint signed with that secret. The
 * {@code Sandbox} is a bean: inject it to drive its clock or faults.
 *
 * <pre>{@code
 * @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
 * @AutoConfigureHirfaSandbox
 * class CheckoutTest {
 *   @Autowired PaymentsClient payments;
 *   @Autowired Sandbox sandbox;
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextCustomizerFactories(HirfaSandboxCustomizerFactory.class)
public @interface AutoConfigureHirfaSandbox {}
