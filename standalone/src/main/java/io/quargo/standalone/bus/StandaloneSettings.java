package io.quargo.standalone.bus;

import io.quargo.eventbus.BusConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Where the standalone server finds its bus, read once from Quarkus config (every key is listed in
 * application.properties with its default).
 *
 * @param busProperties the {@code quargo.bus.*} keys (URL, auth, TLS, timeouts)
 * @param natsUrl the {@code NATS_URL} environment variable, used when {@code quargo.bus.url} is not set
 * @param dataDir {@code quargo.data-dir}: the child nats-server keeps its store in {@code <data-dir>/nats}
 * @param natsPort {@code quargo.nats.port}: the child's client port on 127.0.0.1; 0 = a free port
 * @param natsStartTimeout {@code quargo.nats.start-timeout}: how long the child may take to accept connections
 */
public record StandaloneSettings(
    Map<String, String> busProperties,
    Optional<String> natsUrl,
    Path dataDir,
    int natsPort,
    Duration natsStartTimeout) {

  public static final String URL_KEY = BusConfig.PREFIX + "url";

  public StandaloneSettings {
    busProperties = Map.copyOf(busProperties);
    natsUrl = natsUrl.filter(s -> !s.isBlank());
  }

  static StandaloneSettings from(Config config) {
    return new StandaloneSettings(
        BusProperties.collect(config),
        config.getOptionalValue("NATS_URL", String.class),
        config.getOptionalValue("quargo.data-dir", String.class).map(Path::of)
            .orElse(Path.of(System.getProperty("user.home"), ".quargo")),
        config.getOptionalValue("quargo.nats.port", Integer.class).orElse(0),
        config.getOptionalValue("quargo.nats.start-timeout", Duration.class).orElse(Duration.ofSeconds(30)));
  }

  /** The bus URL given from outside, if any: {@code quargo.bus.url} first, then {@code NATS_URL}. */
  public Optional<Given> givenUrl() {
    String url = busProperties.get(URL_KEY);
    if (url != null && !url.isBlank()) {
      return Optional.of(new Given(url, URL_KEY));
    }
    return natsUrl.map(u -> new Given(u, "NATS_URL"));
  }

  public Path natsStoreDir() {
    return dataDir.resolve("nats");
  }

  /** A URL and the setting it came from. */
  public record Given(String url, String source) {}
}
