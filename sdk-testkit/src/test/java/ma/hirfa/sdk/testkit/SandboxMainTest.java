package ma.hirfa.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ma.hirfa.sdk.core.webhooks.WebhookMessage;
import ma.hirfa.sdk.core.webhooks.WebhookVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The standalone sandbox's command line, ready line, request log, port clash and SIGTERM. */
class SandboxMainTest {
  static final Pattern READY =
      Pattern.compile(
          "hirfa-sandbox ready base_url=(http://127\\.0\\.0\\.1:\\d+/) api_key=(sk_test_\\w+)"
              + " seed=(-?\\d+) products=(\\d+)( webhook=we_\\w+)?");
  static final Pattern LOG_LINE = Pattern.compile("[A-Z]+ /\\S* \\S+ (req_\\w+|-) \\d+ ms");
  static final String SECRET = "whsec_c2FuZGJveC1zdGFuZGFsb25lLXRlc3Qtc2VjcmV0";

  final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  List<String> lines() {
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void theDocumentedCommandLineIsAccepted() {
    SandboxMain.Options o =
        SandboxMain.Options.parse(
            "--port",
            "0",
            "--seed",
            "42",
            "--products",
            "100000",
            "--webhook",
            "http://127.0.0.1:9000/hooks",
            "--webhook-secret",
            SECRET);

    assertThat(o)
        .isEqualTo(
            new SandboxMain.Options(
                false, 0, 42, 100_000, 0, "http://127.0.0.1:9000/hooks", SECRET));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--prot 8080|unknown option --prot",
        "--port|--port needs a value",
        "--port 65536|--port must be between 0 and 65535 but was 65536",
        "--seed forty-two|--seed must be a number but was forty-two",
        "--products 10000001|--products must be between 0 and 10000000 but was 10000001",
        "--rate-limit 0|--rate-limit must be between 1",
        "--webhook http://127.0.0.1:9/h|--webhook and --webhook-secret go together",
        "--webhook-secret sk_test_nope|--webhook-secret must look like whsec_<base64>",
        "8080|unexpected argument 8080"
      })
  void aBadCommandLineIsRefusedNamingTheOption(String args, String message) {
    assertThatThrownBy(() -> SandboxMain.Options.parse(args.split(" ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void whenReadyItPrintsOneLineWithItsBaseUrlAndKey() {
    try (Sandbox sandbox = SandboxMain.start(SandboxMain.Options.parse("--products", "7"), out)) {
      assertThat(lines()).hasSize(1);
      Matcher m = READY.matcher(lines().get(0));
      assertThat(m.matches()).as(lines().get(0)).isTrue();
      assertThat(m.group(1)).isEqualTo(sandbox.baseUrl());
      assertThat(m.group(2)).isEqualTo(sandbox.apiKey());
      assertThat(m.group(4)).isEqualTo("7");
    }
  }

  @Test
  void everyRequestIsLoggedOnOneLineWithoutItsQueryOrKey() throws Exception {
    try (Sandbox sandbox = SandboxMain.start(SandboxMain.Options.parse(), out)) {
      Http http = new Http(sandbox);
      Http.Reply listed = http.get("/v1/products?limit=2");
      Http.Reply refused = http.post("/v1/payments", "{}", "Authorization", "Bearer sk_live_x1");
      Http.Reply failed = http.get("/v1/products", "Hirfa-Sandbox-Fault", "503");

      List<String> log = awaitLines(4).subList(1, 4).stream().sorted().toList();

      assertThat(log).allMatch(l -> LOG_LINE.matcher(l).matches(), "method path status id ms");
      assertThat(log)
          .satisfiesExactly(
              l -> assertThat(l).startsWith("GET /v1/products 200 " + listed.header("request-id")),
              l -> assertThat(l).startsWith("GET /v1/products 503 " + failed.header("request-id")),
              l ->
                  assertThat(l)
                      .startsWith("POST /v1/payments 401 " + refused.header("request-id")));
      assertThat(String.join("\n", log)).doesNotContain("limit=").doesNotContain("sk_live_x1");
    }
  }

  @Test
  void anInjectedConnectionResetIsLoggedByItsName() throws Exception {
    try (Sandbox sandbox = SandboxMain.start(SandboxMain.Options.parse(), out)) {
      try {
        new Http(sandbox).get("/v1/products", "Hirfa-Sandbox-Fault", "reset-before");
      } catch (RuntimeException reset) {
        // Expected: the connection is reset.
      }
      assertThat(awaitLines(2).get(1)).startsWith("GET /v1/products connection_reset_by_peer ");
    }
  }

  @Test
  void theWebhookEndpointIsRegisteredWithTheGivenSecret() throws Exception {
    BlockingQueue<WebhookMessage> received = new LinkedBlockingQueue<>();
    WebhookVerifier verifier = WebhookVerifier.builder().secret(SECRET).build();
    HttpServer listener =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    listener.createContext(
        "/hooks",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          received.add(verifier.verify(exchange.getRequestHeaders(), body));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    listener.start();
    String url = "http://127.0.0.1:" + listener.getAddress().getPort() + "/hooks";
    try (Sandbox sandbox =
        SandboxMain.start(
            SandboxMain.Options.parse("--webhook", url, "--webhook-secret", SECRET), out)) {
      assertThat(lines().get(0)).matches(READY).contains(" webhook=we_");

      new Http(sandbox).post("/v1/payments", Http.card("4242424242424242", "ORD-standalone"));

      WebhookMessage message = received.poll(20, TimeUnit.SECONDS);
      assertThat(message).as("a delivery signed with the given secret").isNotNull();
      assertThat(new String(message.body(), StandardCharsets.UTF_8)).contains("ORD-standalone");
    } finally {
      listener.stop(0);
    }
    // Closed: every request's log line has been handed over by now.
    assertThat(lines()).first().asString().matches(READY);
    assertThat(lines()).filteredOn(l -> l.contains("webhook_endpoints")).isEmpty();
  }

  /**
   * The registration's log line is handed over after its answer is sent, so it can come after the
   * ready line has been printed. It must never be printed: the log starts with the partner's first
   * request. Twenty starts, because the late hand-over happens on some of them only.
   */
  @Test
  void theWebhookRegistrationIsNeverLoggedEvenWhenItsLineComesAfterTheReadyLine() throws Exception {
    String url = "http://127.0.0.1:9/hooks"; // never called: no payment is made
    for (int start = 0; start < 20; start++) {
      bytes.reset();
      try (Sandbox sandbox =
          SandboxMain.start(
              SandboxMain.Options.parse(
                  "--products", "0", "--webhook", url, "--webhook-secret", SECRET),
              out)) {
        new Http(sandbox).get("/v1/products?limit=1");
        awaitLines(2);
      }
      assertThat(lines()).as("start %d", start).hasSize(2);
      assertThat(lines().get(0)).as("start %d", start).matches(READY);
      assertThat(lines().get(1)).as("start %d", start).startsWith("GET /v1/products 200 ");
    }
  }

  @Test
  void aPortInUseFailsTheStartWithOneClearMessage() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      assertThatThrownBy(
              () -> SandboxMain.start(SandboxMain.Options.parse("--port", "" + port), out))
          .isInstanceOf(SandboxMain.StartFailure.class)
          .hasMessage("port " + port + " on 127.0.0.1 is already in use");
      assertThat(lines()).isEmpty();
    }
  }

  @Test
  void asAProgramAPortInUseExitsWithStatusOneAndOneLine(@TempDir Path dir) throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Process p =
          program(dir, "--port", Integer.toString(taken.getLocalPort()))
              .redirectOutput(dir.resolve("out").toFile())
              .start();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

      assertThat(p.exitValue()).isEqualTo(SandboxMain.EXIT_START_FAILED);
      assertThat(Files.readAllLines(dir.resolve("err")))
          .containsExactly(
              "hirfa-sandbox: port " + taken.getLocalPort() + " on 127.0.0.1 is already in use");
      assertThat(Files.readAllLines(dir.resolve("out"))).isEmpty();
    }
  }

  @Test
  void asAProgramItStopsOnSigterm(@TempDir Path dir) throws Exception {
    Path stdout = dir.resolve("out");
    Process p = program(dir, "--products", "10").redirectOutput(stdout.toFile()).start();
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (Files.readAllLines(stdout).isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(Files.readAllLines(stdout)).singleElement().asString().matches(READY);

      p.destroy(); // SIGTERM on Linux and macOS

      assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s").isTrue();
      assertThat(Files.readAllLines(stdout)).last().isEqualTo("hirfa-sandbox stopped");
      assertThat(Files.readAllLines(dir.resolve("err"))).isEmpty();
    } finally {
      p.destroyForcibly();
    }
  }

  /** A JVM running SandboxMain on this test's class path; standard error goes to dir/err. */
  private static ProcessBuilder program(Path dir, String... args) {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                SandboxMain.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder program = new ProcessBuilder(command).redirectError(dir.resolve("err").toFile());
    // A CI that sets these makes the JVM print "Picked up ..." on standard error, which the tests
    // read as the program's own output.
    program
        .environment()
        .keySet()
        .removeAll(List.of("JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS"));
    return program;
  }

  private List<String> awaitLines(int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (lines().size() < count && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    return lines();
  }
}
