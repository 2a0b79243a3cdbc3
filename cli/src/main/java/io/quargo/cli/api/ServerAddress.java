package io.quargo.cli.api;

import java.net.URI;
import java.util.Map;

/**
 * Where the Argo Server-compatible API is, resolved like argo's CLI: {@code -s/--argo-server} or
 * {@code ARGO_SERVER} (host:port, default 127.0.0.1:2746), https when {@code -e/--secure} or
 * {@code ARGO_SECURE=true}, bearer from {@code --token} or {@code ARGO_TOKEN}.
 */
public record ServerAddress(URI base, String token) {
  public static final String DEFAULT_SERVER = "127.0.0.1:2746";

  public static ServerAddress resolve(String server, Boolean secure, String token, Map<String, String> env) {
    String hostPort = firstNonBlank(server, env.get("ARGO_SERVER"), DEFAULT_SERVER);
    boolean tls = secure != null ? secure : "true".equalsIgnoreCase(env.getOrDefault("ARGO_SECURE", ""));
    String base = hostPort.contains("://") ? hostPort : (tls ? "https://" : "http://") + hostPort;
    String baseHref = env.getOrDefault("ARGO_BASE_HREF", "").replaceAll("^/+|/+$", "");
    if (!baseHref.isEmpty()) {
      base = base.replaceAll("/+$", "") + "/" + baseHref;
    }
    URI uri;
    try {
      uri = URI.create(base.replaceAll("/+$", ""));
    } catch (IllegalArgumentException e) {
      throw new CliException("invalid Argo Server address '" + hostPort
          + "' (from --argo-server or ARGO_SERVER): use host:port, e.g. 127.0.0.1:2746", 2);
    }
    if (uri.getHost() == null) {
      throw new CliException("invalid Argo Server address '" + hostPort
          + "' (from --argo-server or ARGO_SERVER): use host:port, e.g. 127.0.0.1:2746", 2);
    }
    return new ServerAddress(uri, bearer(firstNonBlank(token, env.get("ARGO_TOKEN"), null)));
  }

  /** ARGO_TOKEN is usually "Bearer xyz" (argo auth token prints it so); a bare token gets the prefix. */
  private static String bearer(String token) {
    if (token == null) {
      return null;
    }
    String t = token.trim();
    return t.regionMatches(true, 0, "Bearer ", 0, 7) || t.regionMatches(true, 0, "Basic ", 0, 6) ? t : "Bearer " + t;
  }

  private static String firstNonBlank(String a, String b, String c) {
    if (a != null && !a.isBlank()) {
      return a.trim();
    }
    if (b != null && !b.isBlank()) {
      return b.trim();
    }
    return c;
  }
}
