package io.quargo.eventbus;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How to reach the bus. Built from flat properties ({@code quargo.bus.*}) so the Quarkus services and
 * the CLI read one format; every key is listed in README "Configuration".
 *
 * @param urls servers to try, e.g. {@code nats://a:4222}
 * @param token bearer token, or null
 * @param user user name for user/password auth, or null
 * @param password password for {@code user}
 * @param credsFile NATS {@code .creds} file (JWT + nkey seed), or null
 * @param tls TLS material, or null for plain TCP (a {@code tls://} URL without it uses the JVM trust store)
 * @param connectionName shown in the server's connz, to tell replicas apart
 * @param connectTimeout how long the first connect may take
 * @param reconnectWait first pause between reconnect attempts; doubles up to {@code reconnectWaitMax}
 * @param reconnectWaitMax longest pause between reconnect attempts
 * @param maxReconnects attempts before giving up; -1 = never give up
 */
public record BusConfig(
    List<String> urls,
    String token,
    String user,
    String password,
    Path credsFile,
    TlsConfig tls,
    String connectionName,
    Duration connectTimeout,
    Duration reconnectWait,
    Duration reconnectWaitMax,
    int maxReconnects) {

  public static final String PREFIX = "quargo.bus.";
  public static final String DEFAULT_URL = "nats://127.0.0.1:4222";
  /** Every key {@link #from} reads, after {@link #PREFIX}; config systems that map env vars need the list. */
  public static final List<String> KEYS = List.of("url", "token", "user", "password",
      "creds-file", "tls.ca-file", "tls.cert-file", "tls.key-file", "connection-name", "connect-timeout",
      "reconnect-wait", "reconnect-wait-max", "max-reconnects");

  public BusConfig {
    urls = List.copyOf(urls);
    if (urls.isEmpty()) {
      throw new BusException("quargo.bus.url is empty; give at least one nats:// URL, e.g. " + DEFAULT_URL);
    }
  }

  /** Defaults for one server URL: no auth, no TLS, reconnect forever with 250 ms to 5 s backoff. */
  public static BusConfig of(String url) {
    return new BusConfig(List.of(url), null, null, null, null, null, "quargo",
        Duration.ofSeconds(5), Duration.ofMillis(250), Duration.ofSeconds(5), -1);
  }

  /**
   * Reads {@code quargo.bus.url} (comma-separated), {@code .token}, {@code .user}, {@code .password},
   * {@code .creds-file}, {@code .tls.*} (see {@link TlsConfig#from}), {@code .connection-name},
   * {@code .connect-timeout}, {@code .reconnect-wait}, {@code .reconnect-wait-max} (ISO-8601 or
   * 250ms/5s style) and {@code .max-reconnects}.
   */
  public static BusConfig from(Map<String, String> props) {
    String url = props.getOrDefault(PREFIX + "url", DEFAULT_URL);
    List<String> urls = Arrays.stream(url.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    String user = blankToNull(props.get(PREFIX + "user"));
    String password = blankToNull(props.get(PREFIX + "password"));
    if (user != null && password == null) {
      throw new BusException("quargo.bus.user is set but quargo.bus.password is not; set both or neither");
    }
    return new BusConfig(urls,
        blankToNull(props.get(PREFIX + "token")),
        user,
        password,
        Optional.ofNullable(blankToNull(props.get(PREFIX + "creds-file"))).map(Path::of).orElse(null),
        TlsConfig.from(props),
        props.getOrDefault(PREFIX + "connection-name", "quargo"),
        Durations.parse(PREFIX + "connect-timeout", props.getOrDefault(PREFIX + "connect-timeout", "5s")),
        Durations.parse(PREFIX + "reconnect-wait", props.getOrDefault(PREFIX + "reconnect-wait", "250ms")),
        Durations.parse(PREFIX + "reconnect-wait-max", props.getOrDefault(PREFIX + "reconnect-wait-max", "5s")),
        parseInt(PREFIX + "max-reconnects", props.getOrDefault(PREFIX + "max-reconnects", "-1")));
  }

  public BusConfig withConnectionName(String name) {
    return new BusConfig(urls, token, user, password, credsFile, tls, name, connectTimeout,
        reconnectWait, reconnectWaitMax, maxReconnects);
  }

  /** A description safe for logs: URLs and which auth is used, never the secrets. */
  @Override
  public String toString() {
    String auth = token != null ? "token" : user != null ? "user " + user : credsFile != null ? "creds " + credsFile : "none";
    return "BusConfig{urls=" + Redaction.urls(urls.toString()) + ", auth=" + auth + ", tls=" + (tls != null) + ", name=" + connectionName + "}";
  }

  private static int parseInt(String key, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new BusException(key + "='" + value + "' is not a whole number");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
