package ma.hirfa.sdk.benchmarks;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One export in a JVM whose heap {@code run.sh} caps ({@code -Xmx32m}), against the server process
 * of {@link ServerMain}: the SDK's streamed {@code ProductExport}, or a generated peer's own {@code
 * exportProducts()} method as generated. Prints one line:
 *
 * <pre>
 * export_memory &lt;side&gt; &lt;heap MB&gt; &lt;outcome&gt; &lt;ms&gt; &lt;products read&gt; [detail]
 * </pre>
 *
 * where the outcome is {@code ok} (every product read, no more, no fewer), {@code wrong} (the call
 * returned without them: the detail says what it returned), {@code oom} (an {@link
 * OutOfMemoryError}, in the caller's thread or in an HTTP client's), {@code failed} (another
 * exception: the detail names it and its root cause) or {@code timeout} (no outcome within the time
 * limit).
 *
 * <p>A client whose own thread dies of an {@code OutOfMemoryError} (the JDK client's selector) can
 * leave the caller waiting for ever on a full heap, where nothing can be allocated any more, not
 * even to handle {@code SIGTERM}: seen with the generated {@code native} client at 1,000,000
 * products. So the watchdog thread writes its line from bytes prepared in advance, two seconds
 * after such a death or at the time limit, and asks the JVM to halt; on a full heap even that can
 * hang, so {@code run.sh} kills the child (SIGKILL) once its line is written.
 *
 * <p>Usage: {@code ExportMemory sdk|gson|native <base-url> <expected products> [limit seconds]}.
 */
public final class ExportMemory {
  /** Set when another thread (an HTTP client's selector, say) died of an OutOfMemoryError. */
  private static final AtomicBoolean OOM_ELSEWHERE = new AtomicBoolean();

  private static final AtomicBoolean REPORTED = new AtomicBoolean();

  private ExportMemory() {}

  public static void main(String[] args) throws Exception {
    String side = args[0];
    String baseUrl = args[1];
    long expected = Long.parseLong(args[2]);
    long limitSeconds = args.length > 3 ? Long.parseLong(args[3]) : 300;
    long heapMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
    String prefix = "export_memory " + side + " " + heapMb + " ";
    long start = System.nanoTime();
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, e) -> {
          if (e instanceof OutOfMemoryError) {
            OOM_ELSEWHERE.set(true);
          }
        });
    new Watchdog(prefix, start, limitSeconds).start();
    AtomicLong read = new AtomicLong();
    try {
      if (side.equals("sdk")) {
        try (var client = Samples.sdkCatalog(baseUrl)) {
          long n = Samples.sdkExport(client, p -> read.incrementAndGet());
          report(prefix, n == expected ? "ok" : "wrong", start, n, n == expected ? "" : "count");
        }
      } else {
        Object result = Peers.exportAsGenerated(side, baseUrl);
        // The generated method decodes the whole body as one product: it cannot return the export.
        report(
            prefix,
            "wrong",
            start,
            0,
            "returned one " + (result == null ? "null" : result.getClass().getSimpleName()));
      }
    } catch (OutOfMemoryError e) {
      report(prefix, "oom", start, read.get(), "in the caller's thread");
    } catch (Exception e) {
      // The JDK client runs out of memory on its selector thread; the call then fails with it as
      // the cause, or with the client closed after it.
      Throwable root = e;
      boolean oom = OOM_ELSEWHERE.get();
      for (Throwable t = e; t != null; t = t.getCause()) {
        oom |= t instanceof OutOfMemoryError;
        root = t;
      }
      report(
          prefix,
          oom ? "oom" : "failed",
          start,
          read.get(),
          oom
              ? "in an HTTP client thread, surfaced as " + name(e)
              : name(e) + " caused by " + name(root));
    }
    System.exit(0);
  }

  private static void report(String prefix, String outcome, long start, long read, String detail) {
    if (!REPORTED.compareAndSet(false, true)) {
      return;
    }
    System.out.println(
        prefix
            + outcome
            + " "
            + (System.nanoTime() - start) / 1_000_000
            + " "
            + read
            + (detail.isEmpty() ? "" : " " + detail));
    System.out.flush();
  }

  /** An exception's class and message, on one line and short (the message can quote a body). */
  private static String name(Throwable t) {
    String message = t.getMessage() == null ? "" : t.getMessage().replaceAll("\\s+", " ");
    if (message.length() > 100) {
      message = message.substring(0, 100) + "...";
    }
    return t.getClass().getSimpleName() + (message.isEmpty() ? "" : " (" + message + ")");
  }

  /**
   * Ends a child that no longer can: everything it writes is prepared before the export starts, and
   * it writes with a stream opened then, so that it needs no memory once the heap is full.
   */
  private static final class Watchdog extends Thread {
    private static final long GRACE_NANOS = 2_000_000_000L;
    private static final byte[] OOM_DETAIL =
        " 0 in an HTTP client thread; the call never returned\n"
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TIMEOUT_DETAIL =
        " 0 no outcome within the limit\n".getBytes(StandardCharsets.US_ASCII);

    private final long start;
    private final long limitNanos;
    private final byte[] oomLine;
    private final byte[] timeoutLine;
    private final byte[] digits = new byte[20];
    private final FileOutputStream out = new FileOutputStream(FileDescriptor.out);

    Watchdog(String prefix, long start, long limitSeconds) {
      super("export-memory-watchdog");
      setDaemon(true);
      this.start = start;
      this.limitNanos = limitSeconds * 1_000_000_000L;
      this.oomLine = (prefix + "oom ").getBytes(StandardCharsets.US_ASCII);
      this.timeoutLine = (prefix + "timeout ").getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void run() {
      long oomSeen = 0;
      while (true) {
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          return;
        }
        long now = System.nanoTime();
        if (OOM_ELSEWHERE.get() && oomSeen == 0) {
          oomSeen = now;
        }
        if (oomSeen != 0 && now - oomSeen > GRACE_NANOS) {
          halt(oomLine, OOM_DETAIL, now);
        } else if (now - start > limitNanos) {
          halt(timeoutLine, TIMEOUT_DETAIL, now);
        }
      }
    }

    private void halt(byte[] line, byte[] detail, long now) {
      try {
        if (REPORTED.compareAndSet(false, true)) {
          out.write(line);
          long ms = (now - start) / 1_000_000;
          int i = digits.length;
          do {
            digits[--i] = (byte) ('0' + ms % 10);
            ms /= 10;
          } while (ms > 0);
          out.write(digits, i, digits.length - i);
          out.write(detail);
          out.flush();
        }
      } catch (IOException | RuntimeException | Error e) {
        // Nothing more can be said; the halt below still ends the JVM.
      } finally {
        Runtime.getRuntime().halt(0);
      }
    }
  }
}
