package ma.hirfa.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import ma.hirfa.sdk.catalog.CatalogClient;
import ma.hirfa.sdk.catalog.CatalogSync;
import ma.hirfa.sdk.core.HirfaException;
import ma.hirfa.sdk.core.validation.Rib;
import ma.hirfa.sdk.core.webhooks.WebhookVerifier;
import ma.hirfa.sdk.payments.PaymentsClient;
import ma.hirfa.sdk.payments.cmi.CmiCallback;
import ma.hirfa.sdk.testkit.RecordSamples;
import ma.hirfa.sdk.testkit.Sandbox;
import org.junit.jupiter.api.Test;

/**
 * Issue 17's "one exception root": every public exception type of the SDK's API packages is a
 * {@link HirfaException}, the sync handler's wrapper of a checked exception included.
 */
class OneExceptionRootTest {
  /** One class of each API package, to find the package's compiled classes. */
  private static final List<Class<?>> PACKAGES =
      List.of(
          HirfaException.class,
          WebhookVerifier.class,
          Rib.class,
          PaymentsClient.class,
          CmiCallback.class,
          CatalogClient.class,
          Sandbox.class);

  @Test
  void everyPublicExceptionOfTheApiPackagesIsAHirfaException() {
    List<Class<?>> exceptions = new ArrayList<>();
    for (Class<?> anchor : PACKAGES) {
      for (Class<?> c : RecordSamples.publicTypesInPackageOf(anchor)) {
        if (Throwable.class.isAssignableFrom(c)) {
          exceptions.add(c);
        }
      }
    }

    assertThat(exceptions).as("exceptions found").hasSizeGreaterThan(15);
    assertThat(exceptions)
        .contains(CatalogSync.SyncHandlerException.class)
        .allSatisfy(c -> assertThat(HirfaException.class).isAssignableFrom(c));
  }
}
