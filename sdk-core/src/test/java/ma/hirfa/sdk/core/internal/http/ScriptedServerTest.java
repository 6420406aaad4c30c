package ma.hirfa.sdk.core.internal.http;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * The scripted server's faults are what they claim to be, every time, so that the tests built on
 * them cannot flake. Once {@code die()} returns, every connection to the port is refused: the
 * accepting thread, blocked in {@code accept()}, used to keep the listening socket alive a moment
 * longer, and {@code
 * CallTruthTest#aCommitFollowedByRefusedConnectionsIsStillReportedAsMayHaveBeenSent} saw its retry
 * accepted and answered 200 in 7 of 300 runs. And while the server is dead it holds its port, so
 * that no other server (or client connection) can take it.
 */
class ScriptedServerTest {
  @Test
  void aConnectionRightAfterTheServerDiesIsRefused() throws Exception {
    // Many times over: the listening socket must be gone when die() returns, not a moment later.
    for (int i = 0; i < 100; i++) {
      try (ScriptedServer server = new ScriptedServer()) {
        int port = URI.create(server.baseUrl()).getPort();
        new Socket(InetAddress.getLoopbackAddress(), port).close(); // the server is accepting
        server.die();

        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
            .as("connection %d", i)
            .isInstanceOf(ConnectException.class);
      }
    }
  }

  @Test
  void noOtherServerCanTakeADeadServersPort() throws Exception {
    try (ScriptedServer server = new ScriptedServer()) {
      int port = URI.create(server.baseUrl()).getPort();
      server.die();

      assertThatThrownBy(() -> new ServerSocket(port, 50, InetAddress.getLoopbackAddress()).close())
          .isInstanceOf(BindException.class);
    }
  }
}
