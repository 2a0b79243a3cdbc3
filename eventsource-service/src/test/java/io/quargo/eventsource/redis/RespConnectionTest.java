package io.quargo.eventsource.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** RESP2 framing against a scripted server: what we send and how each reply type reads. */
class RespConnectionTest {

  @Test
  void sendsCommandsAsBulkStringArraysAndReadsEveryReplyType() throws Exception {
    String replies = "+OK\r\n" + ":42\r\n" + "$4\r\nh\u00e9l\r\n" + "$-1\r\n" + "*-1\r\n"
        + "*2\r\n$1\r\na\r\n*2\r\n:1\r\n-ERR inner\r\n" + "-NOGROUP no such group\r\n";
    try (ScriptedServer server = new ScriptedServer(replies);
        RespConnection c = RespConnection.open(new RedisEndpoint("127.0.0.1", server.port(), 0, null, null),
            Duration.ofSeconds(5))) {
      assertThat(c.command("PING")).isEqualTo("OK");
      assertThat(c.command("X")).isEqualTo(42L);
      assertThat(c.command("X")).isEqualTo("h\u00e9l");
      assertThat(c.command("X")).isNull();
      assertThat(c.command("X")).isNull();
      List<?> nested = (List<?>) c.command("X");
      assertThat(nested.get(0)).isEqualTo("a");
      assertThat((List<?>) nested.get(1)).first().isEqualTo(1L);
      assertThat(((List<?>) nested.get(1)).get(1)).isInstanceOf(RespException.class);
      assertThatThrownBy(() -> c.command("X")).isInstanceOf(RespException.class)
          .hasMessage("NOGROUP no such group")
          .satisfies(e -> assertThat(((RespException) e).code()).isEqualTo("NOGROUP"));
      // the scripted server reads on its own thread: wait for it to have read both commands
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
          .until(() -> server.received().length() >= "*1\r\n$4\r\nPING\r\n*1\r\n$1\r\nX\r\n".length());
      assertThat(server.received()).startsWith("*1\r\n$4\r\nPING\r\n*1\r\n$1\r\nX\r\n");
    }
  }

  @Test
  void authenticatesAndSelectsTheDatabaseFirst() throws Exception {
    try (ScriptedServer server = new ScriptedServer("+OK\r\n+OK\r\n");
        RespConnection ignored = RespConnection.open(new RedisEndpoint("127.0.0.1", server.port(), 3, "u", "p"),
            Duration.ofSeconds(5))) {
      assertThat(server.awaitReceived(2)).isEqualTo(
          "*3\r\n$4\r\nAUTH\r\n$1\r\nu\r\n$1\r\np\r\n*2\r\n$6\r\nSELECT\r\n$1\r\n3\r\n");
    }
  }

  @Test
  void aConnectionClosedMidReplyIsAnIoError() throws Exception {
    try (ScriptedServer server = new ScriptedServer("$10\r\nabc");
        RespConnection c = RespConnection.open(new RedisEndpoint("127.0.0.1", server.port(), 0, null, null),
            Duration.ofSeconds(5))) {
      assertThatThrownBy(() -> c.command("GET", "k")).isInstanceOf(IOException.class);
    }
  }

  @Test
  void streamEntriesAreFlattenedWithTheirValues() {
    List<StreamEntry> entries = StreamEntry.parse(List.of(
        List.of("A", List.of(List.of("1-0", List.of("f", "v", "g", "w")), Arrays.asList("2-0", null))),
        List.of("B", List.of(List.of("3-0", List.of("x", "y"))))));
    assertThat(entries).extracting(Object::toString).containsExactly(
        "StreamEntry[stream=A, id=1-0, values={f=v, g=w}]", "StreamEntry[stream=A, id=2-0, values={}]",
        "StreamEntry[stream=B, id=3-0, values={x=y}]");
    assertThat(StreamEntry.parse(null)).isEmpty();
  }

  /** Accepts one client, writes the scripted replies, records what the client sent, then closes. */
  private static final class ScriptedServer implements AutoCloseable {
    private final ServerSocket socket = new ServerSocket(0);
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final CompletableFuture<Void> done;

    ScriptedServer(String replies) throws IOException {
      done = CompletableFuture.runAsync(() -> {
        try (Socket client = socket.accept()) {
          OutputStream out = client.getOutputStream();
          out.write(replies.getBytes(StandardCharsets.UTF_8));
          out.flush();
          client.shutdownOutput();
          InputStream in = client.getInputStream();
          byte[] buffer = new byte[1024];
          for (int n; (n = in.read(buffer)) > 0; ) {
            synchronized (received) {
              received.write(buffer, 0, n);
            }
          }
        } catch (IOException e) {
          // the client closed: the script is over
        }
      });
    }

    int port() {
      return socket.getLocalPort();
    }

    String received() {
      synchronized (received) {
        return received.toString(StandardCharsets.UTF_8);
      }
    }

    /** What the client sent once it issued {@code commands} commands. */
    String awaitReceived(int commands) {
      org.awaitility.Awaitility.await().until(() -> received().split("\\*", -1).length - 1 >= commands
          && received().endsWith("\r\n"));
      return received();
    }

    @Override
    public void close() throws IOException {
      socket.close();
      done.orTimeout(5, java.util.concurrent.TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
  }
}
