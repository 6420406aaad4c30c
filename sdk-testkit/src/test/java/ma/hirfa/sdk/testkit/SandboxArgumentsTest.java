package ma.hirfa.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;
import ma.hirfa.sdk.core.ValidationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A bad argument to the testkit's builders and fault injectors is misuse, refused like every other
 * in the SDK: a {@code ValidationException} naming the argument, never an {@code
 * IllegalArgumentException}.
 */
class SandboxArgumentsTest {
  private static Sandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.builder().catalogSize(0).start();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  static Stream<Arguments> misuses() {
    return Stream.of(
        misuse("webhookRetries.attempts", s -> Sandbox.builder().webhookRetries(0, Duration.ZERO)),
        misuse(
            "webhookRetries.backoff",
            s -> Sandbox.builder().webhookRetries(3, Duration.ofMillis(-1))),
        misuse("port", s -> Sandbox.builder().port(70_000)),
        misuse("catalogSize", s -> Sandbox.builder().catalogSize(-1)),
        misuse("rateLimit.requests", s -> Sandbox.builder().rateLimit(0, Duration.ofSeconds(1))),
        misuse("rateLimit.window", s -> Sandbox.builder().rateLimit(5, Duration.ZERO)),
        misuse("feedRetention", s -> Sandbox.builder().feedRetention(Duration.ZERO)),
        misuse("status", s -> s.faults().status("GET", "/v1/", 404, 1)),
        misuse("status", s -> s.faults().statusAfterCommit("POST", "/v1/", 200, 1)),
        misuse("times", s -> s.faults().resetBefore("GET", "/v1/", 0)),
        misuse("retryAfter", s -> s.faults().rateLimited("GET", "/v1/", Duration.ZERO, 1)),
        misuse("bytes", s -> s.catalogFaults().cutExportAt(-1)),
        misuse("bytes", s -> s.catalogFaults().cutExportBeforeEnd(0)),
        misuse("times", s -> s.catalogFaults().replayFeedPages(0)),
        misuse("duration", s -> s.clock().advance(Duration.ofSeconds(-1))));
  }

  private static Arguments misuse(String field, Consumer<Sandbox> call) {
    return Arguments.of(field, call);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("misuses")
  void aBadArgumentIsAValidationExceptionNamingIt(String field, Consumer<Sandbox> call) {
    Throwable thrown = catchThrowable(() -> call.accept(sandbox));

    assertThat(thrown)
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo(field));
  }
}
