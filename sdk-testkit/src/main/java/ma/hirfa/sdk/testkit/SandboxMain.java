package ma.hirfa.sdk.testkit;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import ma.hirfa.sdk.testkit.server.Exchange;
import org.jspecify.annotations.Nullable;

/**
 * The sandbox as a program, for shops without Java code of their own (see {@code docs/sandbox.md}):
 *
 * <pre>{@code
 * java -jar hirfa-sdk-testkit-VERSION-standalone.jar --port 0 --seed 42 --products 100000 \
 *     --webhook http://127.0.0.1:9000/hooks --webhook-secret whsec_...
 * }</pre>
 *
 * <p>When it is ready it prints one line, {@code hirfa-sandbox ready base_url=... api_key=...
 * seed=... products=...}; then one line per request (method, path, status, request id,
 * milliseconds). It stops on SIGTERM or Ctrl-C. Bad options exit with status 2 and a port already
 * in use with status 1, each after one line on standard error.
 */
public final class SandboxMain {
  static final int EXIT_START_FAILED = 1;
  static final int EXIT_USAGE = 2;
  static final String USAGE =
      "usage: java -jar hirfa-sdk-testkit-standalone.jar [--port N] [--seed N] [--products N]"
          + " [--rate-limit requests-per-second] [--webhook URL --webhook-secret whsec_...]";
  private static final Pattern SECRET = Pattern.compile("whsec_[A-Za-z0-9+/=]+");

  private SandboxMain() {}

  public static void main(String[] args) throws InterruptedException {
    quietLibraryLogging();
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("hirfa-sandbox: " + e.getMessage() + " (try --help)");
      System.exit(EXIT_USAGE);
      return;
    }
    if (options.help()) {
      System.out.println(USAGE);
      return;
    }
    Sandbox sandbox;
    try {
      sandbox = start(options, System.out);
    } catch (StartFailure e) {
      System.err.println("hirfa-sandbox: " + e.getMessage());
      System.exit(EXIT_START_FAILED);
      return;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  sandbox.close();
                  System.out.println("hirfa-sandbox stopped");
                },
                "hirfa-sandbox-stop"));
    new CountDownLatch(1).await();
  }

  /** Starts the sandbox, registers the webhook endpoint if asked, prints the ready line. */
  static Sandbox start(Options o, PrintStream out) {
    // The ready line comes first: the log starts after it. The webhook's registration is not in
    // it, even though its line is handed over after its answer is sent, so possibly after ready.
    AtomicBoolean ready = new AtomicBoolean();
    AtomicReference<@Nullable String> registration = new AtomicReference<>();
    Sandbox sandbox;
    try {
      Sandbox.Builder b = Sandbox.builder().port(o.port()).seed(o.seed()).catalogSize(o.products());
      if (o.rateLimit() > 0) {
        b.rateLimit(o.rateLimit(), Duration.ofSeconds(1));
      }
      sandbox =
          b.requestLog(
                  line -> {
                    if (ready.get() && !isRequest(line, registration.get())) {
                      out.println(line);
                    }
                  })
              .start();
    } catch (RuntimeException e) {
      throw new StartFailure(describe(e, o.port()), e);
    }
    String webhook = "";
    String url = o.webhookUrl();
    String secret = o.webhookSecret();
    if (url != null && secret != null) {
      try {
        webhook = " webhook=" + registerWebhook(sandbox, url, secret, registration);
      } catch (RuntimeException e) {
        sandbox.close();
        throw new StartFailure("could not register the webhook endpoint: " + e.getMessage(), e);
      }
    }
    out.println(
        "hirfa-sandbox ready base_url="
            + sandbox.baseUrl()
            + " api_key="
            + sandbox.apiKey()
            + " seed="
            + o.seed()
            + " products="
            + sandbox.catalog().productCount()
            + webhook);
    ready.set(true);
    return sandbox;
  }

  private static String describe(RuntimeException e, int port) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException) {
        return "port " + port + " on 127.0.0.1 is already in use";
      }
    }
    return "could not start: " + e;
  }

  /** Whether a request log line is that of the request the sandbox answered with this id. */
  private static boolean isRequest(String line, @Nullable String requestId) {
    // method path status request-id millis "ms": none of the fields has a space.
    String[] fields = line.split(" ", 5);
    return requestId != null && fields.length == 5 && fields[3].equals(requestId);
  }

  /**
   * Over the sandbox's own API, as any client would; returns the endpoint's id and puts the
   * answer's request id in {@code requestId}.
   */
  private static String registerWebhook(
      Sandbox sandbox, String url, String secret, AtomicReference<@Nullable String> requestId) {
    String body = Exchange.JSON.createObjectNode().put("url", url).put("secret", secret).toString();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "v1/webhook_endpoints"))
            .header("Authorization", "Bearer " + sandbox.apiKey())
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> response;
    try {
      response =
          HttpClient.newHttpClient()
              .send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e.toString(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    response.headers().firstValue("Request-Id").ifPresent(requestId::set);
    try {
      var json = Exchange.JSON.readTree(response.body());
      if (response.statusCode() != 201) {
        throw new IllegalStateException(
            response.statusCode() + " " + json.path("detail").asText(json.toString()));
      }
      return json.path("id").asText();
    } catch (IOException e) {
      throw new IllegalStateException(response.statusCode() + " with a body that is not JSON", e);
    }
  }

  /**
   * Logging of WireMock, Jetty and the contract validator off (unless configured): the program's
   * own lines are its interface.
   */
  private static void quietLibraryLogging() {
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "off");
    }
  }

  /** The command line, validated. */
  record Options(
      boolean help,
      int port,
      long seed,
      int products,
      int rateLimit,
      @Nullable String webhookUrl,
      @Nullable String webhookSecret) {

    static Options parse(String... args) {
      boolean help = false;
      int port = 0;
      long seed = 42;
      int products = Sandbox.DEFAULT_CATALOG_SIZE;
      int rateLimit = 0;
      String webhookUrl = null;
      String webhookSecret = null;
      for (int i = 0; i < args.length; i++) {
        String option = args[i];
        if (option.equals("--help") || option.equals("-h")) {
          help = true;
          continue;
        }
        if (!option.startsWith("--")) {
          throw new IllegalArgumentException("unexpected argument " + option);
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(option + " needs a value");
        }
        String value = args[++i];
        switch (option) {
          case "--port" -> port = intIn(option, value, 0, 65_535);
          case "--seed" -> seed = longOf(option, value);
          case "--products", "--catalog-size" ->
              products = intIn(option, value, 0, Sandbox.MAX_CATALOG_SIZE);
          case "--rate-limit" -> rateLimit = intIn(option, value, 1, Integer.MAX_VALUE);
          case "--webhook" -> webhookUrl = value;
          case "--webhook-secret" -> {
            if (!SECRET.matcher(value).matches()) {
              throw new IllegalArgumentException("--webhook-secret must look like whsec_<base64>");
            }
            webhookSecret = value;
          }
          default -> throw new IllegalArgumentException("unknown option " + option);
        }
      }
      if ((webhookUrl == null) != (webhookSecret == null)) {
        throw new IllegalArgumentException("--webhook and --webhook-secret go together");
      }
      return new Options(help, port, seed, products, rateLimit, webhookUrl, webhookSecret);
    }

    private static int intIn(String option, String value, int min, int max) {
      long n = longOf(option, value);
      if (n < min || n > max) {
        throw new IllegalArgumentException(
            option + " must be between " + min + " and " + max + " but was " + value);
      }
      return (int) n;
    }

    private static long longOf(String option, String value) {
      try {
        return Long.parseLong(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(option + " must be a number but was " + value, e);
      }
    }
  }

  /** The sandbox could not start; the message is the one line printed. */
  static final class StartFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StartFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
