package io.quargo.eventsource.redis;

import io.quargo.core.tls.PemSslContext;
import io.quargo.core.tls.TlsFailure;
import io.quargo.eventsource.tls.TlsSpec;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * A blocking Redis connection speaking RESP2 (over TLS when the endpoint has {@code tls}), enough for SUBSCRIBE and
 * the stream commands. We talk RESP
 * ourselves because the pinned Lettuce 7 needs Netty 4.2 while the platform pins Netty 4.1. Replies are
 * {@code String} (simple and bulk strings), {@code Long}, {@code List<Object>}, or null; an error reply is thrown
 * as {@link RespException}. Not thread-safe: one thread uses a connection; {@link #close} may come from another.
 */
public final class RespConnection implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  private RespConnection(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new BufferedInputStream(socket.getInputStream());
    this.out = new BufferedOutputStream(socket.getOutputStream());
  }

  /**
   * Connects, authenticates and selects the database. {@code readTimeout} bounds every reply wait (zero waits
   * forever, for a subscriber); an unreachable server or refused login is an {@link IOException} or
   * {@link RespException} naming the address.
   */
  public static RespConnection open(RedisEndpoint endpoint, Duration readTimeout) throws IOException {
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), 10_000);
      socket.setSoTimeout((int) readTimeout.toMillis());
      socket.setKeepAlive(true);
      if (endpoint.tls() != null) {
        socket = handshake(socket, endpoint);
      }
      RespConnection c = new RespConnection(socket);
      if (endpoint.password() != null) {
        if (endpoint.username() != null) {
          c.command("AUTH", endpoint.username(), endpoint.password());
        } else {
          c.command("AUTH", endpoint.password());
        }
      }
      if (endpoint.db() != 0) {
        c.command("SELECT", Integer.toString(endpoint.db()));
      }
      return c;
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  /**
   * TLS over the connected socket, as go-redis with a {@code TLSConfig}: the server's certificate is checked
   * against the spec's CA and, unless {@code insecureSkipVerify}, its host name. A failed handshake is an
   * {@link IOException} saying which {@code tls} field to fix.
   */
  private static Socket handshake(Socket plain, RedisEndpoint endpoint) throws IOException {
    TlsSpec tls = endpoint.tls();
    SSLSocket socket = (SSLSocket) PemSslContext.create(tls).getSocketFactory()
        .createSocket(plain, endpoint.host(), endpoint.port(), true);
    if (!tls.insecureSkipVerify()) {
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      socket.setSSLParameters(parameters);
    }
    String address = endpoint.host() + ":" + endpoint.port();
    try {
      socket.startHandshake();
      return socket;
    } catch (SocketTimeoutException e) {
      socket.close();
      throw new IOException(TlsFailure.notTls(tls, address, "no answer to the TLS hello: " + e.getMessage()), e);
    } catch (IOException e) {
      socket.close();
      throw new IOException(TlsFailure.describe(e, tls, address), e);
    }
  }

  /** Changes how long a read waits; zero waits forever. */
  public void setReadTimeout(Duration timeout) throws IOException {
    socket.setSoTimeout((int) timeout.toMillis());
  }

  /** Sends a command and returns its reply. */
  public Object command(String... args) throws IOException {
    send(args);
    return read();
  }

  /** Sends a command without reading its reply (SUBSCRIBE answers with one message per channel). */
  public void send(String... args) throws IOException {
    out.write(("*" + args.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
    for (String arg : args) {
      byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
      out.write(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(bytes);
      out.write('\r');
      out.write('\n');
    }
    out.flush();
  }

  /** Reads one reply (or one pushed pub/sub message). */
  public Object read() throws IOException {
    int type = in.read();
    if (type < 0) {
      throw new IOException("connection closed by the server");
    }
    String line = line();
    switch (type) {
      case '+':
        return line;
      case '-':
        throw new RespException(line);
      case ':':
        return Long.parseLong(line);
      case '$':
        return bulk(Integer.parseInt(line));
      case '*':
        int count = Integer.parseInt(line);
        if (count < 0) {
          return null;
        }
        List<Object> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          items.add(readNested());
        }
        return items;
      default:
        throw new IOException("unexpected reply type '" + (char) type + "' from the server");
    }
  }

  /** An error nested in an array is a value, not a failure of the whole reply. */
  private Object readNested() throws IOException {
    try {
      return read();
    } catch (RespException e) {
      return e;
    }
  }

  private String bulk(int length) throws IOException {
    if (length < 0) {
      return null;
    }
    byte[] bytes = in.readNBytes(length);
    if (bytes.length < length || in.read() != '\r' || in.read() != '\n') {
      throw new IOException("connection closed in the middle of a reply");
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private String line() throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != '\r') {
      if (b < 0) {
        throw new IOException("connection closed in the middle of a reply");
      }
      buffer.write(b);
    }
    if (in.read() != '\n') {
      throw new IOException("malformed reply line from the server");
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
  }
}
