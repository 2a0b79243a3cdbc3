package io.quargo.sensor.trigger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Just enough SMTP (RFC 5321) to hand one message to a submission server: implicit TLS on port 465, STARTTLS
 * when offered, AUTH PLAIN or LOGIN, then MAIL, RCPT, DATA and QUIT.
 */
final class SmtpClient implements AutoCloseable {
  /** A reply outside the expected class: 4xx may heal, 5xx will not. */
  static final class SmtpException extends IOException {
    final int code;

    SmtpException(String command, int code, String text) {
      super(command + " was answered " + code + " " + text);
      this.code = code;
    }
  }

  private Socket socket;
  private BufferedReader in;
  private OutputStream out;
  private final String host;
  private List<String> capabilities = List.of();

  private SmtpClient(String host) {
    this.host = host;
  }

  static SmtpClient connect(String host, int port, Duration timeout) throws IOException {
    SmtpClient c = new SmtpClient(host);
    Socket plain = port == 465 ? SSLSocketFactory.getDefault().createSocket() : new Socket();
    plain.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
    plain.setSoTimeout((int) timeout.toMillis());
    c.attach(plain);
    c.expect("connect", 220);
    c.hello();
    if (!(plain instanceof SSLSocket) && c.offers("STARTTLS")) {
      c.command("STARTTLS", 220);
      c.attach(((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(plain, host, port, true));
      c.hello();
    }
    return c;
  }

  private void attach(Socket s) throws IOException {
    socket = s;
    in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
    out = s.getOutputStream();
  }

  private void hello() throws IOException {
    capabilities = command("EHLO quargo", 250);
  }

  private boolean offers(String capability) {
    return capabilities.stream().anyMatch(l -> l.toUpperCase(Locale.ROOT).startsWith(capability));
  }

  void login(String username, String password) throws IOException {
    boolean loginOnly = offers("AUTH") && !capabilities.stream()
        .anyMatch(l -> l.toUpperCase(Locale.ROOT).startsWith("AUTH") && l.toUpperCase(Locale.ROOT).contains("PLAIN"));
    Base64.Encoder b64 = Base64.getEncoder();
    if (loginOnly) {
      command("AUTH LOGIN", 334);
      command("AUTH LOGIN username", b64.encodeToString(username.getBytes(StandardCharsets.UTF_8)), 334);
      command("AUTH LOGIN password", b64.encodeToString(password.getBytes(StandardCharsets.UTF_8)), 235);
    } else {
      command("AUTH PLAIN", "AUTH PLAIN " + b64.encodeToString(("\0" + username + "\0" + password)
          .getBytes(StandardCharsets.UTF_8)), 235);
    }
  }

  /** Sends one message; {@code message} is the header and body text with CRLF line ends. */
  void send(String from, List<String> to, String message) throws IOException {
    command("MAIL FROM:<" + from + ">", 250);
    for (String rcpt : to) {
      command("RCPT TO:<" + rcpt + ">", 250, 251);
    }
    command("DATA", 354);
    StringBuilder data = new StringBuilder();
    for (String line : message.split("\r\n", -1)) {
      data.append(line.startsWith(".") ? "." + line : line).append("\r\n"); // dot-stuffing
    }
    data.append(".");
    command("the message (DATA)", data.toString(), 250);
  }

  private List<String> command(String line, int... expected) throws IOException {
    return command(line, line, expected);
  }

  /** @param label what an error names instead of the line (which may hold credentials or the message) */
  private List<String> command(String label, String line, int... expected) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
    return expect(label, expected);
  }

  /** Reads one (possibly multi-line) reply; returns its text lines. */
  private List<String> expect(String command, int... expected) throws IOException {
    List<String> lines = new ArrayList<>();
    String line;
    do {
      line = in.readLine();
      if (line == null || line.length() < 3) {
        throw new IOException(host + " closed the connection after " + command);
      }
      lines.add(line.length() > 4 ? line.substring(4) : "");
    } while (line.length() > 3 && line.charAt(3) == '-');
    int code = Integer.parseInt(line.substring(0, 3));
    for (int e : expected) {
      if (code == e) {
        return lines;
      }
    }
    throw new SmtpException(command, code, String.join(" ", lines));
  }

  @Override
  public void close() {
    try {
      command("QUIT", 221);
    } catch (IOException e) {
      // the message was accepted already; a rude goodbye changes nothing
    }
    try {
      socket.close();
    } catch (IOException e) {
      // nothing left to release
    }
  }
}
