package ma.hirfa.sdk.testkit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one {@link Sandbox} per test class and hands it to tests that ask for it.
 *
 * <pre>{@code
 * @ExtendWith(HirfaSandboxExtension.class)
 * class CheckoutTest {
 *   @Test
 *   void paysByCard(Sandbox sandbox) {
 *     ClientOptions options = sandbox.clientOptions().build();
 *     // build a client with these options, pay, assert
 *   }
 * }
 * }</pre>
 *
 * <p>Needs JUnit Jupiter on the test class path (the testkit declares it optional).
 */
public final class HirfaSandboxExtension
    implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(HirfaSandboxExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(Sandbox.class, k -> Sandbox.start(), Sandbox.class);
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
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(Sandbox.class, k -> Sandbox.start(), Sandbox.class);
  }
}
