package io.quargo.eventbus.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Quarkus test resource: points {@code quargo.bus.url} at the shared test server.
 * Use with {@code @WithTestResource(NatsTestResource.class)} on a {@code @QuarkusTest}.
 */
public class NatsTestResource implements QuarkusTestResourceLifecycleManager {
  public static final String URL_PROPERTY = "quargo.bus.url";

  @Override
  public Map<String, String> start() {
    return Map.of(URL_PROPERTY, NatsServers.shared().url());
  }

  @Override
  public void stop() {
    // the shared server outlives a Quarkus application; it stops when the JVM exits
  }
}
