package ma.hirfa.sdk.core.internal.http;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import ma.hirfa.sdk.core.ClientOptions;
import ma.hirfa.sdk.core.FakeClock;
import ma.hirfa.sdk.core.RecordingSleeper;

/** A runtime wired to a fake clock, a recording sleeper and predictable ids. */
final class Fixture {
  static final String API_KEY = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";

  final FakeClock clock = new FakeClock();
  final RecordingSleeper sleeper = new RecordingSleeper(clock);
  final AtomicInteger ids = new AtomicInteger();
  final ClientRuntime runtime;

  Fixture(String baseUrl) {
    this(baseUrl, b -> b);
  }

  Fixture(String baseUrl, UnaryOperator<ClientOptions.Builder> customize) {
    ClientOptions.Builder b =
        ClientOptions.builder()
            .apiKey(API_KEY)
            .baseUrl(baseUrl)
            .clock(clock)
            .sleeper(sleeper)
            .idGenerator(() -> "id-" + ids.incrementAndGet());
    this.runtime = ClientRuntime.create(customize.apply(b).build(), "payments");
  }
}
