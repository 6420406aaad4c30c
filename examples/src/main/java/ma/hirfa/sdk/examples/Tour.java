package ma.hirfa.sdk.examples;

import java.io.PrintStream;

/**
 * The tour the README's first command runs. It narrates what the SDK does today, on this machine
 * only (127.0.0.1), with no account and no network. Each scenario is a small class a partner can
 * copy.
 */
public final class Tour {
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
    out.println("3. Bank: receiving signed webhooks (Standard Webhooks) on a local endpoint");
    WebhookReceiverExample.run(out);
    out.println();
    out.println(
        "Done. The payments and catalog clients and the embedded sandbox come next (see CHANGELOG.md).");
  }
}
