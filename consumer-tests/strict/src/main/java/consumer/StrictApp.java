package consumer;

/** The strict application: only the SDK, its calls against the sandbox. */
public final class StrictApp {
  private StrictApp() {}

  public static void main(String[] args) {
    System.out.println(
        "strict: " + HirfaCalls.run(HirfaCalls.env("HIRFA_BASE_URL"), HirfaCalls.env("HIRFA_API_KEY")));
  }
}
