package ma.hirfa.sdk.benchmarks;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One export in a JVM whose heap {@code run.sh} caps ({@code -Xmx64m}), against the server process
 * of {@link ServerMain}: the SDK's streamed {@code ProductExport}, or a generated peer's own {@code
 * exportProducts()} method as generated. Prints one line, {@code export_memory <side> <heap MB> ok
 * <products> <ms>} or {@code export_memory <side> <heap MB> oom <ms>}, or {@code ... wrong <what it
 * returned>} when the call returns without the products.
 *
 * <p>Usage: {@code ExportMemory sdk|gson|native <base-url> <expected products>}.
 */
public final class ExportMemory {
  private ExportMemory() {}

  public static void main(String[] args) throws Exception {
    String side = args[0];
    String baseUrl = args[1];
    long expected = Long.parseLong(args[2]);
    long heapMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
    String prefix = "export_memory " + side + " " + heapMb + " ";
    long start = System.nanoTime();
    try {
      if (side.equals("sdk")) {
        AtomicLong last = new AtomicLong();
        try (var client = Samples.sdkCatalog(baseUrl)) {
          long n = Samples.sdkExport(client, p -> last.incrementAndGet());
          System.out.println(
              prefix
                  + (n == expected ? "ok " : "wrong ")
                  + n
                  + " "
                  + (System.nanoTime() - start) / 1_000_000);
        }
      } else {
        Object result = Peers.exportAsGenerated(side, baseUrl);
        // The generated method decodes the body as one product: it cannot return the export.
        System.out.println(
            prefix
                + "wrong one "
                + (result == null ? "null" : result.getClass().getSimpleName())
                + " "
                + (System.nanoTime() - start) / 1_000_000);
      }
    } catch (OutOfMemoryError e) {
      System.out.println(prefix + "oom " + (System.nanoTime() - start) / 1_000_000);
    } catch (Exception e) {
      // The JDK client runs out of memory on its selector thread; the call then fails with it as
      // the cause, or with the client closed after it.
      boolean oom = OOM_ELSEWHERE.get();
      for (Throwable t = e; t != null && !oom; t = t.getCause()) {
        oom = t instanceof OutOfMemoryError;
      }
      System.out.println(
          prefix
              + (oom ? "oom " : "failed " + e.getClass().getSimpleName() + " ")
              + (System.nanoTime() - start) / 1_000_000);
    }
  }

  /** Set when another thread (an HTTP client's) died of an {@link OutOfMemoryError}. */
  private static final java.util.concurrent.atomic.AtomicBoolean OOM_ELSEWHERE =
      new java.util.concurrent.atomic.AtomicBoolean();

  static {
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, e) -> {
          if (e instanceof OutOfMemoryError) {
            OOM_ELSEWHERE.set(true);
          }
        });
  }
}
