package ma.hirfa.sdk.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Settings of the sandbox {@link HirfaSandboxExtension} starts for a test class: a fixed instant
 * (the sandbox clock then moves only by {@link SandboxClock#advance}, so a test does not depend on
 * the hour it runs at), a seed and the catalog's size.
 *
 * <pre>{@code
 * @ExtendWith(HirfaSandboxExtension.class)
 * @HirfaSandbox(instant = "2026-11-02T09:00:00Z", seed = 42)
 * class ReconciliationTest {
 *   @Test
 *   void theClockStartsAtTheFixedInstant(Sandbox sandbox) {
 *     assertThat(sandbox.clock().instant()).isEqualTo(Instant.parse("2026-11-02T09:00:00Z"));
 *   }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface HirfaSandbox {
  /**
   * The instant the sandbox clock is fixed at (ISO-8601, like {@code 2026-11-02T09:00:00Z}); empty
   * (the default) for a clock that follows real time.
   */
  String instant() default "";

  /** The seed of the sample data (see {@link Sandbox.Builder#seed(long)}). */
  long seed() default Sandbox.DEFAULT_SEED;

  /** How many sample products the catalog starts with. */
  int catalogSize() default Sandbox.DEFAULT_CATALOG_SIZE;
}
