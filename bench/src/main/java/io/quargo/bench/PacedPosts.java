package io.quargo.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * Open-loop POSTs at a fixed rate, as wrk2 drives them: request {@code n} is due at {@code start + n / rate}, and its
 * latency is counted from that due time, so a caller that falls behind shows up as latency instead of quietly
 * sending less (no coordinated omission). The body gets the due time, so a downstream sink can time the same event.
 *
 * <p>Blocking callers on keep-alive sockets speaking just enough HTTP/1.1: a generator costs little CPU next to
 * the server it loads, which matters on 2 cores (the JDK client, one future per request, was itself the limit
 * above ~1,000 requests/s here).
 */
final class PacedPosts {
  /** What a run gave: requests sent, 200s, and the latencies of the 200s from their due times. */
  record Result(long sent, long accepted, Latencies latencies, long startNanos) {}

  private final int port;
  private final String path;
  private final int callers;

  PacedPosts(int port, String path, int callers) {
    this.port = port;
    this.path = path;
    this.callers = callers;
  }

  /** {@code rate} requests/s for {@code seconds}; {@code body} maps a request's due time (nanoTime) to its JSON. */
  Result run(int rate, int seconds, LongFunction<String> body) throws InterruptedException {
    long total = (long) rate * seconds;
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
    AtomicLong accepted = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    Latencies latencies = new Latencies();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < callers; c++) {
      int first = c;
      Thread caller = new Thread(() -> {
        Connection connection = null;
        for (long n = first; n < total; n += callers) {
          long due = start + n * 1_000_000_000L / rate;
          long wait = due - System.nanoTime();
          if (wait > 0) {
            sleep(wait);
          }
          try {
            if (connection == null) {
              connection = new Connection(port);
            }
            if (connection.post(path, body.apply(due)) == 200) {
              latencies.add(System.nanoTime() - due);
              accepted.incrementAndGet();
            } else {
              failed.incrementAndGet();
            }
          } catch (IOException e) {
            failed.incrementAndGet();
            connection = close(connection);
          }
        }
        close(connection);
      }, "paced-" + c);
      caller.start();
      threads.add(caller);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    if (failed.get() > 0) {
      System.out.printf(Locale.ROOT, "paced POSTs: %,d not answered 200%n", failed.get());
    }
    return new Result(total, accepted.get(), latencies, start);
  }

  private static void sleep(long nanos) {
    try {
      TimeUnit.NANOSECONDS.sleep(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Connection close(Connection connection) {
    if (connection != null) {
      try {
        connection.socket.close();
      } catch (IOException ignored) {
        // already broken
      }
    }
    return null;
  }

  /** One keep-alive HTTP/1.1 connection: a POST with a JSON body, the status read and the body skipped. */
  private static final class Connection {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    Connection(int port) throws IOException {
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(60_000);
      out = socket.getOutputStream();
      in = new BufferedInputStream(socket.getInputStream());
    }

    int post(String path, String json) throws IOException {
      byte[] body = json.getBytes(StandardCharsets.UTF_8);
      String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "Content-Length: " + body.length + "\r\n\r\n";
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      String status = line();
      int code = Integer.parseInt(status.substring(9, 12));
      long length = 0;
      for (String header; !(header = line()).isEmpty(); ) {
        String lower = header.toLowerCase(Locale.ROOT);
        if (lower.startsWith("content-length:")) {
          length = Long.parseLong(lower.substring(15).trim());
        } else if (lower.startsWith("transfer-encoding:")) {
          throw new IOException("chunked answers are not read by this generator: " + header);
        }
      }
      in.skipNBytes(length);
      return code;
    }

    private String line() throws IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
      for (int b; (b = in.read()) != '\n'; ) {
        if (b < 0) {
          throw new IOException("connection closed mid-answer");
        }
        if (b != '\r') {
          bytes.write(b);
        }
      }
      return bytes.toString(StandardCharsets.US_ASCII);
    }
  }
}
