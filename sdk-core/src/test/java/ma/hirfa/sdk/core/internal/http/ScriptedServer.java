package ma.hirfa.sdk.core.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A raw HTTP/1.1 server on 127.0.0.1 that answers each request with the next step of a script,
 * including what no well-behaved server does: reset the connection after reading the request (the
 * request was "committed", the response lost), stop listening so that later connections are refused
 * (a pod that died), or answer one request and hang.
 */
final class ScriptedServer implements AutoCloseable {
  /** One step: what to do with the request just read. */
  interface Step {
    void answer(Socket socket, OutputStream out) throws IOException, InterruptedException;
  }

  /** A request as received: method, path, lower-case headers, body. */
  record Received(String method, String path, Map<String, String> headers, byte[] body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private final ConcurrentLinkedQueue<Step> script = new ConcurrentLinkedQueue<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final int port;
  private volatile ServerSocket server;
  private volatile Step fallback = respond(200, "application/json", "{}");

  /**
   * Holds the port once nothing listens on it ({@link #die()}): bound, never listening, so that a
   * connection to the port is refused, and no other socket can take the port meanwhile. A freed
   * port would be free for anyone: a server of another build binding an ephemeral port, or a client
   * connection given it as its local port (which then connects to itself); the next connection
   * would reach them instead of being refused.
   */
  private Socket holder;

  /** The thread accepting connections on {@link #server}. */
  private volatile Thread acceptor;

  ScriptedServer() throws IOException {
    this.server = listener(0);
    this.port = server.getLocalPort();
    acceptLoop(server);
  }

  /**
   * A listening socket on 127.0.0.1 that shares its port with the {@link #holder} ({@code
   * SO_REUSEPORT}, where the platform has it), so that the holder can bind before the listener
   * closes and the port is never free in between.
   */
  private static ServerSocket listener(int port) throws IOException {
    ServerSocket s = new ServerSocket();
    s.setReuseAddress(true);
    if (REUSE_PORT) {
      s.setOption(StandardSocketOptions.SO_REUSEPORT, true);
    }
    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
    return s;
  }

  private static final boolean REUSE_PORT = reusePortSupported();

  private static boolean reusePortSupported() {
    try (Socket s = new Socket()) {
      return s.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT);
    } catch (IOException e) {
      return false;
    }
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port + "/";
  }

  ScriptedServer then(Step... steps) {
    script.addAll(List.of(steps));
    return this;
  }

  ScriptedServer otherwise(Step step) {
    this.fallback = step;
    return this;
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  /**
   * Stops listening: from now on connections to the port are refused, until {@link #close()} or
   * {@link #revive()}; the port stays held meanwhile. Returns once nothing listens any more.
   */
  synchronized void die() throws IOException {
    if (holder == null) {
      Socket h = new Socket();
      if (REUSE_PORT) {
        h.setOption(StandardSocketOptions.SO_REUSEPORT, true);
      } else {
        server.close(); // the port cannot be shared: it is free between these two lines
        h.setReuseAddress(true);
      }
      h.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      holder = h;
    }
    server.close();
    // The accepting thread, blocked in accept(), keeps the listening socket open in the kernel
    // until it returns: a connection arriving meanwhile would still be accepted and answered.
    awaitStopped(acceptor);
  }

  private static void awaitStopped(Thread thread) throws IOException {
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while the server stopped listening", e);
    }
    if (thread.isAlive()) {
      throw new IOException("the server's accepting thread did not stop");
    }
  }

  @Override
  public synchronized void close() throws IOException {
    try (Socket h = holder) {
      server.close();
    }
  }

  // --- steps ------------------------------------------------------------------------------------

  static Step respond(int status, String contentType, String body) {
    return respond(status, Map.of("Content-Type", contentType), body);
  }

  static Step respond(int status, Map<String, String> headers, String body) {
    return (socket, out) -> {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(" X\r\n");
      headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      head.append("Content-Length: ").append(bytes.length).append("\r\n\r\n");
      out.write(head.toString().getBytes(StandardCharsets.UTF_8));
      out.write(bytes);
      out.flush();
    };
  }

  static Step problem(int status, String code, Map<String, String> extraHeaders) {
    Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
    headers.put("Content-Type", "application/problem+json");
    return respond(
        status,
        headers,
        "{\"title\":\"T\",\"status\":" + status + ",\"code\":\"" + code + "\",\"errors\":[]}");
  }

  /** Reads the request, then resets the connection: it was processed, the answer is lost. */
  static Step reset() {
    return (socket, out) -> {
      socket.setSoLinger(true, 0);
      socket.close();
    };
  }

  /** Resets the connection, then stops listening: the pod died after it committed. */
  Step resetThenDie() {
    return (socket, out) -> {
      die();
      reset().answer(socket, out);
    };
  }

  /** Holds the request for {@code millis} before answering {@code then}. */
  static Step after(long millis, Step then) {
    return (socket, out) -> {
      Thread.sleep(millis);
      then.answer(socket, out);
    };
  }

  // --- the server -------------------------------------------------------------------------------

  private void acceptLoop(ServerSocket listening) {
    Thread thread =
        new Thread(
            () -> {
              while (!listening.isClosed()) {
                try {
                  Socket s = listening.accept();
                  Thread t = new Thread(() -> serve(s), "scripted-server-conn");
                  t.setDaemon(true);
                  t.start();
                } catch (IOException e) {
                  return;
                }
              }
            },
            "scripted-server");
    thread.setDaemon(true);
    this.acceptor = thread;
    thread.start();
  }

  /** Listens again on the same port, after {@link #die()}. */
  synchronized void revive() throws IOException {
    if (!REUSE_PORT && holder != null) {
      holder.close();
      holder = null;
    }
    ServerSocket s = listener(port);
    if (holder != null) {
      holder.close();
      holder = null;
    }
    server = s;
    acceptLoop(s);
  }

  private void serve(Socket s) {
    try (s;
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream()) {
      while (true) {
        Received r = read(in);
        if (r == null) {
          return;
        }
        received.add(r);
        Step step = script.poll();
        (step == null ? fallback : step).answer(s, out);
        if (s.isClosed()) {
          return;
        }
      }
    } catch (IOException | InterruptedException e) {
      // The client went away or the step closed the socket: nothing more to serve.
    }
  }

  private static Received read(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int b;
    int matched = 0;
    while ((b = in.read()) != -1) {
      head.write(b);
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
      if (matched == 4) {
        break;
      }
    }
    if (b == -1) {
      return null;
    }
    String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    String[] requestLine = lines[0].split(" ");
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(
            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim());
      }
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    byte[] body = in.readNBytes(length);
    return new Received(requestLine[0], requestLine[1], headers, body);
  }

  static List<String> paths(List<Received> rs) {
    List<String> out = new ArrayList<>();
    rs.forEach(r -> out.add(r.method() + " " + r.path()));
    return out;
  }
}
