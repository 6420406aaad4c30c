package ma.hirfa.sdk.examples;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import ma.hirfa.sdk.testkit.Sandbox;

/**
 * The tour the README's first command runs. It narrates what the SDK does, on this machine only
 * (127.0.0.1), with no account and no network: everything runs against the embedded sandbox. Each
 * scenario is a small class a partner can copy.
 */
public final class Tour {
  /** The sample catalog the partner imports in the tour (the sandbox takes millions too). */
  static final int PARTNER_CATALOG = 20_000;

  private Tour() {}

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  public static void run(PrintStream out) throws Exception {
    out.println("Hirfa SDK tour");
    out.println();
    out.println("1. Configuration: validated once, secrets never printed");
    ConfigurationExample.run(out);
    out.println();
    out.println("2. Money and multilingual text");
    MoneyAndTextExample.run(out);
    out.println();
    out.println("3. Webhook endpoint: what a receiver accepts and refuses");
    WebhookReceiverExample.run(out);
    out.println();
    out.println("4. Bank: collecting for artisans against the embedded sandbox");
    // The sandbox's day starts at 09:00 UTC so the scenario's hours stay in one settlement day.
    Instant morning = LocalDate.now(ZoneOffset.UTC).atTime(9, 0).toInstant(ZoneOffset.UTC);
    try (Sandbox sandbox = Sandbox.builder().clock(Clock.fixed(morning, ZoneOffset.UTC)).start()) {
      BankScenario.run(sandbox, out);
    }
    out.println();
    out.println("5. E-commerce partner: import the catalog, then stay in sync through a restart");
    try (Sandbox sandbox = Sandbox.builder().catalogSize(PARTNER_CATALOG).start()) {
      PartnerScenario.run(sandbox, out);
    }
    out.println();
    out.println("6. Developer: onboard a cooperative, publish a product, take an order");
    try (Sandbox sandbox = Sandbox.builder().catalogSize(100).start()) {
      DeveloperScenario.run(sandbox, out);
    }
    out.println();
    out.println(
        "Done. Everything ran on 127.0.0.1 against the embedded sandbox; see docs/ for the guides.");
  }
}
