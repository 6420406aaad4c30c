package ma.hirfa.sdk.testkit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one {@link Sandbox} per test class and hands it to tests that ask for it.
 *
 * <pre>{@code
 * @ExtendWith(HirfaSandboxExtension.class)
 * @HirfaSandbox(instant = "2026-11-02T09:00:00Z", seed = 42)   // optional: a fixed clock, a seed
 * class CheckoutTest {
 *   @Test
 *   void paysByCard(Sandbox sandbox) {
 *     ClientOptions options = sandbox.clientOptions().build();
 *     // build a client with these options, pay, assert
 *   }
 * }
 * }</pre>
 *
 * <p>Any other setting, registered as a field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static HirfaSandboxExtension sandbox =
 *     new HirfaSandboxExtension(b -> b.clock(Clock.fixed(start, ZoneOffset.UTC)).gate(true));
 * }</pre>
 *
 * <p>Needs JUnit Jupiter on the test class path (the testkit declares it optional).
 */
public final class HirfaSandboxExtension
    implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(HirfaSandboxExtension.class);

  private final @Nullable Consumer<Sandbox.Builder> settings;

  /** The extension {@code @ExtendWith} uses: default settings, or those of {@link HirfaSandbox}. */
  public HirfaSandboxExtension() {
    this.settings = null;
  }

  /**
   * An extension whose sandboxes are built with {@code settings} (for {@code @RegisterExtension});
   * a {@link HirfaSandbox} annotation, if any, is applied first.
   */
  public HirfaSandboxExtension(Consumer<Sandbox.Builder> settings) {
    this.settings = Objects.requireNonNull(settings, "settings == null");
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    sandbox(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    Sandbox sandbox = context.getStore(NAMESPACE).remove(Sandbox.class, Sandbox.class);
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Sandbox.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return sandbox(context);
  }

  private Sandbox sandbox(ExtensionContext context) {
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(Sandbox.class, k -> start(context), Sandbox.class);
  }

  private Sandbox start(ExtensionContext context) {
    Sandbox.Builder b = Sandbox.builder();
    HirfaSandbox annotation =
        context.getTestClass().map(c -> c.getAnnotation(HirfaSandbox.class)).orElse(null);
    if (annotation != null) {
      apply(annotation, b);
    }
    if (settings != null) {
      settings.accept(b);
    }
    return b.start();
  }

  static void apply(HirfaSandbox settings, Sandbox.Builder b) {
    b.seed(settings.seed()).catalogSize(settings.catalogSize());
    if (!settings.instant().isEmpty()) {
      try {
        b.clock(Clock.fixed(Instant.parse(settings.instant()), ZoneOffset.UTC));
      } catch (DateTimeParseException e) {
        throw new ExtensionConfigurationException(
            "@HirfaSandbox(instant = \""
                + settings.instant()
                + "\") is not an ISO-8601 instant"
                + " like 2026-11-02T09:00:00Z",
            e);
      }
    }
  }
}
