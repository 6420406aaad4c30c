package ma.hirfa.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Ids of created objects are unique across sandboxes even with the same seed, while the seeded
 * sample data stays reproducible; a payment for an artisan the marketplace does not know is
 * refused.
 */
class SandboxIdsAndArtisansTest {
  @Test
  void twoSandboxesWithTheSameSeedGiveTheirPaymentsDifferentIds() {
    try (Sandbox a = Sandbox.builder().seed(7).start();
        Sandbox b = Sandbox.builder().seed(7).start()) {
      String first = payment(new Http(a), "ORD-ids");
      String second = payment(new Http(b), "ORD-ids");

      assertThat(first).isNotEqualTo(second);
    }
  }

  @Test
  void twoSandboxesWithTheSameSeedHoldTheSameSampleCatalog() {
    try (Sandbox a = Sandbox.builder().seed(7).catalogSize(300).start();
        Sandbox b = Sandbox.builder().seed(7).catalogSize(300).start()) {
      assertThat(a.catalog().checksum()).isEqualTo(b.catalog().checksum());
      assertThat(new Http(a).get("/v1/artisans?limit=5").body())
          .isEqualTo(new Http(b).get("/v1/artisans?limit=5").body());
    }
  }

  @Test
  void aPaymentForAnUnknownArtisanIsRefusedNamingTheField() {
    try (Sandbox sandbox = Sandbox.start()) {
      String body =
          Http.card("4242424242424242", "ORD-nobody").replace("art_7QK2M9", "art_NoSuchArtisan");

      Http.Reply r = new Http(sandbox).post("/v1/payments", body);

      assertThat(r.status()).isEqualTo(422);
      JsonNode error = r.json().path("errors").get(0);
      assertThat(error.path("field").asText()).isEqualTo("artisan_id");
      assertThat(error.path("code").asText()).isEqualTo("unknown_artisan");
      assertThat(sandbox.paymentCount()).isZero();
    }
  }

  @Test
  void theContractsExampleArtisanAndSeededArtisansAreKnown() {
    try (Sandbox sandbox = Sandbox.start()) {
      Http http = new Http(sandbox);
      assertThat(http.get("/v1/artisans/art_7QK2M9").status()).isEqualTo(200);
      String seeded =
          Http.card("4242424242424242", "ORD-seeded").replace("art_7QK2M9", "art_S000001");

      assertThat(http.post("/v1/payments", seeded).status()).isEqualTo(201);
    }
  }

  private static String payment(Http http, String order) {
    Http.Reply r = http.post("/v1/payments", Http.card("4242424242424242", order));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().path("id").asText();
  }
}
