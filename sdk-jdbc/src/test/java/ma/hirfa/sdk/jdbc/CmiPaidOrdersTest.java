package ma.hirfa.sdk.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.payments.cmi.CmiCallback;
import ma.hirfa.sdk.payments.cmi.CmiHash;
import ma.hirfa.sdk.payments.cmi.CmiPaymentForm;
import org.junit.jupiter.api.Test;

/** The CMI callback's paid orders in the shared store: one order paid once across instances. */
class CmiPaidOrdersTest {
  private static final String STORE_KEY = "TEST|KEY\\1";

  @Test
  void twoCallbackInstancesSharingTheStoreMarkAnOrderPaidOnceWithTheIdInTheSameTransaction() {
    try (HikariDataSource db = Postgres.withSchema("cmi", 4)) {
      Postgres.run(db, "CREATE TABLE orders (oid VARCHAR(64) PRIMARY KEY, paid INT NOT NULL);");
      Postgres.run(db, "INSERT INTO orders VALUES ('ORD-0001', 0);");
      JdbcProcessedEvents store = JdbcProcessedEvents.builder(db).build();
      CmiCallback first = CmiCallback.builder(STORE_KEY).paidOrders(store).build();
      CmiCallback second =
          CmiCallback.builder(STORE_KEY)
              .paidOrders(JdbcProcessedEvents.builder(db).build())
              .build();
      Map<String, String> posted = paidCallback("ORD-0001", "150.00");

      CmiCallback.Result a =
          first.handle(posted, oid -> Money.parse("150.00", "MAD"), this::markPaid);
      CmiCallback.Result b =
          second.handle(posted, oid -> Money.parse("150.00", "MAD"), this::markPaid);

      assertThat(a.firstPayment()).isTrue();
      assertThat(b.paid()).isTrue();
      assertThat(b.firstPayment()).isFalse();
      assertThat(ShopTable.count(db, "SELECT paid FROM orders WHERE oid = 'ORD-0001'"))
          .isEqualTo(1);
      assertThat(
              ShopTable.count(
                  db,
                  "SELECT count(*) FROM hirfa_processed_events WHERE event_id = 'cmi-order:ORD-0001'"))
          .isEqualTo(1);
    }
  }

  /** The shop's onPaid: its update on the store's transaction, committed with the order id. */
  private void markPaid(String oid) {
    try (PreparedStatement s =
        JdbcProcessedEvents.currentConnection()
            .prepareStatement("UPDATE orders SET paid = paid + 1 WHERE oid = ?")) {
      s.setString(1, oid);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> paidCallback(String oid, String amount) {
    Map<String, String> f =
        new LinkedHashMap<>(
            CmiPaymentForm.builder()
                .clientId("600000000")
                .amount(Money.parse(amount, "MAD"))
                .orderId(oid)
                .okUrl("https://shop.example/ok")
                .failUrl("https://shop.example/fail")
                .shopUrl("https://shop.example")
                .callbackUrl("https://shop.example/cb")
                .email("buyer@example.com")
                .billToName("Fatima Zahra")
                .random("1700000000000")
                .build(STORE_KEY));
    f.remove("HASH");
    f.put("ProcReturnCode", "00");
    f.put("Response", "Approved");
    f.put("AuthCode", "123456");
    f.put("HASH", CmiHash.ver3(f, STORE_KEY));
    return f;
  }
}
