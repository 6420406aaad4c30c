package ma.hirfa.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.StandardSocketOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The gate dies and comes back as a server process does: shut, it refuses new connections and
 * resets open ones; open, it listens on the same port; and it never shares its port with another
 * listener, which would silently split its connections between two servers.
 */
class SandboxGateTest {

  /** One GET over a raw socket through the gate; returns the status line. */
  private static String get(Sandbox sandbox) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), sandbox.gate().port())) {
      s.setSoTimeout(10_000);
      s.getOutputStream()
          .write(
              ("GET /v1/products?limit=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                      + sandbox.apiKey()
                      + "\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      byte[] head = s.getInputStream().readNBytes(12);
      return new String(head, StandardCharsets.US_ASCII);
    }
  }

  @Test
  void shutItRefusesConnectionsAndOpenItAnswersOnTheSamePort() throws Exception {
    try (Sandbox sandbox = Sandbox.builder().gate(true).catalogSize(3).start()) {
      int port = sandbox.gate().port();
      assertThat(get(sandbox)).isEqualTo("HTTP/1.1 200");

      sandbox.gate().shut();
      assertThat(sandbox.gate().isOpen()).isFalse();
      assertThatThrownBy(() -> get(sandbox)).isInstanceOf(ConnectException.class);

      sandbox.gate().open();
      assertThat(sandbox.gate().port()).isEqualTo(port);
      assertThat(get(sandbox)).isEqualTo("HTTP/1.1 200");
    }
  }

  /**
   * Reset, never a clean end: a client must not read a shut gate as a server that finished its
   * answer. Ten idle connections, since the order the gate tears them down in varies.
   */
  @Test
  void shuttingResetsTheConnectionsThatAreOpen() throws Exception {
    try (Sandbox sandbox = Sandbox.builder().gate(true).catalogSize(3).start()) {
      List<Socket> idle = new ArrayList<>();
      try {
        for (int i = 0; i < 10; i++) {
          Socket s = new Socket(InetAddress.getLoopbackAddress(), sandbox.gate().port());
          s.setSoTimeout(10_000);
          idle.add(s);
        }
        assertThat(get(sandbox)).isEqualTo("HTTP/1.1 200"); // all ten are forwarded by now

        sandbox.gate().shut();

        for (Socket s : idle) {
          InputStream in = s.getInputStream();
          assertThatThrownBy(() -> in.read()).isInstanceOf(SocketException.class);
        }
      } finally {
        for (Socket s : idle) {
          s.close();
        }
      }
    }
  }

  /** Seeded shut and open cycles, each followed by a request: the gate comes back every time. */
  @Test
  void itComesBackOnItsPortAfterEveryShutWithConnectionsJustClosed() throws Exception {
    Random random = new Random(0x6A7E);
    try (Sandbox sandbox = Sandbox.builder().gate(true).catalogSize(3).start()) {
      for (int cycle = 0; cycle < 30; cycle++) {
        for (int i = random.nextInt(3); i >= 0; i--) {
          assertThat(get(sandbox)).as("cycle %d", cycle).isEqualTo("HTTP/1.1 200");
        }
        sandbox.gate().shut();
        sandbox.gate().open();
      }
      assertThat(get(sandbox)).isEqualTo("HTTP/1.1 200");
    }
  }

  /**
   * A port someone already listens on, even with SO_REUSEPORT set (as another gate reopening did),
   * is refused at the gate's first bind instead of shared.
   */
  @Test
  void aGateNeverSharesItsPortWithAnotherListener() throws Exception {
    try (ServerSocket other = new ServerSocket()) {
      other.setReuseAddress(true);
      if (other.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
        other.setOption(StandardSocketOptions.SO_REUSEPORT, true);
      }
      other.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));

      assertThatThrownBy(() -> new Gate(other.getLocalPort(), 9).close())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("cannot listen on port " + other.getLocalPort());
    }
  }
}
