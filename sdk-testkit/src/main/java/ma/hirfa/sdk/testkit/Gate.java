package ma.hirfa.sdk.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The sandbox's front door, for testing what a client does when the platform is down: while the
 * gate is {@link #shut()}, connections are refused (nothing listens on the port) and open ones are
 * reset, exactly as when a server process dies; {@link #open()} listens again on the same port.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.builder().gate(true).start()) {
 *   sandbox.faults().resetAfterCommit("POST", "/v1/payments", 1);  // the payment is created...
 *   sandbox.gate().shut();                                          // ...and the server dies
 * }
 * }</pre>
 *
 * <p>It forwards bytes both ways between the client and the sandbox's own port on 127.0.0.1, one
 * pair of daemon threads per connection. Thread-safe.
 */
public final class Gate implements AutoCloseable {
  private final int port;
  private final int target;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private @Nullable ServerSocket listening;
  private boolean closed;

  /**
   * Where a gate with no port of its own listens: below Linux's default ephemeral range (32768 and
   * up), so that while the gate is shut no outgoing connection is given its port, which would stop
   * it from listening again.
   */
  private static final int FIRST_PORT = 20_000;

  private static final int PORTS = 12_000;

  Gate(int port, int target) {
    this.target = target;
    ServerSocket s = port != 0 ? bind(port) : bindAnyStablePort();
    this.port = s.getLocalPort();
    accept(s);
  }

  private static ServerSocket bindAnyStablePort() {
    SplittableRandom random = new SplittableRandom();
    IllegalStateException last = null;
    for (int i = 0; i < 100; i++) {
      try {
        return bind(FIRST_PORT + random.nextInt(PORTS));
      } catch (IllegalStateException taken) {
        last = taken;
      }
    }
    throw Objects.requireNonNull(last);
  }

  /** The port clients connect to. */
  public int port() {
    return port;
  }

  /** Stops listening and resets every open connection: new connections are refused. */
  public synchronized void shut() {
    ServerSocket s = listening;
    listening = null;
    if (s != null) {
      closeQuietly(s);
    }
    for (Socket socket : sockets) {
      reset(socket);
    }
    sockets.clear();
  }

  /** Listens again on the same port. */
  public synchronized void open() {
    if (listening == null && !closed) {
      accept(bind(port));
    }
  }

  /** Whether the gate listens now. */
  public synchronized boolean isOpen() {
    return listening != null;
  }

  @Override
  public synchronized void close() {
    closed = true;
    shut();
  }

  private static ServerSocket bind(int port) {
    IOException last = null;
    // The port's recent connections linger in TIME_WAIT; SO_REUSEPORT (where the system has it)
    // lets a new listener in beside them, and a few short retries cover the rest.
    for (int i = 0; i < 50; i++) {
      try {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        if (s.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
          s.setOption(StandardSocketOptions.SO_REUSEPORT, true);
        }
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        return s;
      } catch (IOException e) {
        last = e;
        try {
          Thread.sleep(20);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    throw new IllegalStateException("the sandbox gate cannot listen on port " + port, last);
  }

  private synchronized void accept(ServerSocket s) {
    listening = s;
    Thread acceptor =
        new Thread(
            () -> {
              while (!s.isClosed()) {
                try {
                  forward(s.accept());
                } catch (IOException e) {
                  return;
                }
              }
            },
            "hirfa-sandbox-gate");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private void forward(Socket client) {
    Socket upstream;
    try {
      upstream = new Socket(InetAddress.getLoopbackAddress(), target);
      client.setTcpNoDelay(true);
      upstream.setTcpNoDelay(true);
    } catch (IOException e) {
      reset(client);
      return;
    }
    sockets.add(client);
    sockets.add(upstream);
    pump(client, upstream);
    pump(upstream, client);
  }

  private void pump(Socket from, Socket to) {
    Thread t =
        new Thread(
            () -> {
              byte[] buffer = new byte[16 * 1024];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) != -1) {
                  out.write(buffer, 0, n);
                  out.flush();
                }
              } catch (IOException e) {
                // One side went away: tear the pair down below.
              }
              sockets.remove(from);
              sockets.remove(to);
              closeQuietly(from);
              closeQuietly(to);
            },
            "hirfa-sandbox-gate-pump");
    t.setDaemon(true);
    t.start();
  }

  private static void reset(Socket socket) {
    try {
      socket.setSoLinger(true, 0);
    } catch (IOException e) {
      // Already closed: nothing to reset.
    }
    closeQuietly(socket);
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // Closing for good: nothing to do about it.
    }
  }
}
