package io.quargo.standalone.api;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Who may call the API (issue 7). The API runs what it is sent, so on anything but a loopback address it
 * requires a bearer token; with a token set, every {@code /api/} request must carry
 * {@code Authorization: Bearer <token>}, whatever the address.
 */
public final class ServerAuth {
  public static final String TOKEN_KEY = "quargo.server.auth-token";

  private final byte[] token;

  private ServerAuth(byte[] token) {
    this.token = token;
  }

  /**
   * @throws IllegalStateException when {@code host} is not loopback and no token is set, saying how to fix it
   */
  public static ServerAuth of(String host, Optional<String> token) {
    Optional<String> set = token.map(String::trim).filter(t -> !t.isEmpty());
    if (set.isEmpty() && !isLoopback(host)) {
      throw new IllegalStateException("refusing to start: quarkus.http.host=" + host + " is not a loopback address"
          + " and no API token is set. The API runs the workflows it is sent, so anyone who can reach it could run"
          + " commands here. Set " + TOKEN_KEY + " (env QUARGO_SERVER_AUTH_TOKEN) to a secret and send it as"
          + " 'Authorization: Bearer <token>', or bind 127.0.0.1 (QUARKUS_HTTP_HOST=127.0.0.1).");
    }
    return new ServerAuth(set.map(t -> t.getBytes(StandardCharsets.UTF_8)).orElse(null));
  }

  public boolean required() {
    return token != null;
  }

  /** Whether an {@code Authorization} header value grants access; compared in constant time. */
  public boolean allows(String authorization) {
    if (token == null) {
      return true;
    }
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    byte[] given = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(given, token);
  }

  static boolean isLoopback(String host) {
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
