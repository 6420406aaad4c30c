package ma.hirfa.sdk.examples;

import java.io.PrintStream;
import java.util.Locale;
import ma.hirfa.sdk.core.LocalizedText;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.ValidationException;

/**
 * Money without floating point, and product text in the marketplace's languages with the fallback
 * chain requested → fr → ar → en.
 */
public final class MoneyAndTextExample {
  /** What the example computed, for its test. */
  public record Result(Money net, String refusedField, String spanishTitle, String arabicTitle) {}

  private MoneyAndTextExample() {}

  public static Result run(PrintStream out) {
    Money price = Money.parse("1250.00", "MAD");
    Money commission =
        Money.ofMinor(9_375, "MAD"); // 7.5 % marketplace fee, computed by the platform
    Money net = price.minus(commission);
    out.println(
        "  A rug sells for "
            + price
            + "; the artisan's share after a "
            + commission
            + " fee is "
            + net);

    String refused;
    try {
      Money.parse("1250.005", "MAD");
      throw new IllegalStateException("a third decimal must be refused");
    } catch (ValidationException e) {
      refused = e.field();
      out.println("  1250.005 MAD is refused before any call: " + e.getMessage());
    }

    LocalizedText title =
        LocalizedText.builder()
            .put("ar", "زربية أمازيغية من تازناخت")
            .put("fr", "Tapis amazigh de Taznakht")
            .put("en", "Amazigh rug from Taznakht")
            .put("zgh", "ⵜⴰⴳⵍⵉⵎⵜ ⵏ ⵜⴰⵣⵏⴰⵅⵜ")
            .build();
    String spanish = title.resolve(Locale.forLanguageTag("es-ES"));
    String arabic = title.resolve("ar-MA");
    out.println("  Title for a Spanish buyer (no es text, falls back to fr): " + spanish);
    out.println("  Title for ar-MA: " + arabic + " | Tamazight: " + title.resolve("zgh"));
    return new Result(net, refused, spanish, arabic);
  }
}
