package io.quargo.sensor.trigger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny SMTP server for tests: EHLO, AUTH PLAIN or LOGIN (checked against one user), MAIL, RCPT, DATA, QUIT.
 * Records each accepted message; refuses recipients at {@code refused.example} with 550.
 */
final class SmtpSink implements AutoCloseable {
  record Mail(String authenticatedAs, String from, List<String> to, String data) {}

  final List<Mail> mails = new CopyOnWriteArrayList<>();
  private final ServerSocket server;
  private final String user;
  private final String password;
  private final String authMechanisms;

  /** @param authMechanisms what EHLO offers, e.g. "PLAIN LOGIN" or "LOGIN" */
  SmtpSink(String user, String password, String authMechanisms) {
    this.user = user;
    this.password = password;
    this.authMechanisms = authMechanisms;
    try {
      server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread t = new Thread(this::acceptLoop, "smtp-sink");
    t.setDaemon(true);
    t.start();
  }

  int port() {
    return server.getLocalPort();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try (Socket s = server.accept()) {
        session(s);
      } catch (IOException e) {
        // closed, or the client went away: next connection
      }
    }
  }

  private void session(Socket s) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
    OutputStream out = s.getOutputStream();
    reply(out, "220 sink ESMTP");
    String authed = null;
    String from = null;
    List<String> to = new ArrayList<>();
    String line;
    while ((line = in.readLine()) != null) {
      String upper = line.toUpperCase();
      if (upper.startsWith("EHLO")) {
        reply(out, "250-sink greets you\r\n250-AUTH " + authMechanisms + "\r\n250 8BITMIME");
      } else if (upper.startsWith("AUTH PLAIN ")) {
        String[] parts = decode(line.substring(11)).split("\0", -1);
        authed = check(out, parts[1], parts[2]);
      } else if (upper.equals("AUTH LOGIN")) {
        reply(out, "334 VXNlcm5hbWU6");
        String u = decode(in.readLine());
        reply(out, "334 UGFzc3dvcmQ6");
        authed = check(out, u, decode(in.readLine()));
      } else if (upper.startsWith("MAIL FROM:")) {
        from = line.substring(10).replaceAll("[<>]", "");
        to.clear();
        reply(out, authed == null ? "530 authentication required" : "250 ok");
      } else if (upper.startsWith("RCPT TO:")) {
        String rcpt = line.substring(8).replaceAll("[<>]", "");
        if (rcpt.endsWith("@refused.example")) {
          reply(out, "550 no such user");
        } else {
          to.add(rcpt);
          reply(out, "250 ok");
        }
      } else if (upper.equals("DATA")) {
        reply(out, "354 go ahead");
        StringBuilder data = new StringBuilder();
        String l;
        while ((l = in.readLine()) != null && !l.equals(".")) {
          data.append(l.startsWith("..") ? l.substring(1) : l).append("\n");
        }
        mails.add(new Mail(authed, from, List.copyOf(to), data.toString()));
        reply(out, "250 queued");
      } else if (upper.equals("QUIT")) {
        reply(out, "221 bye");
        return;
      } else {
        reply(out, "502 not implemented");
      }
    }
  }

  private String check(OutputStream out, String u, String p) throws IOException {
    boolean ok = u.equals(user) && p.equals(password);
    reply(out, ok ? "235 authenticated" : "535 bad credentials");
    return ok ? u : null;
  }

  private static String decode(String b64) {
    return new String(Base64.getDecoder().decode(b64.trim()), StandardCharsets.UTF_8);
  }

  private static void reply(OutputStream out, String text) throws IOException {
    out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // already closed
    }
  }
}
