package io.quargo.standalone.bus;

import io.quargo.eventbus.BusConfig;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;

/** The {@code quargo.bus.*} keys from Quarkus config, flat, as {@link BusConfig#from(Map)} reads them. */
final class BusProperties {
  /**
   * Keys looked up by name as well, so that environment variables such as {@code QUARGO_BUS_CONNECT_TIMEOUT}
   * map onto them: an env-only key cannot be told apart from {@code quargo.bus.connect.timeout} by its name.
   */
  static final List<String> KNOWN_KEYS = BusConfig.KEYS;

  private BusProperties() {}

  static Map<String, String> collect(Config config) {
    Map<String, String> props = new TreeMap<>();
    for (String name : config.getPropertyNames()) {
      if (name.startsWith(BusConfig.PREFIX)) {
        config.getOptionalValue(name, String.class).ifPresent(value -> props.put(name, value));
      }
    }
    for (String key : KNOWN_KEYS) {
      config.getOptionalValue(BusConfig.PREFIX + key, String.class).ifPresent(value -> props.put(BusConfig.PREFIX + key, value));
    }
    return props;
  }
}
