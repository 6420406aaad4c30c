package ma.hirfa.sdk.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
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
  private volatile @Nullable ServerSocket listening;
  private @Nullable Thread acceptor;
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
      awaitAcceptorEnd();
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
  public boolean isOpen() {
    // Not synchronized, nor is anything the acceptor thread runs (forward, pump): shut() holds the
    // monitor while it waits for that thread to end.
    return listening != null;
  }

  @Override
  public synchronized void close() {
    closed = true;
    shut();
  }

  /**
   * Listens on {@code port}, alone: never with SO_REUSEPORT, which would let another listener (a
   * second gate, in this JVM or another) share the port and split its connections, so a port
   * someone listens on is refused. SO_REUSEADDR gets a reopen in beside the port's own recent
   * connections, which linger in TIME_WAIT; a few short retries cover those still closing.
   */
  private static ServerSocket bind(int port) {
    IOException last = null;
    for (int i = 0; i < 50; i++) {
      try {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
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
    this.acceptor = acceptor;
  }

  /**
   * A listening socket closed while a thread is blocked in its {@code accept} is released only once
   * that thread wakes up: until then the system still completes connections to the port (and the
   * acceptor would forward them). Waiting for the acceptor makes "shut" mean refused.
   */
  private synchronized void awaitAcceptorEnd() {
    Thread t = acceptor;
    acceptor = null;
    if (t != null && t != Thread.currentThread()) {
      try {
        t.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void forward(Socket client) {
    // Both registered before anything can block, so that a shut() from now on resets them.
    Socket upstream = new Socket();
    sockets.add(client);
    sockets.add(upstream);
    try {
      // The sandbox is on this machine: a connect that takes seconds means it is gone.
      upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), target), 5_000);
      client.setTcpNoDelay(true);
      upstream.setTcpNoDelay(true);
    } catch (IOException e) {
      drop(client, upstream);
      return;
    }
    if (!isOpen()) { // shut before or while connecting upstream: the pair must not outlive it
      drop(client, upstream);
      return;
    }
    pump(client, upstream);
    pump(upstream, client);
  }

  private void drop(Socket... pair) {
    for (Socket s : pair) {
      sockets.remove(s);
      reset(s);
    }
  }

  private void pump(Socket from, Socket to) {
    Thread t =
        new Thread(
            () -> {
              byte[] buffer = new byte[16 * 1024];
              boolean broken = false;
              try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                int n;
                while ((n = in.read(buffer)) != -1) {
                  out.write(buffer, 0, n);
                  out.flush();
                }
              } catch (IOException e) {
                broken = true; // one side was reset (or shut): reset the other, never a clean end
              }
              if (broken) {
                drop(from, to);
              } else {
                sockets.remove(from);
                sockets.remove(to);
                closeQuietly(from);
                closeQuietly(to);
              }
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
